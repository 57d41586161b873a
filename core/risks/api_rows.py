"""The API's risk point list, written by hand from plain rows.

``GET /api/v1/risk-points/`` shows 50 points with their active events, each
event's latest assessment, accident types and active measures: some 300
objects a page. Read as model instances through nested DRF serializers, that
page spent most of its time building and walking objects, not in the
database (docs/performance.md). Here the page is read with ``values()`` —
the points with the names they show (one query, the cursor's page), the
events with their analysis unit and latest assessment (one), the accident
types (one) and the measures (one) — and each row is a dict in exactly the
shape of ``RiskPointSerializer`` (which the detail and the schema keep; a
test compares the two row by row).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from core.base.plain_rows import datetime_text, grouped, name_by_key
from core.organizations.models import Enterprise, Person, Unit
from core.risks.models import ControlMeasure, RiskEvent, RiskPoint
from core.scoring import number
from plugins.vocabularies import risk_level_colour

#: The point's columns a row shows, read with ``values()``.
POINT_FIELDS = (
    "id",
    "enterprise_id",
    "enterprise__name",
    "enterprise_name",  # the order's column (the cursor), not shown
    "name",
    "kind",
    "unit_id",
    "unit__name",
    "description",
    "position",
    "level",
    "control_level",
    "responsible_unit_id",
    "responsible_unit__name",
    "responsible_person_id",
    "responsible_person__name",
    "inspection_every",
    "inspection_unit",
    "updated_at",
)

EVENT_FIELDS = (
    "id",
    "risk_point_id",
    "name",
    "consequence",
    "analysis_unit__name",
    "analysis_unit__is_default",
    "latest_assessment_id",
    "latest_assessment__method",
    "latest_assessment__value",
    "latest_assessment__level",
    "latest_assessment__scored_level",
    "latest_assessment__direct_reasons",
    "latest_assessment__inputs",
    "latest_assessment__assessed_by_name",
    "latest_assessment__assessed_at",
)


def risk_point_values(queryset: QuerySet[RiskPoint]) -> QuerySet[RiskPoint]:
    """``queryset`` (filtered and ordered) reading only what a row shows."""
    return queryset.values(*POINT_FIELDS)


def risk_point_values_by_key(queryset: QuerySet[RiskPoint]) -> QuerySet[RiskPoint]:
    """A page's points, already chosen by key (``keyset_page_joined``), in
    the same shape as ``risk_point_values``, the names read by key per row:
    joined, 50 rows of ``id IN (…)`` were planned as hash joins over every
    enterprise, unit and person (a scan of each table, growing with the
    data)."""
    names = {
        "enterprise__name": name_by_key(Enterprise, "enterprise_id"),
        "unit__name": name_by_key(Unit, "unit_id"),
        "responsible_unit__name": name_by_key(Unit, "responsible_unit_id"),
        "responsible_person__name": name_by_key(Person, "responsible_person_id"),
    }
    plain = [name for name in POINT_FIELDS if name not in names]
    return queryset.order_by().values(*plain, **names)


def _assessment(event: dict[str, Any], zone: Any) -> dict[str, Any] | None:
    if event["latest_assessment_id"] is None:
        return None
    level = event["latest_assessment__level"]
    return {
        "id": event["latest_assessment_id"],
        "method": event["latest_assessment__method"],
        "value": number(event["latest_assessment__value"]),
        "level": level,
        "colour": risk_level_colour(level),
        "scored_level": event["latest_assessment__scored_level"],
        "direct_reasons": event["latest_assessment__direct_reasons"],
        "inputs": event["latest_assessment__inputs"],
        "assessed_by": event["latest_assessment__assessed_by_name"],
        "assessed_at": datetime_text(event["latest_assessment__assessed_at"], zone),
    }


def _events_of(point_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The active events of these points, as the serializer shows them, by
    point (three queries whatever the number of points)."""
    events = list(
        RiskEvent.objects.filter(is_active=True, risk_point_id__in=point_ids)
        .order_by("risk_point_id", "order", "pk")
        .values(*EVENT_FIELDS)
    )
    event_ids = [event["id"] for event in events]
    codes: dict[int, list[str]] = {}
    measures: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if event_ids:
        through = RiskEvent.accident_types.through
        codes = grouped(
            through.objects.filter(riskevent_id__in=event_ids)
            .order_by("accidenttype__code")
            .values_list("riskevent_id", "accidenttype__code")
        )
        for measure_id, event_id, kind, description in (
            ControlMeasure.objects.filter(is_active=True, event_id__in=event_ids)
            .order_by("event_id", "order", "pk")
            .values_list("id", "event_id", "kind", "description")
        ):
            measures[event_id].append(
                {"id": measure_id, "kind": kind, "description": description}
            )
    by_point: dict[int, list[dict[str, Any]]] = defaultdict(list)
    zone = timezone.get_current_timezone()
    for event in events:
        assessment = _assessment(event, zone)
        by_point[event["risk_point_id"]].append(
            {
                "id": event["id"],
                "name": event["name"],
                "analysis_unit": None
                if event["analysis_unit__is_default"]
                else event["analysis_unit__name"],
                "consequence": event["consequence"],
                "accident_types": codes.get(event["id"], []),
                "level": assessment["level"] if assessment else "",
                "latest_assessment": assessment,
                "measures": measures.get(event["id"], []),
            }
        )
    return by_point


def risk_point_rows(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's rows (``values()`` of ``POINT_FIELDS``) in the shape of
    ``RiskPointSerializer``."""
    events = _events_of([point["id"] for point in points])
    zone = timezone.get_current_timezone()
    return [
        {
            "id": point["id"],
            "enterprise": point["enterprise_id"],
            "enterprise_name": point["enterprise__name"],
            "name": point["name"],
            "kind": point["kind"],
            "unit": point["unit_id"],
            "unit_name": point["unit__name"],
            "description": point["description"],
            "position": point["position"],
            "level": point["level"],
            "colour": risk_level_colour(point["level"]),
            "control": {
                "level": point["control_level"],
                "responsible_unit": point["responsible_unit_id"],
                "responsible_unit_name": point["responsible_unit__name"],
                "responsible_person": point["responsible_person_id"],
                "responsible_person_name": point["responsible_person__name"],
                "inspection_every": point["inspection_every"],
                "inspection_unit": point["inspection_unit"],
            },
            "events": events.get(point["id"], []),
            "updated_at": datetime_text(point["updated_at"], zone),
        }
        for point in points
    ]
