"""What the risk pages show, shared by the portal and the supervisors' admin."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.audit.admin_views import change_rows, related_labels
from core.organizations.scope import Scope
from core.risks.forms import RiskChoices, enum_key
from core.risks.models import (
    Assessment,
    ControlMeasure,
    RiskLevel,
    RiskPoint,
    SitePlan,
)
from core.risks.selectors import UNASSESSED, risk_point_history
from core.scoring import UnknownRule, scoring_engine

PLOT_WIDTH, PLOT_HEIGHT = 1000, 620


def plot_size(plan: SitePlan | None = None) -> tuple[int, int]:
    """The SVG frame: the uploaded plan's proportions, else the plain frame's."""
    if plan is None or not plan.width or not plan.height:
        return PLOT_WIDTH, PLOT_HEIGHT
    return PLOT_WIDTH, max(1, round(PLOT_WIDTH * plan.height / plan.width))


def plot_shapes(
    points: list[RiskPoint], plan: SitePlan | None = None
) -> list[dict[str, Any]]:
    """SVG shapes of the points placed on the site plan (0..1 → the frame)."""
    PLOT_WIDTH, PLOT_HEIGHT = plot_size(plan)  # noqa: N806 - the frame's size
    shapes = []
    for point in points:
        position = point.position or {}
        shape = {"point": point, "level": point.level or UNASSESSED}
        if position.get("type") == "point":
            shape["cx"] = round(float(position["x"]) * PLOT_WIDTH, 1)
            shape["cy"] = round(float(position["y"]) * PLOT_HEIGHT, 1)
            shape["r"] = 14
        elif position.get("type") == "polygon":
            coords = [
                (float(x) * PLOT_WIDTH, float(y) * PLOT_HEIGHT)
                for x, y in position.get("points") or []
            ]
            if len(coords) < 3:
                continue
            shape["points"] = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            shape["cx"] = round(sum(x for x, _y in coords) / len(coords), 1)
            shape["cy"] = round(sum(y for _x, y in coords) / len(coords), 1)
            shape["r"] = 9
        else:
            continue
        shape["label_y"] = round(shape["cy"] - shape["r"] - 8, 1)
        shapes.append(shape)
    return shapes


def level_labels() -> dict[str, str]:
    return {**dict(RiskLevel.choices), UNASSESSED: _("Not assessed yet")}


def level_cards(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The counts of ``selectors.risk_level_counts`` as cards, major first."""
    labels = level_labels()
    return [
        {"key": key, "label": label, "count": counts.get(key, 0)}
        for key, label in labels.items()
    ]


def plot_context(
    shapes: list[dict[str, Any]], plan: SitePlan | None = None
) -> dict[str, Any]:
    width, height = plot_size(plan)
    return {
        "shapes": shapes,
        "plot_width": width,
        "plot_height": height,
        "plan": plan,
        "legend": list(level_labels().items()),
    }


def site_plan_of(enterprise_id: int) -> SitePlan | None:
    """The enterprise's uploaded plan, if any (one query)."""
    return SitePlan.objects.filter(enterprise_id=enterprise_id).first()


def _input_order(method: str, inputs: dict[str, Any]) -> list[str]:
    try:
        declared = list(
            scoring_engine().get(method).rule.input_schema.get("properties", {})
        )
    except UnknownRule:
        declared = []
    known = [name for name in declared if name in inputs]
    return known + sorted(name for name in inputs if name not in declared)


def assessment_inputs(assessment: Assessment) -> list[dict[str, str]]:
    """An assessment's inputs for display: each factor's value and meaning, as
    recorded with the assessment (so it reads the same after tables change)."""
    factors = (assessment.details or {}).get("factors") or {}
    inputs = assessment.inputs or {}
    rows = []
    # PostgreSQL's jsonb does not keep key order: show the inputs in the order
    # the method's schema declares them (L, E, C), whatever the storage.
    for name in _input_order(assessment.method, inputs):
        value = inputs[name]
        if name in ("direct_conditions", "direct_note"):
            continue
        recorded = factors.get(name) or {}
        rows.append(
            {
                "name": name,
                "value": enum_key(value),
                "label": recorded.get("label") or {},
            }
        )
    return rows


def risk_point_page(*, scope: Scope, point: RiskPoint) -> dict[str, Any]:
    """What a risk point's page shows, in the portal and in the admin alike:
    the point's facts, its events with their latest assessment, every
    assessment in order and the measures by type, and its history."""
    choices = RiskChoices(point.enterprise)
    history = risk_point_history(scope=scope, risk_point=point)
    by_event = defaultdict(list)
    for entry in history:
        if entry.assessment is not None:
            by_event[entry.assessment.event_id].append(entry.assessment)
    kind_order = {kind: index for index, kind in enumerate(ControlMeasure.Kind.values)}
    kind_labels = dict(ControlMeasure.Kind.choices)
    events = []
    for event in point.events.all():
        measures = defaultdict(list)
        for measure in sorted(event.measures.all(), key=lambda m: kind_order[m.kind]):
            measures[measure.kind].append(measure)
        latest = event.latest_assessment
        events.append(
            {
                "event": event,
                "latest": latest,
                "inputs": assessment_inputs(latest) if latest else [],
                "assessments": by_event.get(event.pk, []),
                "measures": [(kind_labels[k], items) for k, items in measures.items()],
            }
        )
    return {
        "point": point,
        "unit_label": choices.unit_labels.get(point.unit_id, ""),
        "responsible_unit_label": choices.unit_labels.get(
            point.responsible_unit_id, ""
        ),
        "factors": list(point.hazard_factors.all()),
        "events": events,
        "history": history_rows(history),
        "method_titles": choices.method_titles,
        "reassess_method_title": choices.method_titles.get(
            point.reassess_method, point.reassess_method
        ),
        # A hazard confirmed on the point flagged it (core.hazards.services).
        "reassess_hazard": (
            point.reassess_method.split(":")[1]
            if point.reassess_method.startswith("hazard:")
            else ""
        ),
        # Repeated hazards raised the level (``hazard:<id>:repeat``).
        "reassess_repeated": point.reassess_method.endswith(":repeat"),
        **_point_plot(point),
    }


def _point_plot(point: RiskPoint) -> dict[str, Any]:
    if not point.position:
        return plot_context([])
    plan = site_plan_of(point.enterprise_id)
    return plot_context(plot_shapes([point], plan), plan)


# Fields whose changes the history leaves out: bookkeeping, or shown otherwise
# (the latest assessment is its own line of the history).
HISTORY_SKIPPED_FIELDS = frozenset({"updated_at", "latest_assessment", "order"})


def history_rows(history: list[Any]) -> list[dict[str, Any]]:
    """A risk point's history (``selectors.risk_point_history``) for reading.

    An assessment is one line; a change names the part concerned and what
    happened: created, deleted, or each changed field as old → new, with
    related objects by name (read for all entries at once).
    """
    entries = [entry.log_entry for entry in history if entry.log_entry is not None]
    labels = related_labels(entries)
    actions = {
        LogEntry.Action.CREATE: _("added"),
        LogEntry.Action.UPDATE: _("changed"),
        LogEntry.Action.DELETE: _("removed"),
    }
    rows = []
    for entry in history:
        row = {"at": entry.at, "actor": entry.actor, "assessment": entry.assessment}
        log = entry.log_entry
        if log is not None:
            model = log.content_type.model_class()
            changes = []
            if log.action == LogEntry.Action.UPDATE:
                changes = [
                    change
                    for change, name in zip(
                        change_rows(log, labels), log.changes or {}, strict=True
                    )
                    if name not in HISTORY_SKIPPED_FIELDS
                    and model is not None
                    and _is_field(model, name)
                ]
                if not changes:
                    continue  # only bookkeeping changed
            row.update(
                {
                    "part": capfirst(log.content_type.name),
                    "object": log.object_repr,
                    "action": actions.get(log.action, ""),
                    "changes": changes,
                }
            )
        rows.append(row)
    return rows


def _is_field(model: Any, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return bool(getattr(field, "verbose_name", None))
