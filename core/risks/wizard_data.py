"""The risk wizard's canonical data: the risk point's data object as JSON.

A risk point draft holds one JSON object shaped like ``RiskPointData`` (the
service's input), never the wizard's form posts::

    {"name", "kind", "unit", "description", "position",
     "factors": [{"id", "code", "description", "analysis_unit"}],
     "events": [{"key", "id", "name", "accident_types", "consequence",
                 "analysis_unit", "hazard_factors", "suggested",
                 "measures": [{"id", "kind", "description"}],
                 "assessment": {"method", "inputs", "note", "evaluation"}}],
     "control": {"level", "responsible_unit", "responsible_person",
                 "inspection_every", "inspection_unit"},
     "source"}

``key`` follows an event through the steps (``e<pk>`` for a saved event, a
random ``n…`` for a new one). An assessment's ``method`` is "" (not chosen
yet), ``"skip"`` (assess later, or keep the latest assessment) or a method
key; ``evaluation`` is the result computed when the inputs were entered, so
the review shows it without evaluating again. ``suggested`` is a library
entry's suggestion, kept on the event when it is saved.

This module turns the canonical data into the steps' form data
(``step_form_data``), a step's cleaned data into the canonical data
(``merge_step``), the canonical data into the service's ``RiskPointData``
(``build_point_data``), and a saved point or a library entry into canonical
data (``canonical_from_point``, ``canonical_from_data``).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects

from core.base.input_guard import json_loads_checked
from core.risks.forms import SKIP, enum_key
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


# -- canonical data → a step's form data ------------------------------------------------
def _formset(prefix: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = _form_value(value)
    return data


def _form_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_text(item) for item in value]
    return _text(value)


def step_form_data(step: str, canonical: dict[str, Any]) -> dict[str, Any] | None:
    """A step's form data (field names without the step's prefix) from the
    canonical data; None when the step holds nothing yet."""
    events = canonical.get("events") or []
    if step == "point":
        position = canonical.get("position") or {}
        is_point = position.get("type") == "point"
        values = {
            "name": canonical.get("name"),
            "kind": canonical.get("kind"),
            "unit": canonical.get("unit"),
            "description": canonical.get("description"),
            "position_x": _percent(position["x"]) if is_point else "",
            "position_y": _percent(position["y"]) if is_point else "",
            "area": json.dumps(position) if position and not is_point else "",
        }
        if not any(values.values()):
            return None
        return {name: _form_value(value) for name, value in values.items()}
    if step == "events":
        factors = canonical.get("factors") or []
        if not factors and not events:
            return None
        return {
            **_formset(
                "factors",
                [
                    {
                        k: f.get(k)
                        for k in ("id", "analysis_unit", "code", "description")
                    }
                    for f in factors
                ],
            ),
            **_formset(
                "events",
                [
                    {
                        k: e.get(k)
                        for k in (
                            "id",
                            "key",
                            "analysis_unit",
                            "name",
                            "accident_types",
                            "consequence",
                            "hazard_factors",
                        )
                    }
                    for e in events
                ],
            ),
        }
    if step == "assessment":
        data: dict[str, Any] = {}
        for event in events:
            assessment = event.get("assessment") or {}
            data.update(_assessment_fields(event.get("key") or "", assessment))
        if not any((e.get("assessment") or {}).get("method") for e in events):
            return None
        return data
    if step == "measures":
        if not any(e.get("measures") for e in events):
            return None
        data = {}
        for event in events:
            data.update(
                _formset(
                    event.get("key") or "",
                    [
                        {k: m.get(k) for k in ("id", "kind", "description")}
                        for m in event.get("measures") or []
                    ],
                )
            )
        return data
    if step == "control":
        control = canonical.get("control") or {}
        if not any(control.get(name) for name in CONTROL_FIELDS):
            return None
        return {name: _form_value(control.get(name)) for name in CONTROL_FIELDS}
    return None


def _assessment_fields(key: str, assessment: dict[str, Any]) -> dict[str, Any]:
    method = assessment.get("method") or ""
    fields: dict[str, Any] = {f"{key}-method": method}
    if assessment.get("note"):
        fields[f"{key}-note"] = assessment["note"]
    for name, value in (assessment.get("inputs") or {}).items():
        if name == "direct_conditions":
            fields[f"{key}-direct_conditions"] = [_text(v) for v in value or []]
        elif name == "direct_note":
            fields[f"{key}-direct_note"] = _text(value)
        elif isinstance(value, list):
            fields[f"{key}-{method}__{name}"] = [enum_key(v) for v in value]
        else:
            fields[f"{key}-{method}__{name}"] = enum_key(value)
    return fields


# -- a step's cleaned data → canonical data ---------------------------------------------
def _position(point: dict[str, Any]) -> dict[str, Any] | None:
    x, y = point.get("position_x"), point.get("position_y")
    if x is not None and y is not None:
        return {"type": "point", "x": number(x / 100), "y": number(y / 100)}
    try:
        area = json_loads_checked(point.get("area") or "null")
    except ValidationError:  # not JSON, nested too deep, or not UTF-8
        return None
    return area if isinstance(area, dict) else None


def merge_step(
    canonical: dict[str, Any], step: str, values: Any, evaluations=None
) -> dict[str, Any]:
    """The canonical data with ``step`` replaced by ``values`` (the step
    form's cleaned data, or the part of it that is valid on its own).

    ``evaluations`` (assessment step) maps an event key to the evaluation of
    its inputs computed while validating them.
    """
    merged = dict(canonical)
    values = values or {}
    if step == "point":
        merged.update(
            {
                "name": values.get("name") or "",
                "kind": values.get("kind") or "",
                "unit": _pk(values.get("unit")),
                "description": values.get("description") or "",
                "position": _position(values),
            }
        )
    elif step == "events":
        before = {e.get("key"): e for e in canonical.get("events") or []}
        merged["factors"] = [
            {
                "id": row.get("id"),
                "code": row.get("code") or "",
                "description": row.get("description") or "",
                "analysis_unit": row.get("analysis_unit") or "",
            }
            for row in values.get("factors") or []
        ]
        events = []
        for row in values.get("events") or []:
            key = row.get("key") or new_event_key()
            kept = before.get(key) or {}
            events.append(
                {
                    **kept,
                    "key": key,
                    "id": row.get("id"),
                    "name": row.get("name") or "",
                    "accident_types": list(row.get("accident_types") or []),
                    "consequence": row.get("consequence") or "",
                    "analysis_unit": row.get("analysis_unit") or "",
                    "hazard_factors": list(row.get("hazard_factors") or []),
                    "measures": kept.get("measures") or [],
                    "assessment": kept.get("assessment") or {"method": ""},
                }
            )
        merged["events"] = events
    elif step == "assessment":
        evaluations = evaluations or {}
        events = []
        for event in canonical.get("events") or []:
            key = event.get("key")
            if key in values:
                cleaned = values[key] or {}
                method = cleaned.get("method") or ""
                assessment = {
                    "method": method,
                    "inputs": cleaned.get("inputs") or {},
                    "note": cleaned.get("note") or "",
                }
                if evaluations.get(key) is not None:
                    assessment["evaluation"] = kept_evaluation(evaluations[key])
                event = {**event, "assessment": assessment}
            events.append(event)
        merged["events"] = events
    elif step == "measures":
        merged["events"] = [
            {
                **event,
                "measures": [
                    {
                        "id": row.get("id"),
                        "kind": row.get("kind") or "",
                        "description": row.get("description") or "",
                    }
                    for row in values.get(event.get("key"), [])
                ],
            }
            if event.get("key") in values
            else event
            for event in canonical.get("events") or []
        ]
    elif step == "control":
        merged["control"] = {
            "level": values.get("level") or "",
            "responsible_unit": _pk(values.get("responsible_unit")),
            "responsible_person": _pk(values.get("responsible_person")),
            "inspection_every": values.get("inspection_every"),
            "inspection_unit": values.get("inspection_unit") or "",
        }
    return _json_safe(merged)
