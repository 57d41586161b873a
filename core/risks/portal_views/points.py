"""The overview, the list, a risk point and the re-assessment of its events."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.base.keyset import LAST, BadCursor, keyset_page
from core.portal.selectors import unit_labels
from core.risks.display import (
    assessment_inputs,
    level_cards,
    plot_context,
    plot_shapes,
    risk_point_page,
    site_plan_of,
)
from core.risks.filters import PortalRiskPointFilters
from core.risks.forms import AssessmentForm, RiskChoices, enum_key
from core.risks.models import (
    ControlLevel,
    RiskDraft,
    RiskEvent,
    RiskLevel,
    RiskPoint,
)
from core.risks.portal_views.base import _plan_url, _point_in_scope, page, risk_page
from core.risks.selectors import (
    UNASSESSED,
    risk_level_counts,
    risk_overview,
    risk_overview_figures,
    risk_point_list,
)
from core.risks.services import risk_event_assess
from core.risks.templatetags.risk_tags import level_class, level_label
from core.scoring import InvalidInputs

PER_PAGE = 50
PLOT_LIMIT = 200
LEVEL_KEYS = [*RiskLevel.values, UNASSESSED]


# -- overview --------------------------------------------------------------------
@require_GET
@risk_page
def overview(request, *, scope, enterprise, can_manage):
    counts = risk_overview(scope=scope, enterprise=enterprise)
    figures = risk_overview_figures(
        scope=scope, enterprise=enterprise, counts=counts, plot_limit=PLOT_LIMIT
    )
    positions = figures["positions"]
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
            "groups": figures["groups"],
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
    filterset = PortalRiskPointFilters(
        request.GET or None, choices=choices, scope=scope
    )
    form = filterset.form
    filters = filterset.values()
    # The list shows each point's active events and their methods: the events
    # with their latest assessment, one query (not their accident types and
    # measures, which the detail and the export show).
    points = risk_point_list(scope=scope, enterprise=enterprise, **filters)
    points = points.prefetch_related(
        Prefetch(
            "events",
            queryset=RiskEvent.objects.filter(is_active=True).select_related(
                "latest_assessment"
            ),
        )
    )
    counts = risk_level_counts(
        risk_point_list(
            scope=scope,
            enterprise=enterprise,
            **{k: v for k, v in filters.items() if k != "level"},
        )
    )
    # Pages by cursor (core.base.keyset): the first, a next or previous, and
    # the last page each read one page of the enterprise's order index, never
    # an OFFSET. The level counts hold the list's total: no second COUNT.
    level = filters.get("level")
    total = counts[level] if level else counts["total"]
    cursor = request.GET.get("cursor") or None
    try:
        listing = keyset_page(points, cursor, PER_PAGE)
    except BadCursor:
        raise Http404 from None
    query = request.GET.copy()
    query.pop("cursor", None)
    query.pop("page", None)
    level_query = query.copy()
    level_query.pop("level", None)

    def link(to: str | None) -> str:
        if not to:
            return ""
        linked = query.copy()
        linked["cursor"] = to
        return "?" + linked.urlencode()

    pages = {
        "first": ("?" + query.urlencode()) if cursor else "",
        "previous": link(listing.previous_cursor),
        "next": link(listing.next_cursor),
        "last": link(LAST) if listing.next_cursor else "",
    }
    # The page's units are labelled alone, never the enterprise's whole tree.
    units = unit_labels(
        enterprise=enterprise,
        units=[point.unit for point in listing.rows if point.unit is not None],
    )
    # Labels read once per request, not per row: a choice's display (a lazy,
    # translated label) costs a translation look-up each time it is read.
    kinds = {key: str(label) for key, label in RiskPoint.Kind.choices}
    control_levels = {key: str(label) for key, label in ControlLevel.choices}
    # The markup of risks/includes/level_badge.html, written once per level.
    badges = {
        key: format_html(
            '<span class="level-badge {}" data-level="{}">{}</span>',
            level_class(key),
            key or UNASSESSED,
            level_label(key),
        )
        for key in [*RiskLevel.values, ""]
    }
    rows = []
    for point in listing.rows:
        events = list(point.events.all())
        rows.append(
            {
                "point": point,
                "unit": units.get(point.unit_id, ""),
                "kind": kinds.get(point.kind, point.kind),
                "control": control_levels.get(point.control_level, ""),
                "badge": badges.get(point.level, badges[""]),
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
            "pages": pages,
            "rows": rows,
            "levels": level_cards(counts),
            "total": counts["total"],
            "found": total,
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
