"""What every risk page shares: ``risk_page`` admits the user, ``page`` renders."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from core.portal.frame import portal_entry, render_portal
from core.risks.selectors import risk_point_detail


def risk_page(view=None, *, write: bool = False):
    """Admit the users of the risk pages and hand the view what it needs.

    ``write`` pages (and every POST) are for the safety manager alone.
    Government users are sent to the supervision admin (GET) or refused.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            # Supervisors read risk points in the admin: a page they may
            # read sends them there, a write is refused.
            counterpart = None
            if not write:
                counterpart = (
                    reverse("risk_points:inspect", args=[kwargs["pk"]])
                    if "pk" in kwargs
                    else reverse("risk_points:index")
                )
            scope, enterprise, refused = portal_entry(
                request, government_to=counterpart
            )
            if refused is not None:
                return refused
            can_manage = scope.can_manage_safety_records(enterprise)
            if (write or request.method not in ("GET", "HEAD")) and not can_manage:
                raise PermissionDenied(
                    _("Only the safety manager may change risk points.")
                )
            return view(
                request,
                *args,
                scope=scope,
                enterprise=enterprise,
                can_manage=can_manage,
                **kwargs,
            )

        return wrapper

    return decorator(view) if view is not None else decorator


def page(request, template, *, scope, enterprise, can_manage, context=None, status=200):
    return render_portal(
        request,
        template,
        scope=scope,
        enterprise=enterprise,
        context={"can_manage": can_manage, **(context or {})},
        status=status,
    )


def _point_in_scope(scope, enterprise, pk):
    point = risk_point_detail(scope=scope, pk=pk)
    if point is None or point.enterprise_id != enterprise.pk:
        raise Http404
    return point


def _plan_url(plan) -> str:
    if plan is None:
        return ""
    return f"{reverse('risks:site_plan_image')}?v={plan.uploaded_at:%s}"
