"""Risk point drafts hold the risk point's data object, not form posts.

Drafts written before kept django-formtools' storage dictionary (the posted
data of every step, as lists of strings). This turns each into the canonical
data of ``core.risks.drafts``: texts as typed, ids and units as
numbers, an assessment's inputs as numbers where they read as numbers (the
methods' tables are numeric; a text input stays text). Nothing is lost that
the old draft held in a form a step could show again; the evaluation kept
for the review is computed again when the step is next posted or reviewed.
"""

import json
from decimal import Decimal, InvalidOperation

from django.db import migrations


def _one(data, name, default=""):
    value = data.get(name)
    if isinstance(value, list):
        return value[0] if value else default
    return default if value is None else value


def _many(data, name):
    value = data.get(name)
    if value is None:
        return []
    return [v for v in (value if isinstance(value, list) else [value]) if v != ""]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _number(value):
    if value in ("true", "false"):
        return value == "true"
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value
    if not number.is_finite():
        return value
    return int(number) if number == number.to_integral_value() else float(number)


def _rows(data, prefix):
    total = _int(_one(data, f"{prefix}-TOTAL_FORMS", "0")) or 0
    rows = []
    for index in range(total):
        row_prefix = f"{prefix}-{index}-"
        row = {
            name[len(row_prefix) :]: value
            for name, value in data.items()
            if name.startswith(row_prefix)
        }
        if _one(row, "DELETE") in ("on", "true", "1", "True"):
            continue
        if not any(
            (v if not isinstance(v, list) else "".join(v)) for k, v in row.items()
            if k not in ("id", "key", "analysis_unit")
        ):
            continue
        rows.append(row)
    return rows


def canonical(old):
    steps = (old or {}).get("step_data") or {}
    point = {
        k[len("point-") :]: v for k, v in (steps.get("point") or {}).items()
    }
    x, y = _one(point, "position_x"), _one(point, "position_y")
    position = None
    if x not in ("", None) and y not in ("", None):
        try:
            position = {
                "type": "point",
                "x": _number(Decimal(str(x)) / 100),
                "y": _number(Decimal(str(y)) / 100),
            }
        except (InvalidOperation, ValueError):
            position = None
    elif _one(point, "area"):
        try:
            area = json.loads(_one(point, "area"))
            position = area if isinstance(area, dict) else None
        except ValueError:
            position = None
    events_step = steps.get("events") or {}
    factors = [
        {
            "id": _int(_one(row, "id")),
            "code": _one(row, "code"),
            "description": _one(row, "description"),
            "analysis_unit": _one(row, "analysis_unit"),
        }
        for row in _rows(events_step, "events-factors")
    ]
    assessment_step = steps.get("assessment") or {}
    measures_step = steps.get("measures") or {}
    events = []
    for index, row in enumerate(_rows(events_step, "events-events")):
        key = _one(row, "key") or f"m{index}"
        prefix = f"assessment-{key}-"
        fields = {
            name[len(prefix) :]: value
            for name, value in assessment_step.items()
            if name.startswith(prefix)
        }
        method = _one(fields, "method")
        inputs = {}
        for name, value in fields.items():
            if name.startswith(f"{method}__") and method:
                values = value if isinstance(value, list) else [value]
                values = [v for v in values if v != ""]
                if len(values) == 1:
                    inputs[name.split("__", 1)[1]] = _number(values[0])
                elif values:
                    inputs[name.split("__", 1)[1]] = [_number(v) for v in values]
        conditions = _many(fields, "direct_conditions")
        if conditions:
            inputs["direct_conditions"] = conditions
        if _one(fields, "direct_note"):
            inputs["direct_note"] = _one(fields, "direct_note")
        events.append(
            {
                "key": key,
                "id": _int(_one(row, "id")),
                "name": _one(row, "name"),
                "accident_types": _many(row, "accident_types"),
                "consequence": _one(row, "consequence"),
                "analysis_unit": _one(row, "analysis_unit"),
                "hazard_factors": _many(row, "hazard_factors"),
                "measures": [
                    {
                        "id": _int(_one(m, "id")),
                        "kind": _one(m, "kind"),
                        "description": _one(m, "description"),
                    }
                    for m in _rows(measures_step, f"measures-{key}")
                ],
                "assessment": {
                    "method": method,
                    "inputs": inputs,
                    "note": _one(fields, "note"),
                },
            }
        )
    control = {
        k[len("control-") :]: v for k, v in (steps.get("control") or {}).items()
    }
    return {
        "name": _one(point, "name"),
        "kind": _one(point, "kind"),
        "unit": _int(_one(point, "unit")),
        "description": _one(point, "description"),
        "position": position,
        "factors": factors,
        "events": events,
        "control": {
            "level": _one(control, "level"),
            "responsible_unit": _int(_one(control, "responsible_unit")),
            "responsible_person": _int(_one(control, "responsible_person")),
            "inspection_every": _int(_one(control, "inspection_every")),
            "inspection_unit": _one(control, "inspection_unit"),
        },
        "source": "",
    }


def forwards(apps, schema_editor):
    RiskDraft = apps.get_model("risks", "RiskDraft")
    for draft in RiskDraft.objects.iterator():
        data = draft.data or {}
        if "step_data" not in data:
            continue  # already canonical
        step = data.get("step") or draft.current_step or "point"
        draft.data = canonical(data)
        draft.current_step = step
        draft.save(update_fields=["data", "current_step"])


class Migration(migrations.Migration):
    dependencies = [("risks", "0007_site_plan")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
