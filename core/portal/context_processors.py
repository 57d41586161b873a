"""Template context for the portal: the user's scope and navigation."""

from core.organizations.scope import scope_for


def portal(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"scope": scope_for(user)}
