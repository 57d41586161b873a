"""The portal's frame, which every app's portal pages share.

``enterprise_portal`` admits enterprise users only (government users are sent
to the admin, users without a role see the "no access" page) and hands the
view the user's scope and enterprise; ``render_portal`` renders a page with
the header's and navigation's data; ``submit`` saves a posted form through a
service and shows a service's ``ValidationError`` at the fields.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.notifications.selectors import unread_count
from core.organizations.models import Enterprise, Role
from core.organizations.scope import Scope, scope_for
from core.portal import selectors


def enterprise_portal(view):
    """Admit enterprise users only, and hand the view their scope and enterprise."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        scope = scope_for(request.user)
        if scope.is_government:
            return redirect("wagtailadmin_home")
        enterprise = selectors.portal_enterprise(scope=scope)
        if enterprise is None:
            return render(request, "portal/no_access.html", status=403)
        return view(request, *args, scope=scope, enterprise=enterprise, **kwargs)

    return wrapper


def require_edit(scope: Scope, enterprise: Enterprise) -> None:
    if not scope.can_edit_enterprise(enterprise):
        raise PermissionDenied(_("Only the safety manager may change this."))


def render_portal(request, template, *, scope, enterprise, context=None, status=200):
    """Render a portal page with the header's and navigation's data."""
    return render(
        request,
        template,
        {
            "enterprise": enterprise,
            "menu": selectors.portal_menu(scope=scope, path=request.path),
            "can_edit": scope.can_edit_enterprise(enterprise),
            "user_name": selectors.display_name(scope=scope, user=request.user),
            "role_label": Role(scope.role).label,
            "notifications_unread": unread_count(request.user),
            **(context or {}),
        },
        status=status,
    )


def apply_errors(form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form, at its fields."""
    if hasattr(error, "error_dict"):
        for field_name, errors in error.error_dict.items():
            target = field_name if field_name in form.fields else None
            for item in errors:
                form.add_error(target, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


def submit(request, form, write, *, to, also_valid=()):
    """Save a posted form through a service, the one way every portal form does.

    When ``form`` and the ``also_valid`` forms are valid, ``write()`` calls the
    service and returns the success message; the user is then redirected to
    ``to``. Returns None when the page must be shown again, with a service's
    ``ValidationError`` put on the form.
    """
    # Validate every form (not all() on a generator): each shows its errors.
    if not all([form.is_valid(), *(other.is_valid() for other in also_valid)]):
        return None
    try:
        message = write()
    except ValidationError as error:
        apply_errors(form, error)
        return None
    messages.success(request, message)
    return redirect(to)
