"""Helpers a pack's scoring rules share: input problems, exact numbers, display.

Packs import this module (``plugins.pack_support.scoring``) instead of
carrying their own copy; a pack may import ``plugins.*`` but never ``core.*``.

* Input is validated against the rule's JSON Schema (draft 2020-12) by the one
  translator, ``plugins.schema_errors``: every problem comes back with the JSON
  Pointer of the field it concerns and a message through gettext, or the
  schema's own message for that keyword (``x-messages``), so the core and the
  pack say the same thing. The core validates a rule's inputs before calling
  its ``evaluate``; a rule checks there only what its schema cannot say and
  raises ``ScoringInputError``.
* Arithmetic is exact (``fractions.Fraction`` built from the decimal text of
  each input number), so thresholds such as "S ≥ 1" or "total ≥ 80" are decided
  on the exact value, never on a binary float.
* Shown values are truncated (rounded toward zero) to a fixed number of
  decimals. Truncation keeps every "≥ threshold" comparison a reader makes on
  the shown number equal to the one made on the exact value, for any
  threshold with no more decimals than are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction
from typing import Any

from plugins.contributions import (
    CHECKLIST_INPUT_SCHEMA,
    I18nText,
    RuleKind,
    ScoringInputError,
    ScoringRule,
)
from plugins.schema_errors import CompiledSchema, problems_from_errors
from plugins.schema_errors import json_pointer as pointer

__all__ = [
    "Problem",
    "ScoringInputError",
    "entry_points",
    "exact",
    "form_answer",
    "form_result",
    "form_scoring_rule",
    "input_problems",
    "item_score",
    "pointer",
    "refuse_problems",
    "shown",
]

Problem = dict[str, str]


def input_problems(schema: CompiledSchema, payload: Any) -> list[Problem]:
    """Every schema problem of ``payload`` as ``{"path", "message"}``, by path."""
    return problems_from_errors(schema.errors(payload))


def refuse_problems(problems: list[Problem]) -> None:
    """Raise ``ScoringInputError`` when there are ``problems``; nothing is computed.

    A rule module offers ``evaluate`` (validates everything first, for direct
    callers) and ``evaluate_valid`` (the rule's ``evaluate``: the core has
    validated the schema, so only what the schema cannot say is checked).
    """
    if problems:
        raise ScoringInputError(problems)


def entry_points(
    validate: Callable[[Any], list[Problem]],
    problems_beyond_schema: Callable[[Mapping[str, Any]], list[Problem]],
    compute: Callable[[Mapping[str, Any]], dict[str, Any]],
) -> tuple[
    Callable[[Any], dict[str, Any]], Callable[[Mapping[str, Any]], dict[str, Any]]
]:
    """A rule module's ``evaluate`` and ``evaluate_valid`` (see
    ``refuse_problems``): both refuse the input's problems before ``compute``
    runs; ``evaluate`` checks everything (``validate``), ``evaluate_valid``
    only what the schema cannot say (``problems_beyond_schema``)."""

    def evaluate(payload: Any) -> dict[str, Any]:
        refuse_problems(validate(payload))
        return compute(payload)

    def evaluate_valid(payload: Mapping[str, Any]) -> dict[str, Any]:
        refuse_problems(problems_beyond_schema(payload))
        return compute(payload)

    return evaluate, evaluate_valid


def exact(value: int | float | str | Decimal | Fraction) -> Fraction:
    """The exact value of a number as it was written.

    A float is taken at its shortest decimal text (``0.1`` is one tenth, not
    the binary float nearest to it), which is what a JSON client typed.
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(Decimal(value))


def shown(value: Fraction | None, places: int = 4) -> float | None:
    """``value`` truncated toward zero to ``places`` decimals, as a JSON number."""
    if value is None:
        return None
    with localcontext() as context:
        context.prec = 60
        decimal = Decimal(value.numerator) / Decimal(value.denominator)
        truncated = decimal.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    return float(truncated)


def item_score(
    entry: Mapping[str, Any], full: Fraction, row: dict[str, Any], places: int
) -> Fraction | None:
    """The exact score of one checklist item as the inspector entered it, and
    its ``row`` of the breakdown completed; None when it is marked missing.

    The entry gives either a deduction from the full score (capped at it: the
    row keeps the deduction asked for and whether it was capped) or the score
    itself.
    """
    if entry.get("missing"):
        return None
    if "deduction" in entry:
        asked = exact(entry["deduction"])
        score = full - min(asked, full)
        row.update(deduction=float(asked), capped=asked > full)
    else:
        score = exact(entry["score"])
    row["score"] = shown(score, places)
    return score


# -- rules that score a forms-engine submission ---------------------------------


def form_scoring_rule(
    *,
    key: str,
    title: I18nText,
    description: I18nText,
    evaluate: Callable[[Mapping[str, Any]], dict[str, Any]],
) -> ScoringRule:
    """A rule a form definition can name as its overall scoring rule.

    ``evaluate`` receives the engine's breakdown (``CHECKLIST_INPUT_SCHEMA``
    in ``plugins.contributions``) and returns ``{"score", "max_score",
    "passed", "grade", "details"}`` (``form_result`` builds it from a pack
    rule's own result).
    """
    return ScoringRule(
        key=key,
        title=title,
        description=description,
        kind=RuleKind.CHECKLIST,
        input_schema=CHECKLIST_INPUT_SCHEMA,
        evaluate=evaluate,
    )


def form_result(result: Mapping[str, Any], *, score: float | None) -> dict[str, Any]:
    """A pack rule's result in the shape the forms engine stores.

    ``score`` is out of 100; ``passed`` and ``grade`` come from the rule's
    result and everything else it returned is kept as ``details``.
    """
    passed = result.get("passed")
    if passed is None and "grade" in result:
        passed = result["grade"] != "fail"
    return {
        "score": score,
        "max_score": 100 if score is not None else None,
        "passed": passed,
        "grade": result.get("grade"),
        "details": {
            key: value
            for key, value in result.items()
            if key not in ("score", "passed", "grade", "value")
        },
    }


def form_answer(answers: Mapping[str, Any], key: str, entry: int | None = None) -> Any:
    """The answer to question ``key``; with ``entry``, inside that entry of its group.

    Keys are unique in a definition, so the group is the list answer whose
    entry holds ``key``; a question outside the group is looked up at the top.
    """
    if entry is not None:
        for value in answers.values():
            if (
                isinstance(value, list)
                and 0 <= entry < len(value)
                and isinstance(value[entry], dict)
                and key in value[entry]
            ):
                return value[entry][key]
    return answers.get(key)
