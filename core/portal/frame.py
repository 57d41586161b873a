"""The portal's frame, which every app's portal pages share.

``portal_entry`` is the one entry guard of the portal's pages and guided
entries; ``enterprise_portal`` applies it to a view (government users are sent
to the admin, users without a role see the "no access" page) and hands the
view the user's scope and enterprise; ``render_portal`` renders a page with
the header's and navigation's data, and ``portal_page`` renders the context a
view returns with it; ``submit`` saves a posted form through a
service and shows a service's ``ValidationError`` at the fields
(``core.base.errors.apply_errors``).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.base.errors import apply_errors
from core.organizations.models import Enterprise, Role
from core.organizations.scope import Scope, scope_for
from core.portal import selectors


def portal_entry(request, *, government_to: str | None = None):
    """Admit an enterprise user to a page of the portal — the one rule of
    every portal page and guided entry.

    Returns ``(scope, enterprise, None)`` when admitted, else
    ``(scope, None, response)``: the sign-in page for an anonymous user; for a
    government user, who never writes an enterprise's records, the admin
    page ``government_to`` names on a GET (their counterpart of the page),
    and a 403 for any other request or when the page has no counterpart; the
    "no access" page (403) for a user without an enterprise.
    """
    if not request.user.is_authenticated:
        return None, None, redirect_to_login(request.get_full_path())
    scope = scope_for(request.user)
    if scope.is_government:
        if government_to and request.method in ("GET", "HEAD"):
            return scope, None, redirect(government_to)
        raise PermissionDenied(_("Supervisors do not fill in enterprises' records."))
    enterprise = selectors.portal_enterprise(scope=scope)
    if enterprise is None:
        return scope, None, render(request, "portal/no_access.html", status=403)
    return scope, enterprise, None


def enterprise_portal(view):
    """Admit enterprise users only, and hand the view their scope and enterprise."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        scope, enterprise, refused = portal_entry(
            request, government_to="wagtailadmin_home"
        )
        if refused is not None:
            return refused
        return view(request, *args, scope=scope, enterprise=enterprise, **kwargs)

    return wrapper


def _render_page(request, template, scope, enterprise, context, post_status):
    """``render_portal`` answering ``post_status`` after a POST, 200 otherwise."""
    return render_portal(
        request,
        template,
        scope=scope,
        enterprise=enterprise,
        context=context,
        status=post_status if request.method == "POST" else 200,
    )


def portal_page(template: str, *, post_status: int = 200):
    """An enterprise portal page (``enterprise_portal``) whose view returns
    the context of ``template``, rendered with ``render_portal``; a response
    the view returns instead (a redirect, a download) is passed on as it is.

    ``post_status`` is the status of the page shown after a POST (400 where a
    POST that was not saved shows its form again to be corrected)."""

    def decorate(view):
        @enterprise_portal
        @wraps(view)
        def wrapper(request, *args, scope, enterprise, **kwargs):
            context = view(request, *args, scope=scope, enterprise=enterprise, **kwargs)
            if isinstance(context, HttpResponseBase):
                return context
            return _render_page(
                request, template, scope, enterprise, context, post_status
            )

        return wrapper

    return decorate


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
            **(context or {}),
        },
        status=status,
    )


def submit(request, form, write, *, to, also_valid=()):
    """Save a posted form through a service, the one way every portal form does.

    When ``form`` and the ``also_valid`` forms are valid, ``write()`` calls the
    service and returns the success message; the user is then redirected to
    ``to`` (a URL or URL name, or a callable giving it once ``write()`` has run,
    for a record just created). Returns None when the page must be shown
    again, with a service's ``ValidationError`` put on the form.
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
    return redirect(to() if callable(to) else to)


def form_page(
    request, form, write, *, to, template, scope, enterprise, context, also_valid=()
):
    """A portal page with a form saved through a service (``submit``).

    A valid post is saved and redirected to ``to``; otherwise ``template`` is
    shown with ``context`` (status 400 after a post that must be corrected).
    """
    if request.method == "POST":
        done = submit(request, form, write, to=to, also_valid=also_valid)
        if done is not None:
            return done
    return _render_page(request, template, scope, enterprise, context, 400)
