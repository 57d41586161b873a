"""Where ``/`` sends a visitor: government users to the admin, others to the portal."""

from django.shortcuts import redirect

from core.organizations.scope import scope_for


def root_redirect(request):
    scope = scope_for(request.user)
    if scope.is_government:
        return redirect("wagtailadmin_home")
    return redirect("portal:home")
