"""Risk grading pages of the enterprise portal (/portal/risks/).

Every page goes through ``risk_page``: enterprise users of the user's own
enterprise only, through ``scope_for``; a risk point of another enterprise is
a 404. Only the safety manager writes (``Scope.can_manage_safety_records``);
staff read, and anything they post is a 403 that changes nothing. Government
users supervise in the admin: a page they open here sends them to the same
view there (read-only), and anything they post is a 403. The guided entry
itself is ``core.risks.portal_wizard.RiskPointWizard``.
"""

from __future__ import annotations

import uuid
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.base.errors import Invalid, show_messages
from core.base.workbook import xlsx_response
from core.portal.frame import portal_entry, render_portal
from core.risks.display import (
    assessment_inputs,
    level_cards,
    plot_context,
    plot_shapes,
    risk_point_page,
    site_plan_of,
)
from core.risks.drafts import canonical_from_data
from core.risks.excel import risk_list_export, risk_list_import, risk_list_template
from core.risks.filters import PortalRiskPointFilters
from core.risks.forms import (
    AssessmentForm,
    ImportForm,
    RiskChoices,
    enum_key,
)
from core.risks.models import (
    ControlLevel,
    ControlMeasure,
    RiskDraft,
    RiskEvent,
    RiskLevel,
    RiskPoint,
)
from core.risks.portal_wizard import STEP_TITLES, drafts_of
from core.risks.selectors import (
    UNASSESSED,
    level_order,
    risk_level_counts,
    risk_library,
    risk_overview,
    risk_overview_groups,
    risk_point_detail,
    risk_point_list,
    risk_point_positions,
)
from core.risks.services import (
    RiskDataInvalid,
    risk_event_assess,
    risk_point_data_from_library,
)
from core.risks.site_plan import risk_point_place, site_plan_set
from core.scoring import InvalidInputs

PER_PAGE = 50
PLOT_LIMIT = 500
LEVEL_KEYS = [*RiskLevel.values, UNASSESSED]


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


# -- overview --------------------------------------------------------------------
@require_GET
@risk_page
def overview(request, *, scope, enterprise, can_manage):
    counts = risk_overview(scope=scope, enterprise=enterprise)
    positions = risk_point_positions(
        scope=scope, enterprise=enterprise, limit=PLOT_LIMIT
    )
    plan = site_plan_of(enterprise.pk)
    return page(
        request,
        "risks/overview.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={
            "counts": counts,
            "levels": level_cards(counts),
            "groups": risk_overview_groups(scope=scope, enterprise=enterprise),
            "level_keys": LEVEL_KEYS,
            **plot_context(plot_shapes(positions, plan), plan),
            "plan_url": _plan_url(plan),
            "plot_limited": len(positions) >= PLOT_LIMIT,
            "plot_limit": PLOT_LIMIT,
            "drafts": RiskDraft.objects.filter(
                owner=request.user, enterprise=enterprise
            ).count()
            if can_manage
            else 0,
        },
    )


# -- list ----------------------------------------------------------------------
@require_GET
@risk_page
def risk_list(request, *, scope, enterprise, can_manage):
    choices = RiskChoices(enterprise)
    filterset = PortalRiskPointFilters(request.GET or None, choices=choices)
    form = filterset.form
    filters = filterset.values()
    points = risk_point_list(
        scope=scope, enterprise=enterprise, with_events=True, **filters
    )
    counts = risk_level_counts(
        risk_point_list(
            scope=scope,
            enterprise=enterprise,
            **{k: v for k, v in filters.items() if k != "level"},
        )
    )
    # The level counts already hold the list's total: no second COUNT.
    level = filters.get("level")
    paginator = Paginator(points, PER_PAGE)
    paginator.count = counts[level] if level else counts["total"]  # type: ignore[misc]
    listing = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    level_query = query.copy()
    level_query.pop("level", None)
    rows = []
    for point in listing.object_list:
        events = list(point.events.all())
        rows.append(
            {
                "point": point,
                "unit": choices.unit_labels.get(point.unit_id, ""),
                "events": events,
                "methods": sorted(
                    {
                        choices.method_short.get(
                            e.latest_assessment.method, e.latest_assessment.method
                        )
                        for e in events
                        if e.latest_assessment
                    }
                ),
            }
        )
    return page(
        request,
        "risks/list.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={
            "form": form,
            "page_obj": listing,
            "rows": rows,
            "levels": level_cards(counts),
            "total": counts["total"],
            "current_level": filters.get("level") or "",
            "query": query.urlencode(),
            "level_query": level_query.urlencode(),
            "is_filtering": any(filters.values()),
        },
    )


# -- detail and re-assessment ----------------------------------------------------------
@require_GET
@risk_page
def detail(request, pk, *, scope, enterprise, can_manage):
    point = _point_in_scope(scope, enterprise, pk)
    context = risk_point_page(scope=scope, point=point)
    return page(
        request,
        "risks/detail.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={**context, "plan_url": _plan_url(context["plan"])},
    )


@require_http_methods(["GET", "POST"])
@risk_page(write=True)
def reassess(request, pk, event_pk, *, scope, enterprise, can_manage):
    """Assess one event again: a new assessment is added, none is changed."""
    point = _point_in_scope(scope, enterprise, pk)
    event = get_object_or_404(
        RiskEvent.objects.select_related("latest_assessment"),
        pk=event_pk,
        risk_point=point,
        is_active=True,
    )
    choices = RiskChoices(enterprise)
    latest = event.latest_assessment
    initial = None
    # The latest assessment, else the library's suggestion, pre-fills the form.
    method, inputs = (
        (latest.method, latest.inputs)
        if latest is not None
        else (
            event.suggested_assessment.get("method"),
            event.suggested_assessment.get("inputs") or {},
        )
    )
    if method and choices.method(method) is not None:
        initial = {"method": method, "note": ""}
        for name, value in inputs.items():
            if name in ("direct_conditions", "direct_note"):
                initial[name] = value
            else:
                initial[f"{method}__{name}"] = enum_key(value)
    form = AssessmentForm(request.POST or None, choices=choices, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                assessment = risk_event_assess(
                    user=request.user,
                    event=event,
                    method=data["method"],
                    inputs=data["inputs"],
                    note=data.get("note") or "",
                )
            except InvalidInputs as exc:
                for error in exc.errors:
                    form.add_location_error(tuple(error.location), error.reason)
            else:
                messages.success(
                    request,
                    _("“%(event)s” was assessed again: %(level)s.")
                    % {"event": event.name, "level": assessment.get_level_display()},
                )
                return redirect(
                    reverse("risks:detail", args=[point.pk]) + f"#event-{event.pk}"
                )
        status = 400
    return page(
        request,
        "risks/reassess.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={
            "point": point,
            "event": event,
            "form": form,
            "latest": latest,
            "latest_inputs": assessment_inputs(latest) if latest else [],
            "suggestion": event.suggested_assessment,
            "check_conditions": [
                title
                for key, title in choices.conditions
                if key in event.suggested_assessment.get("check_conditions", ())
            ],
            "method_titles": choices.method_titles,
        },
        status=status,
    )


# -- the guided entry: start, edit, drafts ------------------------------------------------
@require_GET
@risk_page(write=True)
def new(request, *, scope, enterprise, can_manage):
    """Start a new entry: a fresh draft id (the row is written on first save)."""
    return redirect("risks:wizard", draft_id=uuid.uuid4())


@require_GET
@risk_page(write=True)
def drafts(request, *, scope, enterprise, can_manage):
    rows = [
        {"draft": draft, "step_title": STEP_TITLES.get(draft.current_step, "")}
        for draft in drafts_of(user=request.user, enterprise=enterprise)
    ]
    return page(
        request,
        "risks/drafts.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={"rows": rows},
    )


@require_POST
@risk_page(write=True)
def draft_discard(request, draft_id, *, scope, enterprise, can_manage):
    draft = get_object_or_404(
        RiskDraft, draft_id=draft_id, owner=request.user, enterprise=enterprise
    )
    draft.delete()
    messages.success(request, _("The draft was discarded."))
    return redirect("risks:drafts")


# -- risk library ----------------------------------------------------------------
@require_GET
@risk_page
def library(request, *, scope, enterprise, can_manage):
    choices = RiskChoices(enterprise)
    kinds = dict(ControlMeasure.Kind.choices)
    items = [
        {
            "item": item,
            "events": [
                {
                    "event": event,
                    "accident_types": [
                        choices.accident_types[code].name
                        if code in choices.accident_types
                        else code
                        for code in event.accident_types
                    ],
                    "measures": [
                        (kinds.get(m.kind, m.kind), m.text) for m in event.measures
                    ],
                }
                for event in item.entry.events
            ],
        }
        for item in risk_library(industry_codes=choices.industries)
    ]
    return page(
        request,
        "risks/library.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={
            "items": items,
            "kind_labels": dict(RiskPoint.Kind.choices),
            "control_levels": dict(ControlLevel.choices),
        },
    )


@require_POST
@risk_page(write=True)
def library_use(request, *, scope, enterprise, can_manage):
    """Open a library entry's exact copy as a draft, to adapt in the wizard."""
    pack, key = request.POST.get("pack", ""), request.POST.get("key", "")
    choices = RiskChoices(enterprise)
    offered = {
        (item.pack, item.entry.key)
        for item in risk_library(industry_codes=choices.industries)
    }
    if (pack, key) not in offered:
        raise Http404
    try:
        data = risk_point_data_from_library(pack=pack, key=key)
    except RiskDataInvalid as exc:
        messages.error(
            request,
            _("This library entry could not be copied: %(reason)s")
            % {"reason": "; ".join(e.reason for e in getattr(exc, "errors", []))},
        )
        return redirect("risks:library")
    # The copy is a draft of the user's: nothing is written to the
    # enterprise's risk records before the user saves it.
    draft = RiskDraft.objects.create(
        owner=request.user,
        enterprise=enterprise,
        current_step="point",
        data=canonical_from_data(
            data,
            suggestions=[e.suggested_assessment or {} for e in data.events],
            source=f"{pack}:{key}",
        ),
    )
    messages.success(
        request,
        _(
            "“%(name)s” was copied from the library. Adapt it to your site, "
            "assess its events and save it."
        )
        % {"name": data.name},
    )
    return redirect("risks:wizard", draft_id=draft.draft_id)


# -- Excel -----------------------------------------------------------------------


@require_GET
@risk_page
def excel_template(request, *, scope, enterprise, can_manage):
    return xlsx_response(risk_list_template(), "safegrid-risk-list-template.xlsx")


@require_GET
@risk_page
def excel_export(request, *, scope, enterprise, can_manage):
    filterset = PortalRiskPointFilters(
        request.GET or None, choices=RiskChoices(enterprise)
    )
    content = risk_list_export(scope=scope, enterprise=enterprise, **filterset.values())
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return xlsx_response(content, f"safegrid-risk-list-{stamp}.xlsx")


@require_http_methods(["GET", "POST"])
@risk_page(write=True)
def excel_import(request, *, scope, enterprise, can_manage):
    """Upload a filled-in list: all or nothing, every problem at its cell."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            result = risk_list_import(
                user=request.user, enterprise=enterprise, file=form.cleaned_data["file"]
            )
            if result.ok:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d risk point was imported.",
                        "%(count)d risk points were imported.",
                        len(result.points),
                    )
                    % {"count": len(result.points)},
                )
            else:
                status = 400
        else:
            status = 400
    return page(
        request,
        "risks/import.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={"form": form, "result": result},
        status=status,
    )


# -- site plan -------------------------------------------------------------------
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


def _plan_url(plan) -> str:
    if plan is None:
        return ""
    return f"{reverse('risks:site_plan_image')}?v={plan.uploaded_at:%s}"


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
