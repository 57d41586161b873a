"""The integrity check of a pack's neutral content (``problems()``).

Everything the hooks' dataclasses and the forms engine cannot see from one
item alone: keys unique where they must be, references between risk points,
operations, checklists, criteria, monitored parameters and sources, method
inputs from the method tables, a control level that suits the suggested
level, criteria flagged as major hazards with their article numbers. A pack
tests ``problems(content) == []``; the adapters assume it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from plugins.contributions import (
    CHECK_KINDS,
    SCHEDULE_ROLES,
    SCHEDULE_SCOPES,
    SCHEDULE_TRIGGERS,
)
from plugins.pack_support.content import (
    ACCIDENT_TYPES,
    CHECK_ANSWERS,
    CJK,
    CONTROL_LEVELS,
    CONTROL_LEVELS_FOR_RISK,
    CONTROL_MEASURE_TYPES,
    DEFINITION_KINDS,
    DIRECT_RULES,
    EVIDENCE_KINDS,
    HAZARD_FACTOR_CODES,
    HAZARD_GRADES,
    KEY_PATTERN,
    LEC_VALUES,
    LS_VALUES,
    OPTION_PATTERN,
    PERIOD_UNITS,
    QUESTION_BLOCKS,
    QUESTION_TYPES,
    REQUIRED_MEASURE_TYPES,
    RISK_POINT_KINDS,
    SCORING_METHODS,
    duplicates,
    iter_questions,
    iter_texts,
    lec_value,
    point_level,
    point_measures,
)


def _engine_types() -> frozenset[str]:
    """The question types the forms engine registers (what a content type
    must become)."""
    from core.forms.questions import type_names

    return frozenset(type_names())


def problems(content: dict[str, Any]) -> list[str]:
    """Everything wrong with a pack's content, in plain words (empty when fine)."""
    found: list[str] = []
    found += _text_problems(content)
    found += _risk_library_problems(content)
    found += _definition_problems(content)
    found += _criteria_problems(content)
    found += _monitoring_problems(content)
    found += _document_problems(content)
    found += _emergency_card_problems(content)
    found += _schedule_problems(content)
    return found


def _text_problems(content: dict[str, Any]) -> list[str]:
    found = []
    for path, value in iter_texts(content):
        if not (isinstance(value["zh_hans"], str) and CJK.search(value["zh_hans"])):
            found.append(f"{path}: the Chinese text is missing")
        if not (isinstance(value["en"], str) and value["en"].strip()):
            found.append(f"{path}: the English text is missing")
    return found


def _key_problems(where: str, keys: list[str]) -> list[str]:
    found = [
        f"{where}: key {k!r} is not a slug"
        for k in keys
        if not KEY_PATTERN.match(str(k))
    ]
    found += [f"{where}: key {k!r} is used twice" for k in duplicates(keys)]
    return found


def _unknown_points(
    where: str, keys: Iterable[str], points: Collection[str]
) -> list[str]:
    """The risk points ``where`` names that are not among ``points``."""
    return [f"{where}: unknown risk point {k!r}" for k in keys if k not in points]


def _risk_library_problems(content: dict[str, Any]) -> list[str]:
    found = []
    points = content["risk_points"]
    found += _key_problems("risk points", [p["key"] for p in points])
    found += _key_problems(
        "risk events", [e["key"] for p in points for e in p["events"]]
    )
    found += _key_problems(
        "control measures",
        [m["key"] for p in points for m in point_measures(p)],
    )
    for point in points:
        where = f"risk point {point['key']}"
        if point["kind"] not in RISK_POINT_KINDS:
            found.append(f"{where}: unknown kind {point['kind']!r}")
        if "measures" in point:
            found.append(f"{where}: measures belong to events, not to the point")
        if not point["events"]:
            found.append(f"{where}: no risk events")
        for ev in point["events"]:
            found += _event_problems(f"{where}, event {ev['key']}", ev)
        found += _factor_problems(where, point)
        measures = point_measures(point)
        for m in measures:
            if m["type"] not in CONTROL_MEASURE_TYPES:
                found.append(f"{where}: unknown measure type {m['type']!r}")
        kinds = {m["type"] for m in measures}
        missing = [k for k in REQUIRED_MEASURE_TYPES if k not in kinds]
        if missing:
            found.append(f"{where}: no measure of type {', '.join(missing)}")
        if point["control_level"] not in CONTROL_LEVELS:
            found.append(f"{where}: unknown control level {point['control_level']!r}")
        elif point["events"] and not found_event_problem(point):
            level = point_level(point)
            if point["control_level"] not in CONTROL_LEVELS_FOR_RISK[level]:
                found.append(
                    f"{where}: a {level} risk is not controlled at "
                    f"{point['control_level']} level"
                )
        found += _period_problems(where, point["inspection_period"])
    operation_keys = [o["key"] for o in content["operations"]]
    found += _key_problems("operations", operation_keys)
    point_keys = {p["key"] for p in points}
    covered = set()
    for operation in content["operations"]:
        where = f"operation {operation['key']}"
        found += _unknown_points(where, operation["risk_points"], point_keys)
        covered.update(operation["risk_points"])
    found += [f"risk point {k}: in no operation" for k in sorted(point_keys - covered)]
    return found


def _factor_problems(where: str, point: dict[str, Any]) -> list[str]:
    """Each factor causes known events, each event has a factor, codes differ."""
    found = []
    factors = point["hazard_factors"]
    if not factors:
        found.append(f"{where}: no hazard factors")
    found += [
        f"{where}: GB/T 13861 code {code!r} is used by two factors"
        for code in duplicates(f["code"] for f in factors)
    ]
    event_keys = [ev["key"] for ev in point["events"]]
    caused = set()
    for item in factors:
        if item["code"] not in HAZARD_FACTOR_CODES:
            found.append(f"{where}: GB/T 13861 code {item['code']!r} not allowed")
        if not item.get("events"):
            found.append(f"{where}: factor {item['code']} causes no event")
        for key in item.get("events", []):
            if key not in event_keys:
                found.append(f"{where}: factor {item['code']} names event {key!r}")
            caused.add(key)
    found += [
        f"{where}, event {key}: no hazard factor causes it"
        for key in event_keys
        if key not in caused
    ]
    return found


def _period_problems(where: str, period: Any) -> list[str]:
    if not isinstance(period, dict):
        return [f"{where}: bad period {period!r}"]
    whole = [period.get("every"), period.get("times", 1)]
    if period.get("unit") not in PERIOD_UNITS or not all(
        isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in whole
    ):
        return [f"{where}: bad period {period!r}"]
    return []


def found_event_problem(point: dict[str, Any]) -> bool:
    return any(_event_problems("", ev) for ev in point["events"])


def _event_problems(where: str, ev: dict[str, Any]) -> list[str]:
    found = []
    types = ev["accident_types"]
    if not types:
        found.append(f"{where}: no accident type")
    if not ev.get("measures"):
        found.append(f"{where}: no control measure")
    found += [
        f"{where}: GB 6441 code {t!r} unknown" for t in types if t not in ACCIDENT_TYPES
    ]
    found += [
        f"{where}: direct rule {r!r} unknown"
        for r in ev["direct_rules"]
        if r not in DIRECT_RULES
    ]
    assessment = ev["assessment"]
    table = {"lec": LEC_VALUES, "ls": LS_VALUES}.get(assessment["method"])
    if table is None:
        return [*found, f"{where}: unknown method {assessment['method']!r}"]
    if set(assessment["inputs"]) != set(table):
        return [*found, f"{where}: inputs must be {sorted(table)}"]
    for name, value in assessment["inputs"].items():
        if value not in table[name]:
            found.append(f"{where}: {name}={value} is not in the method's table")
    # LEC D = 70 and D = 20 sit on a boundary whose side is configurable.
    if (
        not found
        and assessment["method"] == "lec"
        and lec_value(assessment["inputs"]) in (70, 20)
    ):
        found.append(f"{where}: D falls on a configurable boundary")
    return found


def _definition_problems(content: dict[str, Any]) -> list[str]:
    found = []
    definitions = content["checklists"] + content["forms"] + content["criteria"]
    found += _key_problems("definitions", [d["key"] for d in definitions])
    operations = {o["key"] for o in content["operations"]}
    criterion_keys = {
        q["key"]
        for d in content["criteria"]
        for s in d["sections"]
        for q in iter_questions(s["items"])
    }
    library = {p["key"] for p in content["risk_points"]}
    for definition in definitions:
        found += _one_definition_problems(definition, content, criterion_keys)
        found += _unknown_points(
            definition["key"], definition.get("risk_points", []), library
        )
        for key in definition.get("operations", []):
            if key not in operations:
                found.append(f"{definition['key']}: unknown operation {key!r}")
    for operation in sorted(operations):
        if not any(operation in d.get("operations", []) for d in content["checklists"]):
            found.append(f"operation {operation}: no checklist")
    return found


def _one_definition_problems(
    definition: dict[str, Any], content: dict[str, Any], criterion_keys: set[str]
) -> list[str]:
    where = f"definition {definition['key']}"
    found = []
    if definition["kind"] not in DEFINITION_KINDS:
        found.append(f"{where}: unknown kind {definition['kind']!r}")
    if definition["industry"] != content["industry"]:
        found.append(f"{where}: industry {definition['industry']!r} is not this pack's")
    scoring = definition["scoring"]
    if scoring["method"] not in SCORING_METHODS:
        found.append(f"{where}: unknown scoring {scoring['method']!r}")
    questions = [q for s in definition["sections"] for q in iter_questions(s["items"])]
    # The forms engine keys sections and questions alike: one key, one of them.
    found += _key_problems(
        f"{where} sections and questions",
        [s["key"] for s in definition["sections"]] + [q["key"] for q in questions],
    )
    keys = {q["key"] for q in questions}
    for q in questions:
        condition = q.get("precondition")
        if condition and condition.get("question") not in keys:
            found.append(f"{where}, {q['key']}: precondition question missing")
    seen: dict[str, dict[str, Any]] = {}
    for sec in definition["sections"]:
        if not sec["items"]:
            found.append(f"{where}, section {sec['key']}: empty")
        if "show_if" in sec:
            found += _condition_problems(
                f"{where}, section {sec['key']}", sec["show_if"], seen
            )
        for q in iter_questions(sec["items"]):
            found += _question_problems(
                f"{where}, {q['key']}", q, definition, content, criterion_keys, seen
            )
            seen[q["key"]] = q
    return found


def _condition_problems(
    where: str, condition: dict[str, Any], seen: dict[str, Any]
) -> list[str]:
    target = seen.get(str(condition.get("question") or ""))
    if target is None:
        return [
            f"{where}: condition on {condition.get('question')!r}, not an earlier question"
        ]
    allowed = {c["value"] for c in target.get("choices", [])}
    if target["type"] == "check":
        allowed = set(CHECK_ANSWERS)
    if allowed and condition["equals"] not in allowed:
        return [f"{where}: condition value {condition['equals']!r} cannot be answered"]
    return []


def _question_problems(
    where: str,
    q: dict[str, Any],
    definition: dict[str, Any],
    content: dict[str, Any],
    criterion_keys: set[str],
    seen: dict[str, Any],
) -> list[str]:
    found = []
    if q["type"] not in QUESTION_TYPES:
        return [f"{where}: unknown question type {q['type']!r}"]
    block_type = QUESTION_BLOCKS[q["type"]][0]
    if block_type not in _engine_types():
        return [f"{where}: the forms engine has no question type {block_type!r}"]
    if "show_if" in q:
        found += _condition_problems(where, q["show_if"], seen)
    if q["type"] == "check":
        if not q["basis"]:
            found.append(f"{where}: no basis")
        for basis in q["basis"]:
            if basis["document"] not in content["sources"]:
                found.append(f"{where}: basis {basis['document']!r} not in SOURCES")
        if q["hazard_grade"] not in HAZARD_GRADES:
            found.append(f"{where}: unknown hazard grade {q['hazard_grade']!r}")
        if q["major_hazard"] != (q["hazard_grade"] == "major"):
            found.append(f"{where}: major_hazard disagrees with hazard_grade")
        if q["criterion"] is not None and q["criterion"] not in criterion_keys:
            found.append(f"{where}: unknown criterion {q['criterion']!r}")
        if q["criterion"] is not None and q["hazard_grade"] != "major":
            found.append(f"{where}: a criterion item must open a major hazard")
        bad = [k for k in q["evidence"]["require"] if k not in EVIDENCE_KINDS]
        if bad or q["evidence"]["on"] != "non_compliant":
            found.append(f"{where}: bad evidence rule")
        deduction = q["deduction"]
        if definition["scoring"]["method"] == "deduction":
            if not (isinstance(deduction, int | float) and deduction > 0):
                found.append(f"{where}: a deduction checklist needs a deduction")
        elif deduction is not None and definition["scoring"]["method"] == "none":
            found.append(f"{where}: a deduction on an unscored definition")
    elif q["type"] == "number":
        if not q.get("unit"):
            found.append(f"{where}: a number needs a unit")
        low, high = q.get("min"), q.get("max")
        if low is not None and high is not None and low > high:
            found.append(f"{where}: min above max")
        for warn in ("warn_min", "warn_max"):
            value = q.get(warn)
            if value is not None and (
                (low is not None and value < low) or (high is not None and value > high)
            ):
                found.append(f"{where}: {warn} outside min..max")
        evidence = q.get("evidence")
        if evidence is not None and (
            evidence.get("on") != "above_zero"
            or not set(evidence.get("require", [])) <= set(EVIDENCE_KINDS)
        ):
            found.append(f"{where}: bad evidence rule")
        mapping = q.get("maps_to")
        if mapping is not None and definition["scoring"].get("rule") != mapping.get(
            "rule"
        ):
            found.append(f"{where}: maps to a rule its definition is not scored by")
    elif q["type"] in ("single_choice", "multiple_choice"):
        values = [c["value"] for c in q.get("choices", [])]
        if len(values) < 2:
            found.append(f"{where}: a choice needs at least two options")
        found += [f"{where}: option {v!r} twice" for v in duplicates(values)]
        found += [
            f"{where}: option value {v!r} is not a slug"
            for v in values
            if not OPTION_PATTERN.match(str(v))
        ]
    elif q["type"] == "group":
        if not q.get("questions"):
            found.append(f"{where}: an empty group")
        if not q.get("repeatable", False):
            found.append(f"{where}: groups are repeatable")
    return found


def _criteria_problems(content: dict[str, Any]) -> list[str]:
    found = []
    editions = {e["key"]: e for e in content["criteria_editions"]}
    found += _key_problems("criteria editions", list(editions))
    for edition in editions.values():
        if edition["status"] not in ("current", "repealed"):
            found.append(f"edition {edition['key']}: unknown status")
        if edition["status"] == "repealed" and not edition.get("valid_until"):
            found.append(f"edition {edition['key']}: repealed without valid_until")
    for definition in content["criteria"]:
        where = f"criteria {definition['key']}"
        if definition["edition"] not in editions:
            found.append(f"{where}: unknown edition {definition['edition']!r}")
        elif editions[definition["edition"]]["status"] != "current":
            found.append(f"{where}: a checklist of a repealed edition")
        for sec in definition["sections"]:
            for q in iter_questions(sec["items"]):
                if q["type"] != "check":
                    continue
                if not (q["major_hazard"] and q["hazard_grade"] == "major"):
                    found.append(f"{where}, {q['key']}: not flagged as a major hazard")
                if "article" not in q or "item" not in q:
                    found.append(f"{where}, {q['key']}: no article and item number")
    return found


def _monitoring_problems(content: dict[str, Any]) -> list[str]:
    found = []
    parameters = content["monitored_parameters"]
    found += _key_problems("monitored parameters", [p["key"] for p in parameters])
    points = {p["key"] for p in content["risk_points"]}
    for parameter in parameters:
        where = f"parameter {parameter['key']}"
        found += _unknown_points(where, parameter["risk_points"], points)
        if not parameter["risk_points"]:
            found.append(f"{where}: on no risk point")
        if not parameter.get("unit"):
            found.append(f"{where}: no unit")
        for threshold in parameter["thresholds"]:
            if threshold["op"] not in (">=", "<=", ">", "<"):
                found.append(f"{where}: bad threshold operator")
            basis = threshold.get("basis")
            if basis is None and not threshold.get("typical"):
                found.append(f"{where}: a threshold needs a basis or the typical mark")
            if basis is not None and basis["document"] not in content["sources"]:
                found.append(f"{where}: basis {basis['document']!r} not in SOURCES")
    return found


def _document_problems(content: dict[str, Any]) -> list[str]:
    found = []
    for name, sections in content["documents"].items():
        found += _key_problems(f"document {name}", [s["key"] for s in sections])
        if not sections:
            found.append(f"document {name}: no sections")
    return found


def _emergency_card_problems(content: dict[str, Any]) -> list[str]:
    cards = content["emergency_cards"]
    found = _key_problems("emergency cards", [c["key"] for c in cards])
    points = {p["key"] for p in content["risk_points"]}
    for card in cards:
        found += _unknown_points(
            f"emergency card {card['key']}", card["risk_points"], points
        )
        if not card["steps"]:
            found.append(f"emergency card {card['key']}: no steps")
    return found


def _schedule_problems(content: dict[str, Any]) -> list[str]:
    schedules = content["schedules"]
    found = _key_problems("schedules", [s["key"] for s in schedules])
    for item in schedules:
        where = f"schedule {item['key']}"
        for name, allowed in (
            ("who", SCHEDULE_ROLES),
            ("check_kind", CHECK_KINDS),
            ("applies_to", SCHEDULE_SCOPES),
        ):
            if item[name] not in allowed:
                found.append(f"{where}: unknown {name} {item[name]!r}")
        found += [
            f"{where}: unknown trigger {t!r}"
            for t in item["triggers"]
            if t not in SCHEDULE_TRIGGERS
        ]
        if item["every"] is not None:
            found += _period_problems(where, item["every"])
        if item["basis"]["document"] not in content["sources"]:
            found.append(f"{where}: basis {item['basis']['document']!r} not in SOURCES")
    return found
