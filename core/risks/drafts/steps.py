"""The canonical data and the wizard's steps: a step's form data from it, a
step's cleaned data into it."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError

from core.base.input_guard import json_loads_checked
from core.risks.drafts.data import (
    CONTROL_FIELDS,
    _json_safe,
    _percent,
    _pk,
    _text,
    kept_evaluation,
    new_event_key,
)
from core.risks.forms import enum_key
from core.scoring import number


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
