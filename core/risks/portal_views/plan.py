"""The site plan: upload it, place the risk points on it, serve its image."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Case, When
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.base.errors import Invalid, show_messages
from core.risks.display import plot_context, plot_shapes, site_plan_of
from core.risks.models import RiskPoint
from core.risks.portal_views.base import _plan_url, _point_in_scope, page, risk_page
from core.risks.selectors import level_order
from core.risks.site_plan import risk_point_place, site_plan_set

PLAN_LIST_LIMIT = 200


class SitePlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Site layout"),
        help_text=_(
            "An image (JPEG, PNG, WebP) or a PDF, whose first page is used; "
            "at most 20 MB."
        ),
    )


@require_GET
@risk_page
def site_plan(request, *, scope, enterprise, can_manage):
    """The plan with the points placed on it, and the points to place beside it."""
    plan = site_plan_of(enterprise.pk)
    points = list(
        scope.filter(RiskPoint.objects.filter(enterprise=enterprise))
        .only("pk", "name", "level", "position")
        .order_by(
            Case(When(position__isnull=True, then=0), default=1),
            level_order(),
            "name",
            "pk",
        )[: PLAN_LIST_LIMIT + 1]
    )
    more = len(points) > PLAN_LIST_LIMIT
    points = points[:PLAN_LIST_LIMIT]
    placed = [point for point in points if point.position]
    return page(
        request,
        "risks/site_plan.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={
            **plot_context(plot_shapes(placed, plan), plan),
            "plan_url": _plan_url(plan),
            "unplaced": [point for point in points if not point.position],
            "placed": placed,
            "more": more,
            "upload_form": SitePlanUploadForm(),
            "chosen": request.GET.get("point", ""),
        },
    )


@require_POST
@risk_page(write=True)
def site_plan_upload(request, *, scope, enterprise, can_manage):
    form = SitePlanUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            site_plan_set(
                actor=request.user,
                enterprise=enterprise,
                file=form.cleaned_data["file"],
            )
        except Invalid as error:
            show_messages(request, error)
            return redirect("risks:site_plan")
        messages.success(
            request,
            _("The site plan was saved. Now place the risk points on it."),
        )
    else:
        for problem in form.errors.get("file", []):
            messages.error(request, problem)
    return redirect("risks:site_plan")


@require_POST
@risk_page(write=True)
def site_plan_place(request, *, scope, enterprise, can_manage):
    point = _point_in_scope(scope, enterprise, _int(request.POST.get("point")))
    remove = "remove" in request.POST

    def fraction(name):
        value = request.POST.get(name, "")
        try:
            return float(value) / 100
        except ValueError:
            return value

    try:
        risk_point_place(
            actor=request.user,
            risk_point=point,
            x=None if remove else fraction("x"),
            y=None if remove else fraction("y"),
        )
    except Invalid as error:
        messages.error(request, " ".join(problem.reason for problem in error.errors))
        return redirect(f"{reverse('risks:site_plan')}?point={point.pk}")
    if remove:
        messages.success(
            request, _("“%(name)s” was taken off the plan.") % {"name": point.name}
        )
    else:
        messages.success(
            request, _("“%(name)s” was placed on the plan.") % {"name": point.name}
        )
    return redirect("risks:site_plan")


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@require_GET
@risk_page
def site_plan_image(request, *, scope, enterprise, can_manage):
    """The user's own enterprise's plan image (no id: nothing else to ask for)."""
    plan = site_plan_of(enterprise.pk)
    if plan is None:
        raise Http404
    extension = plan.image.name.rsplit(".", 1)[-1].lower()
    content_type = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
    response = FileResponse(
        plan.image.open("rb"), content_type=content_type.get(extension, "image/png")
    )
    response["Cache-Control"] = "private, max-age=86400"
    return response
