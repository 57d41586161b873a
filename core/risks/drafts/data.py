"""The canonical data and the service's ``RiskPointData``, and saved points or
library entries as canonical data."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects

from core.risks.forms import SKIP
from core.risks.models import HazardFactor, RiskPoint
from core.risks.services import (
    AssessmentData,
    ControlData,
    EventData,
    FactorData,
    MeasureData,
    RiskPointData,
)
from core.scoring import Evaluation, number

DATA_STEPS = ("point", "events", "assessment", "measures", "control")
CONTROL_FIELDS = (
    "level",
    "responsible_unit",
    "responsible_person",
    "inspection_every",
    "inspection_unit",
)


def new_event_key() -> str:
    return "n" + secrets.token_hex(4)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _pk(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _percent(value: Any) -> str:
    # Decimal, so 0.305 reads back as 30.5 (not 30.499999999999996).
    return str(number(Decimal(str(value)) * 100))


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


# -- the service's data ---------------------------------------------------------------
@dataclass
class BuiltData:
    """The risk point data built from the canonical data, and each event's
    key (``event_keys[i]`` is the key of ``data.events[i]``)."""

    data: RiskPointData
    event_keys: list[str] = field(default_factory=list)

    def locate(self, location: tuple) -> tuple[str, tuple]:
        """The step and the location within it of a service error's location."""
        head = location[0] if location else ""
        if head in ("name", "kind", "unit", "description", "position"):
            return "point", location
        if head == "factors":
            return "events", location
        if head == "control":
            return "control", tuple(location[1:])
        if head == "events" and len(location) >= 2 and isinstance(location[1], int):
            index, rest = location[1], tuple(location[2:])
            key = self.event_keys[index] if index < len(self.event_keys) else ""
            if rest and rest[0] == "measures":
                return "measures", (key, *rest[1:])
            if rest and rest[0] == "assessment":
                return "assessment", (key, *rest[1:])
            return "events", location
        return "review", location


def assessment_of(event: dict[str, Any]) -> AssessmentData | None:
    """The assessment an event asks to record (None: assess later, keep)."""
    assessment = event.get("assessment") or {}
    method = assessment.get("method") or ""
    if not method or method == SKIP:
        return None
    return AssessmentData(
        method=method,
        inputs=dict(assessment.get("inputs") or {}),
        note=assessment.get("note") or "",
    )


def build_point_data(canonical: dict[str, Any]) -> BuiltData:
    """``RiskPointData`` from the canonical data.

    Hazard-factor classes chosen for an event but missing from the point's
    factors are added to them (the event form says so).
    """
    factors = [
        FactorData(
            code=row.get("code") or "",
            description=row.get("description") or "",
            analysis_unit=row.get("analysis_unit") or "",
            id=_pk(row.get("id")),
        )
        for row in canonical.get("factors") or []
    ]
    codes = {factor.code for factor in factors}
    events, keys = [], []
    for row in canonical.get("events") or []:
        for code in row.get("hazard_factors") or []:
            if code not in codes:
                factors.append(FactorData(code=code))
                codes.add(code)
        events.append(
            EventData(
                name=row.get("name") or "",
                accident_types=list(row.get("accident_types") or []),
                consequence=row.get("consequence") or "",
                analysis_unit=row.get("analysis_unit") or "",
                hazard_factors=list(row.get("hazard_factors") or []),
                measures=[
                    MeasureData(
                        kind=measure.get("kind") or "",
                        description=measure.get("description") or "",
                        id=_pk(measure.get("id")),
                    )
                    for measure in row.get("measures") or []
                ],
                assessment=assessment_of(row),
                suggested_assessment=row.get("suggested") or None,
                id=_pk(row.get("id")),
            )
        )
        keys.append(row.get("key") or "")
    control = canonical.get("control") or {}
    every = control.get("inspection_every")
    data = RiskPointData(
        name=canonical.get("name") or "",
        kind=canonical.get("kind") or "",
        unit=_pk(canonical.get("unit")),
        description=canonical.get("description") or "",
        position=canonical.get("position") or None,
        factors=factors,
        events=events,
        control=ControlData(
            level=control.get("level") or "",
            responsible_unit=_pk(control.get("responsible_unit")),
            responsible_person=_pk(control.get("responsible_person")),
            inspection_every=every if isinstance(every, int) else None,
            inspection_unit=control.get("inspection_unit") or "",
        ),
    )
    return BuiltData(data=data, event_keys=keys)


def evaluation_of(assessment: dict[str, Any]) -> Evaluation | None:
    """The evaluation kept with an assessment when its inputs were entered."""
    kept = assessment.get("evaluation")
    if not isinstance(kept, dict):
        return None
    value = kept.get("value")
    return Evaluation(
        key=kept.get("key") or assessment.get("method") or "",
        pack=kept.get("pack") or "",
        kind=kept.get("kind") or "",
        value=Decimal(str(value)) if value is not None else None,
        level=kept.get("level"),
        scored_level=kept.get("scored_level"),
        details=kept.get("details") or {},
        direct_reasons=kept.get("direct_reasons") or [],
        direct_note=kept.get("direct_note") or "",
        thresholds=kept.get("thresholds"),
    )


def kept_evaluation(evaluation: Evaluation) -> dict[str, Any]:
    return _json_safe(evaluation.as_dict())


# -- saved data → canonical data ------------------------------------------------------
def canonical_from_data(
    data: RiskPointData, *, suggestions: list[dict[str, Any]] = (), source: str = ""
) -> dict[str, Any]:
    """Canonical data from a ``RiskPointData`` (a library entry's copy):
    each event's suggestion pre-fills its assessment."""
    events = []
    for index, event in enumerate(data.events):
        suggestion = suggestions[index] if index < len(suggestions) else {}
        events.append(
            {
                "key": new_event_key(),
                "id": None,
                "name": event.name,
                "accident_types": list(event.accident_types),
                "consequence": event.consequence,
                "analysis_unit": event.analysis_unit,
                "hazard_factors": list(event.hazard_factors),
                "measures": [
                    {"id": None, "kind": m.kind, "description": m.description}
                    for m in event.measures
                ],
                "assessment": _suggested_assessment(suggestion),
                "suggested": suggestion or None,
            }
        )
    control = data.control
    return _json_safe(
        {
            "name": data.name,
            "kind": data.kind,
            "unit": _pk(getattr(data.unit, "pk", data.unit)),
            "description": data.description,
            "position": data.position,
            "factors": [
                {
                    "id": None,
                    "code": f.code,
                    "description": f.description,
                    "analysis_unit": f.analysis_unit,
                }
                for f in data.factors
            ],
            "events": events,
            "control": {
                "level": control.level,
                "responsible_unit": None,
                "responsible_person": None,
                "inspection_every": control.inspection_every,
                "inspection_unit": control.inspection_unit,
            },
            "source": source,
        }
    )


def _suggested_assessment(suggestion: dict[str, Any] | None) -> dict[str, Any]:
    suggestion = suggestion or {}
    method = suggestion.get("method") or ""
    return {"method": method, "inputs": dict(suggestion.get("inputs") or {})}


def canonical_from_point(point: RiskPoint) -> dict[str, Any]:
    """Canonical data holding ``point`` as it is now (editing).

    ``point`` comes from ``selectors.risk_point_detail`` (active events with
    their accident types, measures and latest assessment; hazard factors).
    An assessed event keeps its assessment unless changed; an unassessed
    one starts from the library's suggestion, if any.
    """
    prefetch_related_objects(
        [point],
        Prefetch(
            "events__hazard_factors",
            queryset=HazardFactor.objects.select_related("factor_class"),
        ),
    )
    unit_names = {unit.pk: unit.name for unit in point.analysis_units.all()}
    events = []
    for event in point.events.all():
        events.append(
            {
                "key": f"e{event.pk}",
                "id": event.pk,
                "name": event.name,
                "accident_types": [a.code for a in event.accident_types.all()],
                "consequence": event.consequence,
                "analysis_unit": event.analysis_unit.name,
                "hazard_factors": list(
                    dict.fromkeys(
                        f.factor_class.code for f in event.hazard_factors.all()
                    )
                ),
                "measures": [
                    {"id": m.pk, "kind": m.kind, "description": m.description}
                    for m in event.measures.all()
                ],
                "assessment": (
                    {"method": SKIP, "inputs": {}}
                    if event.latest_assessment_id
                    else _suggested_assessment(event.suggested_assessment)
                ),
            }
        )
    return _json_safe(
        {
            "name": point.name,
            "kind": point.kind,
            "unit": point.unit_id,
            "description": point.description,
            "position": point.position or None,
            "factors": [
                {
                    "id": factor.pk,
                    "code": factor.factor_class.code,
                    "description": factor.description,
                    "analysis_unit": unit_names.get(factor.analysis_unit_id, ""),
                }
                for factor in point.hazard_factors.all()
            ],
            "events": events,
            "control": {
                "level": point.control_level,
                "responsible_unit": point.responsible_unit_id,
                "responsible_person": point.responsible_person_id,
                "inspection_every": point.inspection_every,
                "inspection_unit": point.inspection_unit,
            },
            "source": "",
        }
    )
