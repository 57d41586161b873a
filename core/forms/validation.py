"""Validate answers against a published version: one function for every caller.

``answers_validate`` is what the API, the portal's guided form and the
admin preview all call: calculated values are computed on the server first (a
value sent for them is replaced), then the whole answer is checked against the
version's JSON Schema with the format checker, then uploaded-file references
are checked against the stored uploads of the enterprise. Every message comes
from the failing keyword and path (``plugins.schema_errors``), through gettext.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator

from core.forms.definition import (
    DRAWN_SIGNATURE_PATTERN,
    HIDDEN,
    NOT_BLANK,
    condition_met,
)
from core.forms.expressions import parse_expression
from core.forms.questions import question_type
from plugins.schema_errors import json_pointer, translate_error

MAX_ANSWER_BYTES = 5_000_000


@dataclass(frozen=True)
class AnswerError:
    """One problem of an answer, at its path (keys and entry indexes)."""

    path: tuple[str | int, ...]
    keyword: str
    message: str

    @property
    def pointer(self) -> str:
        return json_pointer(self.path)

    def as_dict(self) -> dict[str, str]:
        return {"path": self.pointer, "keyword": self.keyword, "message": self.message}


@dataclass
class ValidatedAnswers:
    """The answer as it will be stored (calculated values filled in), its errors
    and the number answers outside their warning limits."""

    data: dict[str, Any]
    errors: list[AnswerError] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _special_message(error) -> str | None:
    """Messages this engine words better than the neutral helper can."""
    if error.validator == "not" and error.validator_value == HIDDEN["not"]:
        return _("This question is not shown for the answers given; leave it out.")
    if error.validator == "pattern":
        if error.validator_value == NOT_BLANK:
            return _("This must not be blank.")
        if error.validator_value == DRAWN_SIGNATURE_PATTERN:
            return _("Sign in the box.")
    if error.validator == "const" and error.validator_value is True:
        return _("This must be confirmed.")
    return None


def _evidence_errors(error) -> list[AnswerError]:
    """A check item's evidence rule: say what a non-compliant answer lacks."""
    instance = error.instance
    if (
        error.validator != "required"
        or "then" not in error.absolute_schema_path
        or not isinstance(instance, dict)
        or instance.get("result") != "non_compliant"
    ):
        return []
    messages = {
        "note": _("A non-compliant answer needs a note."),
        "photos": _("A non-compliant answer needs a photo."),
    }
    path = tuple(error.absolute_path)
    return [
        AnswerError((*path, name), "evidence", messages[name])
        for name in error.validator_value
        if name not in instance and name in messages
    ]


def schema_answer_errors(
    json_schema: Mapping[str, Any], data: Any
) -> list[AnswerError]:
    """Every JSON-Schema error of ``data`` (formats checked), translated from
    its keyword and path, one per path and keyword, in document order."""
    validator = Draft202012Validator(
        json_schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    found: dict[tuple, AnswerError] = {}
    for error in validator.iter_errors(data):
        special = _special_message(error)
        evidence = _evidence_errors(error)
        if evidence:
            items = evidence
        elif special is not None:
            keyword = "hidden" if error.validator == "not" else str(error.validator)
            items = [AnswerError(tuple(error.absolute_path), keyword, special)]
        else:
            items = [
                AnswerError(item.location, item.keyword, item.reason)
                for item in translate_error(error)
            ]
        for item in items:
            found.setdefault((item.path, item.keyword), item)
    return sorted(found.values(), key=lambda e: _sort_key(e.path))


def _sort_key(path: tuple) -> list[tuple[int, str]]:
    return [(0, f"{p:09d}") if isinstance(p, int) else (1, str(p)) for p in path]


def answers_validate(
    *,
    json_schema: Mapping[str, Any],
    ui_schema: Mapping[str, Any],
    data: Any,
    enterprise=None,
) -> ValidatedAnswers:
    """Check ``data`` for a version (its ``json_schema`` and ``ui_schema``).

    With ``enterprise``, file references must name uploads of that enterprise
    (the portal and the API always pass it; the admin preview stores nothing).
    """
    if not isinstance(data, dict):
        return ValidatedAnswers(
            data={},
            errors=[AnswerError((), "type", _("The answers must be a JSON object."))],
        )
    prepared = compute_calculated(ui_schema, copy.deepcopy(data))
    errors = [
        AnswerError(path, "nul", _("Text must not contain NUL characters."))
        for path in _nul_paths(prepared)
    ]
    errors += schema_answer_errors(json_schema, prepared)
    errors += rule_errors(ui_schema, prepared, errors)
    if not errors and enterprise is not None:
        errors += _upload_errors(ui_schema, prepared, enterprise)
    return ValidatedAnswers(
        data=prepared,
        errors=errors,
        warnings=number_warnings(ui_schema, prepared) if not errors else [],
    )


def version_answers_validate(
    *, version, data: Any, enterprise=None
) -> ValidatedAnswers:
    """``answers_validate`` for a ``FormVersion``."""
    return answers_validate(
        json_schema=version.json_schema,
        ui_schema=version.ui_schema,
        data=data,
        enterprise=enterprise,
    )


def _nul_paths(value: Any, path: tuple = ()) -> Iterator[tuple]:
    # PostgreSQL cannot store U+0000 in JSON, and nobody types it.
    if isinstance(value, str):
        if "\x00" in value:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in str(key):
                yield (*path, key)
            yield from _nul_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, (*path, index))


# -- checks across questions -------------------------------------------------------

_COMPARE = {
    "eq": lambda a, b: math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9),
    "ne": lambda a, b: not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9),
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
}


def rule_errors(
    ui_schema: Mapping[str, Any],
    data: Mapping[str, Any],
    found: list[AnswerError] = (),
) -> list[AnswerError]:
    """The version's checks across questions that the JSON Schema cannot
    express (e.g. a sum equal to a total), each failing one as the author's
    message at the question it names last. A rule whose questions are not all
    answered (or hidden) is not checked; nor is one at a question that already
    has an error."""
    already = {error.path for error in found}
    errors = _rules_errors(ui_schema.get("rules", []), data, (), already)
    questions = ui_schema.get("questions", {})
    for key in ui_schema.get("order", []):
        group = questions.get(key) or {}
        entries = data.get(key)
        if not group.get("rules") or not isinstance(entries, list):
            continue
        # A repeatable group's rules hold in each entry, at its own question.
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                errors += _rules_errors(group["rules"], entry, (key, index), already)
    return errors


def _rules_errors(
    rules: list[Mapping[str, Any]],
    data: Mapping[str, Any],
    prefix: tuple,
    already: set,
) -> list[AnswerError]:
    errors = []
    for rule in rules:
        at = (*prefix, rule["at"])
        if rule.get("in_schema") or at in already:
            continue
        left = parse_expression(rule["left"])
        right = parse_expression(rule["right"])
        values = {
            name: data[name]
            for name in left.names | right.names
            if isinstance(data.get(name), int | float)
            and not isinstance(data.get(name), bool)
        }
        a, b = left.evaluate(values), right.evaluate(values)
        if a is None or b is None:
            continue
        if not _COMPARE[rule["comparison"]](a, b):
            message = rule.get("message") or _("These answers do not agree.")
            errors.append(AnswerError(at, "rule", message))
            already.add(at)
    return errors


# -- calculated values -----------------------------------------------------------


def compute_calculated(
    ui_schema: Mapping[str, Any], data: dict[str, Any]
) -> dict[str, Any]:
    """Fill in every calculated value of ``data`` (in place; also returned).

    A value sent by the client is replaced; a calculation whose inputs are
    missing or not numbers leaves the key out.
    """
    questions = ui_schema.get("questions", {})
    top = [questions[key] for key in ui_schema.get("order", []) if key in questions]
    _compute(top, data, questions)
    for question in top:
        container = question_type(question["type"]).container
        if container and isinstance(data.get(question["key"]), list):
            fields = [questions[key] for key in question.get("fields", [])]
            for entry in data[question["key"]]:
                if isinstance(entry, dict):
                    _compute(fields, entry, questions)
    return data


def _compute(questions: list[Mapping[str, Any]], answers: dict[str, Any], _all) -> None:
    for question in questions:
        kind = question_type(question["type"])
        if not kind.computed:
            continue
        answers.pop(question["key"], None)
        if not condition_met(question.get("condition"), answers):
            continue  # in a hidden section: no value, like any hidden question
        kind.compute(question, answers)


# -- warnings and uploads ----------------------------------------------------------


def _answers_of(ui_schema: Mapping[str, Any], data: Mapping[str, Any]):
    """``(question, answer, path)`` for every answered question, entries included."""
    questions = ui_schema.get("questions", {})
    for key in ui_schema.get("order", []):
        question = questions.get(key)
        if question is None or key not in data:
            continue
        yield question, data[key], (key,)
        container = question_type(question["type"]).container
        if container and isinstance(data[key], list):
            for index, entry in enumerate(data[key]):
                for child_key in question.get("fields", []):
                    if isinstance(entry, dict) and child_key in entry:
                        yield (
                            questions[child_key],
                            entry[child_key],
                            (key, index, child_key),
                        )


def number_warnings(
    ui_schema: Mapping[str, Any], data: Mapping[str, Any]
) -> list[dict]:
    """Number answers beyond their warning limits (accepted, but flagged)."""
    found = []
    for question, answer, path in _answers_of(ui_schema, data):
        found += question_type(question["type"]).warnings(question, answer, path)
    return found


def file_references(ui_schema: Mapping[str, Any], data: Mapping[str, Any]):
    """``(reference, path)`` for every uploaded file an answer refers to."""
    for question, answer, path in _answers_of(ui_schema, data):
        kind = question_type(question["type"])
        for reference, within in kind.file_references(answer):
            yield reference, (*path, *within)


def _upload_errors(ui_schema, data, enterprise) -> list[AnswerError]:
    from core.forms.models import FormUpload

    references = list(file_references(ui_schema, data))
    if not references:
        return []
    stored = {
        str(upload.id): upload
        for upload in FormUpload.objects.filter(
            enterprise=enterprise, id__in=[ref["id"] for ref, _path in references]
        )
    }
    errors = []
    for reference, path in references:
        upload = stored.get(reference["id"])
        if upload is None or upload.as_reference() != reference:
            errors.append(
                AnswerError(
                    path,
                    "upload",
                    _(
                        "This file was not uploaded for this enterprise; upload it again."
                    ),
                )
            )
    return errors


def answers_prune_hidden(ui_schema: Mapping[str, Any], data: Mapping[str, Any]) -> dict:
    """``data`` without answers to questions their conditions now hide.

    The guided form calls it when a step changes an earlier answer, so a stale
    answer to a question that is no longer shown does not block the submission.
    """
    questions = ui_schema.get("questions", {})
    pruned = dict(data)
    for key in ui_schema.get("order", []):
        question = questions.get(key)
        if question is None:
            continue
        if key in pruned and not condition_met(question.get("condition"), pruned):
            pruned.pop(key)
            continue
        container = question_type(question["type"]).container
        if container and isinstance(pruned.get(key), list):
            entries = []
            for entry in pruned[key]:
                if not isinstance(entry, dict):
                    entries.append(entry)
                    continue
                kept = dict(entry)
                for child_key in question.get("fields", []):
                    child = questions[child_key]
                    if child_key in kept and not condition_met(
                        child.get("condition"), kept
                    ):
                        kept.pop(child_key)
                entries.append(kept)
            pruned[key] = entries
    return pruned
