"""Compile checked stream data to a JSON Schema, a UI description and a
scoring plan (the mapping is documented in docs/forms-engine.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.forms.definition.model import (
    CHECK_RESULTS,
    DRAWN_SIGNATURE_MAX_LENGTH,
    DRAWN_SIGNATURE_PATTERN,
    EVIDENCE_MAX_FILES,
    EVIDENCE_MAX_MB,
    FILE_TYPES,
    HIDDEN,
    NOT_BLANK,
    NOTE_MAX_LENGTH,
    SCHEMA_DIALECT,
    SIGNATURE_NAME_MAX_LENGTH,
    UI_FORMAT,
    Condition,
    Node,
    Step,
    iter_nodes,
    iter_rules,
    option_items,
    parse,
)
from core.forms.expressions import parse_expression


@dataclass(frozen=True)
class CompiledForm:
    """What a published version freezes."""

    json_schema: dict[str, Any]
    ui_schema: dict[str, Any]
    scoring: dict[str, Any]


def compile_definition(
    raw: list[dict[str, Any]],
    *,
    title: str = "",
    scoring: Mapping[str, Any] | None = None,
) -> CompiledForm:
    """Compile checked stream data (``definition_problems`` is empty)."""
    steps = parse(raw)
    by_key = {node.key: node for node in iter_nodes(steps)}
    properties: dict[str, Any] = {}
    required: list[str] = []
    rules: list[dict[str, Any]] = []
    ui_questions: dict[str, Any] = {}
    ui_steps = []
    for step in steps:
        step_conditions = [step.condition()] if step.condition() else []
        for node in step.nodes:
            conditions = step_conditions + (
                [node.condition()] if node.condition() else []
            )
            properties[node.key] = _property_schema(node, by_key)
            _require(node, conditions, by_key, required, rules)
            ui_questions[node.key] = _ui_question(node, conditions, by_key)
            for child in node.fields:
                ui_questions[child.key] = _ui_question(
                    child, [child.condition()] if child.condition() else [], by_key
                )
        ui_steps.append(
            {
                "key": step.key,
                "title": step.title,
                "description": step.description,
                "is_section": step.is_section,
                "condition": _ui_condition(step_conditions, by_key),
                "questions": [node.key for node in step.nodes],
            }
        )
    json_schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "title": title,
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        json_schema["required"] = required
    order = [node.key for step in steps for node in step.nodes]
    checks = [_compile_rule(rule.value, order, rules) for rule in iter_rules(steps)]
    if rules:
        json_schema["allOf"] = rules
    ui_schema = {
        "format": UI_FORMAT,
        "title": title,
        "order": order,
        "steps": ui_steps,
        "questions": ui_questions,
    }
    if checks:
        ui_schema["rules"] = checks
    return CompiledForm(
        json_schema=json_schema,
        ui_schema=ui_schema,
        scoring=_scoring_plan(steps, scoring or {}),
    )


def _require(
    node: Node,
    conditions: list[Condition],
    by_key: Mapping[str, Node],
    required: list[str],
    rules: list[dict[str, Any]],
) -> None:
    """Unconditional: in ``required``; conditional: an ``if``/``then``/``else``
    rule that requires the answer when shown and refuses it when hidden.

    An evidence rule (``required_when``) makes the answer required only when
    it holds (and the question is shown): an ``if``/``then`` of its own.
    """
    required_when = node.required_when()
    must = (
        node.type != "calculated"
        and bool(node.value.get("required"))
        and required_when is None
    )
    if required_when is not None:
        matches = [
            _match_schema(by_key[c.question], c) for c in [*conditions, required_when]
        ]
        then: dict[str, Any] = {"required": [node.key]}
        if node.type == "file_upload":
            then["properties"] = {node.key: {"minItems": 1}}
        rules.append(
            {
                "if": matches[0] if len(matches) == 1 else {"allOf": matches},
                "then": then,
            }
        )
    if not conditions:
        if must:
            required.append(node.key)
        return
    matches = [_match_schema(by_key[c.question], c) for c in conditions]
    rule: dict[str, Any] = {
        "if": matches[0] if len(matches) == 1 else {"allOf": matches},
        # ``not: {}`` rather than ``false``: jsonschema reports a false
        # sub-schema without the property's path.
        "else": {"properties": {node.key: HIDDEN}},
    }
    if must:
        rule["then"] = {"required": [node.key]}
    rules.append(rule)


def _match_schema(source: Node, condition: Condition) -> dict[str, Any]:
    """The schema an answer to ``source`` matches when the condition holds.

    ``is`` compares with one value, ``any_of`` with several, ``is_not``
    negates ``is``; an unanswered question never matches (``required``).
    """
    values: list[Any] = list(condition.values)
    if source.type == "number":
        values = [_number(v) for v in values]
    if source.type == "multiple_choice":
        one: dict[str, Any] = (
            {"contains": {"const": values[0]}}
            if len(values) == 1
            else {"contains": {"enum": values}}
        )
    else:
        one = {"const": values[0]} if len(values) == 1 else {"enum": values}
    if condition.operator == "is_not":
        one = {"not": one}
    if source.type == "check_item":
        inner: dict[str, Any] = {"properties": {"result": one}, "required": ["result"]}
    else:
        inner = one
    return {"properties": {condition.question: inner}, "required": [condition.question]}


def _number(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() else number


def _ui_condition(
    conditions: list[Condition], by_key: Mapping[str, Node]
) -> dict[str, Any] | None:
    if not conditions:
        return None
    tests = []
    for condition in conditions:
        source = by_key[condition.question]
        if source.type == "check_item":
            op = "result"
        elif source.type == "multiple_choice":
            op = "contains"
        else:
            op = "equals"
        values: list[Any] = condition.values
        if source.type == "number":
            values = [_number(v) for v in values]
        test: dict[str, Any] = {"key": condition.question, "op": op}
        if condition.operator == "any_of":
            test["any"] = values
        else:
            test["value"] = values[0]
        if condition.operator == "is_not":
            test["not"] = True
        tests.append(test)
    return {"all": tests}


def condition_met(
    condition: Mapping[str, Any] | None, answers: Mapping[str, Any]
) -> bool:
    """Whether a UI condition holds for ``answers`` (as the JSON Schema decides).

    ``answers`` are those of the form, or of one entry for a question inside a
    repeatable group.
    """
    if not condition:
        return True
    for test in condition.get("all", []):
        if test["key"] not in answers:
            return False
        answer = answers[test["key"]]
        expected = test["any"] if "any" in test else [test.get("value")]
        matched = any(_test_holds(test["op"], answer, value) for value in expected)
        if matched == bool(test.get("not")):
            return False
    return True


def _test_holds(op: str, answer: Any, expected: Any) -> bool:
    if op == "result":
        return isinstance(answer, dict) and answer.get("result") == expected
    if op == "contains":
        return isinstance(answer, list) and expected in answer
    if op == "equals":
        numeric = isinstance(expected, int | float) and not isinstance(expected, bool)
        if numeric and (
            isinstance(answer, bool) or not isinstance(answer, int | float)
        ):
            return False
        return answer == expected
    return False


_NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
# A rule ``key <comparison> number`` as JSON Schema: (keyword, bound or None).
_SCHEMA_COMPARISONS = {
    "eq": "const",
    "ne": "not",
    "lt": "exclusiveMaximum",
    "le": "maximum",
    "gt": "exclusiveMinimum",
    "ge": "minimum",
}
# The same comparison read from the other side (``5 < key`` is ``key > 5``).
_MIRRORED = {"eq": "eq", "ne": "ne", "lt": "gt", "le": "ge", "gt": "lt", "ge": "le"}


def _compile_rule(
    value: Mapping[str, Any], order: list[str], schema_rules: list[dict[str, Any]]
) -> dict[str, Any]:
    """A checked rule for the version: in the JSON Schema when one side is a
    single question and the other a number, else for the server-side
    evaluator (``core.forms.validation``). Its message is shown at the
    question of the rule that comes last in the form."""
    left = (value.get("left") or "").strip()
    right = (value.get("right") or "").strip()
    comparison = value.get("comparison") or "eq"
    message = (value.get("message") or "").strip()
    names = parse_expression(left).names | parse_expression(right).names
    at = max(names, key=order.index) if names else ""
    check = {
        "left": left,
        "comparison": comparison,
        "right": right,
        "message": message,
        "at": at,
        "in_schema": False,
    }
    single, bound, op = _single_against_number(left, right, comparison)
    if single is not None and message:
        keyword = _SCHEMA_COMPARISONS[op]
        constraint: dict[str, Any] = (
            {"not": {"const": bound}} if keyword == "not" else {keyword: bound}
        )
        constraint["x-messages"] = {keyword: message}
        schema_rules.append({"properties": {single: constraint}})
        check["in_schema"] = True
    return check


def _single_against_number(left: str, right: str, comparison: str):
    """``(key, number, comparison)`` when one side is one key and the other a
    number (the comparison turned to read ``key <op> number``)."""
    for name, number, op in (
        (left, right, comparison),
        (right, left, _MIRRORED.get(comparison, comparison)),
    ):
        if parse_expression(name).names == {name}:
            if not _NUMBER_RE.match(number):
                continue
            bound = float(number)
            return name, (int(bound) if bound.is_integer() else bound), op
    return None, None, comparison


def _text_schema(max_length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, "pattern": NOT_BLANK}


def upload_schema(
    kinds: list[str], max_size_mb: float, max_files: int
) -> dict[str, Any]:
    """An array of references to stored uploads (see ``FormUpload``)."""
    content_types = sorted(
        {t for kind in kinds for t in FILE_TYPES.get(kind, {}).values()}
    )
    return {
        "type": "array",
        "maxItems": max_files,
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "name": {"type": "string", "minLength": 1, "maxLength": 255},
                "content_type": {"enum": content_types},
                "size": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": int(max_size_mb * 1024 * 1024),
                },
            },
            "required": ["id", "name", "content_type", "size"],
            "additionalProperties": False,
        },
    }


def _property_schema(node: Node, by_key: Mapping[str, Node]) -> dict[str, Any]:
    value = node.value
    described: dict[str, Any] = {"title": node.label}
    if value.get("help_text"):
        described["description"] = value["help_text"]
    kind = node.type
    if kind == "check_item":
        results = list(CHECK_RESULTS)
        if not value.get("allow_not_applicable", True):
            results.remove("not_applicable")
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {
                "result": {"enum": results},
                "note": _text_schema(NOTE_MAX_LENGTH),
                "photos": upload_schema(["image"], EVIDENCE_MAX_MB, EVIDENCE_MAX_FILES),
            },
            "required": ["result"],
            "additionalProperties": False,
        }
        evidence = value.get("evidence") or {}
        needed = [
            name
            for name, flag in (
                ("note", evidence.get("requires_note")),
                ("photos", evidence.get("requires_photo")),
            )
            if flag
        ]
        if needed:
            then: dict[str, Any] = {"required": needed}
            if "photos" in needed:
                then["properties"] = {"photos": {"minItems": 1}}
            schema["if"] = {"properties": {"result": {"const": "non_compliant"}}}
            schema["then"] = then
    elif kind == "single_choice":
        schema = {"type": "string", "enum": _option_values(value)}
    elif kind == "multiple_choice":
        schema = {
            "type": "array",
            "items": {"enum": _option_values(value)},
            "uniqueItems": True,
        }
        least = max(value.get("min_selected") or 0, 1 if value.get("required") else 0)
        if least:
            schema["minItems"] = least
        if value.get("max_selected"):
            schema["maxItems"] = value["max_selected"]
    elif kind == "number":
        schema = {"type": "integer" if value.get("whole_number") else "number"}
        if value.get("minimum") is not None:
            schema["minimum"] = value["minimum"]
        if value.get("maximum") is not None:
            schema["maximum"] = value["maximum"]
    elif kind == "text":
        schema = _text_schema(value.get("max_length") or 500)
    elif kind == "date":
        schema = {"type": "string", "format": "date"}
    elif kind == "file_upload":
        schema = upload_schema(
            list(value.get("accept") or ["image"]),
            value.get("max_size_mb") or 10,
            value.get("max_files") or 5,
        )
        if value.get("required"):
            schema["minItems"] = 1
    elif kind == "signature":
        mode = value.get("mode") or "confirm"
        if mode == "confirm":
            schema = {"type": "boolean", "const": True}
        elif mode == "name":
            schema = _text_schema(SIGNATURE_NAME_MAX_LENGTH)
        else:
            schema = {
                "type": "string",
                "pattern": DRAWN_SIGNATURE_PATTERN,
                "maxLength": DRAWN_SIGNATURE_MAX_LENGTH,
            }
    elif kind == "location":
        schema = {
            "type": "object",
            "properties": {
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lng": {"type": "number", "minimum": -180, "maximum": 180},
            },
            "required": ["lat", "lng"],
            "additionalProperties": False,
        }
    elif kind == "calculated":
        # Computed by the server from earlier answers; a sent value is replaced.
        schema = {"type": "number", "readOnly": True}
    elif kind == "group":
        entry_properties = {}
        entry_required = []
        entry_rules: list[dict[str, Any]] = []
        for child in node.fields:
            entry_properties[child.key] = _property_schema(child, by_key)
            conditions = [child.condition()] if child.condition() else []
            _require(child, conditions, by_key, entry_required, entry_rules)
        entry: dict[str, Any] = {
            "type": "object",
            "properties": entry_properties,
            "additionalProperties": False,
        }
        if entry_required:
            entry["required"] = entry_required
        # Rules that JSON Schema can express go into the entry's schema.
        for rule in node.rules:
            _compile_rule(rule.value, [child.key for child in node.fields], entry_rules)
        if entry_rules:
            entry["allOf"] = entry_rules
        schema = {"type": "array", "items": entry}
        least = max(value.get("min_entries") or 0, 1 if value.get("required") else 0)
        if least:
            schema["minItems"] = least
        if value.get("max_entries"):
            schema["maxItems"] = value["max_entries"]
    else:  # pragma: no cover - definition_problems refuses unknown types
        raise ValueError(f"unknown question type {kind!r}")
    return {**described, **schema}


def _option_values(value: Mapping[str, Any]) -> list[str]:
    return [option["value"] for option in option_items(value)]


def _ui_question(
    node: Node, conditions: list[Condition], by_key: Mapping[str, Node]
) -> dict[str, Any]:
    value = node.value
    kind = node.type
    question: dict[str, Any] = {
        "key": node.key,
        "type": kind,
        "label": node.label,
        "help_text": value.get("help_text") or "",
        "required": kind != "calculated"
        and bool(value.get("required"))
        and node.required_when() is None,
        "condition": _ui_condition(conditions, by_key),
        "step": node.step.key if node.step else None,
        "group": node.group.key if node.group else None,
    }
    required_when = node.required_when()
    if required_when is not None:
        question["required_when"] = _ui_condition([required_when], by_key)
        question["required_when_text"] = _required_when_text(
            required_when, by_key[required_when.question]
        )
    if kind == "check_item":
        evidence = value.get("evidence") or {}
        question.update(
            widget="check",
            points=value.get("points") if value.get("points") is not None else 0,
            deduction=value.get("deduction"),
            guarantee=bool(value.get("guarantee")),
            allow_not_applicable=bool(value.get("allow_not_applicable", True)),
            hazard_grade=value.get("hazard_grade") or None,
            evidence={
                "photo": bool(evidence.get("requires_photo")),
                "note": bool(evidence.get("requires_note")),
            },
        )
    elif kind in ("single_choice", "multiple_choice"):
        question["options"] = [
            {"value": option["value"], "label": option.get("label") or option["value"]}
            for option in option_items(value)
        ]
        if kind == "single_choice":
            question["widget"] = value.get("widget") or "radio"
        else:
            question.update(
                widget="checkboxes",
                min_selected=value.get("min_selected"),
                max_selected=value.get("max_selected"),
            )
    elif kind == "number":
        question.update(
            widget="number",
            unit=value.get("unit") or "",
            whole_number=bool(value.get("whole_number")),
            minimum=value.get("minimum"),
            maximum=value.get("maximum"),
            warning_below=value.get("warning_below"),
            warning_above=value.get("warning_above"),
        )
    elif kind == "text":
        question.update(
            widget="textarea" if value.get("multiline") else "text",
            max_length=value.get("max_length") or 500,
        )
    elif kind == "date":
        question["widget"] = "date"
    elif kind == "file_upload":
        kinds = list(value.get("accept") or ["image"])
        question.update(
            widget="file",
            accept=kinds,
            extensions=sorted({e for k in kinds for e in FILE_TYPES.get(k, {})}),
            max_size_mb=value.get("max_size_mb") or 10,
            max_files=value.get("max_files") or 5,
        )
    elif kind == "signature":
        question.update(widget="signature", mode=value.get("mode") or "confirm")
    elif kind == "location":
        question["widget"] = "location"
    elif kind == "calculated":
        question.update(
            widget="calculated",
            expression=value.get("expression") or "",
            unit=value.get("unit") or "",
            decimals=value.get("decimals") if value.get("decimals") is not None else 2,
        )
    elif kind == "group":
        order = [child.key for child in node.fields]
        rules = [_compile_rule(rule.value, order, []) for rule in node.rules]
        if rules:
            question["rules"] = rules  # checked in each entry
        question.update(
            widget="group",
            fields=order,
            entry_label=value.get("entry_label") or "",
            min_entries=value.get("min_entries"),
            max_entries=value.get("max_entries"),
        )
    return question


def _required_when_text(condition: Condition, source: Node) -> dict[str, Any]:
    """What the portal says of an evidence rule: the earlier question's label,
    the comparison and the answers' labels (a check item's results are
    translated where it is shown)."""
    labels = {
        o["value"]: o.get("label") or o["value"] for o in option_items(source.value)
    }
    return {
        "question": source.label,
        "operator": condition.operator,
        "values": [labels.get(v, v) for v in condition.values],
        "results": source.type == "check_item",
    }


def _scored_options(node: Node) -> dict[str, Any] | None:
    """A choice whose options carry scores (from an option list) is scored
    like a check item: a single choice earns the chosen option's score out of
    the highest; a multiple choice the sum of the chosen options' scores out
    of the sum of the positive ones. An option without a score is not
    counted; a "finding" option chosen opens a hazard (general grade)."""
    if node.type not in ("single_choice", "multiple_choice"):
        return None
    options = option_items(node.value)
    scores = {
        o["value"]: float(o["score"])
        for o in options
        if isinstance(o.get("score"), int | float)
    }
    findings = [o["value"] for o in options if o.get("finding")]
    if not scores and not findings:
        return None
    multiple = node.type == "multiple_choice"
    return {
        "key": node.key,
        "label": node.label,
        "points": (
            sum(score for score in scores.values() if score > 0)
            if multiple
            else max(scores.values(), default=0.0)
        ),
        "multiple": multiple,
        "deduction": None,
        "guarantee": False,
        "hazard_grade": "general" if findings else None,
        "scores": scores,
        "findings": findings,
    }


def _scoring_plan(steps: list[Step], settings: Mapping[str, Any]) -> dict[str, Any]:
    sections = []
    for step in steps:
        items = []
        for node in step.nodes:
            candidates = node.fields if node.type == "group" else [node]
            for item in candidates:
                scored = _scored_options(item)
                if scored is not None:
                    items.append(
                        {**scored, "group": node.key if node.type == "group" else None}
                    )
                    continue
                if item.type != "check_item":
                    continue
                points = item.value.get("points")
                items.append(
                    {
                        "key": item.key,
                        "label": item.label,
                        "group": node.key if node.type == "group" else None,
                        "points": float(points if points is not None else 0),
                        "deduction": item.value.get("deduction"),
                        "guarantee": bool(item.value.get("guarantee")),
                        "hazard_grade": item.value.get("hazard_grade") or None,
                    }
                )
        weight = step.value.get("weight") if step.is_section else None
        sections.append(
            {
                "key": step.key,
                "title": step.title,
                "weight": float(weight if weight is not None else 1),
                "guarantee_floor": step.value.get("guarantee_floor"),
                "zero_if_guarantee_item_fails": bool(
                    step.value.get("zero_if_guarantee_item_fails")
                ),
                "items": items,
            }
        )
    return {
        "rule": settings.get("rule") or "sum",
        "pass_mark": settings.get("pass_mark"),
        "fail_if_section_zeroed": bool(settings.get("fail_if_section_zeroed")),
        "sections": sections,
    }
