"""Compile checked stream data to a JSON Schema, a UI description and a
scoring plan (the mapping is documented in docs/forms-engine.md).

What differs by question type (its schema, its UI entries, its part in
conditions and in the scoring plan) is the type's (``core.forms.questions``);
this module assembles the form: steps, requirements and conditions, rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.forms.definition.model import (
    HIDDEN,
    SCHEMA_DIALECT,
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
from core.forms.questions import question_type
from core.forms.questions.schemas import upload_schema

__all__ = [
    "CompiledForm",
    "compile_definition",
    "compile_rule",
    "condition_met",
    "property_schema",
    "require",
    "upload_schema",
]


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
            properties[node.key] = property_schema(node, by_key)
            require(node, conditions, by_key, required, rules)
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
    checks = [compile_rule(rule.value, order, rules) for rule in iter_rules(steps)]
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


def require(
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
        not question_type(node.type).computed
        and bool(node.value.get("required"))
        and required_when is None
    )
    if required_when is not None:
        matches = [
            _match_schema(by_key[c.question], c) for c in [*conditions, required_when]
        ]
        then: dict[str, Any] = {
            "required": [node.key],
            **question_type(node.type).required_when_then(node),
        }
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
    kind = question_type(source.type)
    one = kind.match_one([kind.condition_value(v) for v in condition.values])
    if condition.operator == "is_not":
        one = {"not": one}
    inner = kind.match_answer(one)
    return {"properties": {condition.question: inner}, "required": [condition.question]}


def _ui_condition(
    conditions: list[Condition], by_key: Mapping[str, Node]
) -> dict[str, Any] | None:
    if not conditions:
        return None
    tests = []
    for condition in conditions:
        kind = question_type(by_key[condition.question].type)
        values = [kind.condition_value(v) for v in condition.values]
        test: dict[str, Any] = {"key": condition.question, "op": kind.condition_op}
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


def compile_rule(
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


def property_schema(node: Node, by_key: Mapping[str, Node]) -> dict[str, Any]:
    """The JSON Schema of a question's answer: its title and help, then its
    type's schema."""
    described: dict[str, Any] = {"title": node.label}
    if node.value.get("help_text"):
        described["description"] = node.value["help_text"]
    return {**described, **question_type(node.type).schema(node, by_key)}


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
        "required": not question_type(kind).computed
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
    question.update(question_type(kind).ui(node))
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
        "results": question_type(source.type).condition_op == "result",
    }


def _scoring_plan(steps: list[Step], settings: Mapping[str, Any]) -> dict[str, Any]:
    sections = []
    for step in steps:
        items = []
        for node in step.nodes:
            container = question_type(node.type).container
            for item in node.fields if container else [node]:
                scored = question_type(item.type).scoring_item(
                    item, node.key if container else None
                )
                if scored is not None:
                    items.append(scored)
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
