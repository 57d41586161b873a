"""Helpers a pack's scoring rules share: input problems, exact numbers, display.

Packs import this module (``plugins.pack_support.scoring``) instead of
carrying their own copy; a pack may import ``plugins.*`` but never ``core.*``.

* Input is validated against the rule's JSON Schema (draft 2020-12); every
  problem comes back with the JSON Pointer of the field it concerns and a
  message through gettext, so the caller can show it at that field.
* Arithmetic is exact (``fractions.Fraction`` built from the decimal text of
  each input number), so thresholds such as "S ≥ 1" or "total ≥ 80" are decided
  on the exact value, never on a binary float.
* Shown values are truncated (rounded toward zero) to a fixed number of
  decimals. Truncation keeps every "≥ threshold" comparison a reader makes on
  the shown number equal to the one made on the exact value, for any
  threshold with no more decimals than are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from plugins.contributions import I18nText, ScoringRule

Problem = dict[str, str]


class ScoringInputError(ValueError):
    """The input of a scoring rule is not acceptable; nothing was computed.

    ``problems`` lists ``{"path": JSON Pointer, "message": text}``, one per
    problem, sorted by path.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            "; ".join(f"{p['path'] or '/'}: {p['message']}" for p in problems)
        )


def pointer(path: Iterable[Any]) -> str:
    """JSON Pointer (RFC 6901) of a path given as keys and indexes."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "".join("/" + p for p in parts)


def schema_problems(
    schema: Mapping[str, Any],
    data: Any,
    *,
    enum_messages: Mapping[str, Callable[[Any], str]] | None = None,
    unknown_key_messages: Mapping[str, Callable[[str], str]] | None = None,
    required_messages: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every JSON Schema problem of ``data``, each at the field it concerns.

    Messages can be made specific by the name of the property that holds the
    object or value concerned (``""`` for the root): ``enum_messages`` for a
    value outside its enum (e.g. an unknown CAS number),
    ``unknown_key_messages`` for a key an object does not accept, and
    ``required_messages`` for a key an object lacks.
    """
    validator = Draft202012Validator(schema)
    problems: list[Problem] = []
    for error in validator.iter_errors(data):
        problems.extend(
            _explain(
                error,
                enum_messages or {},
                unknown_key_messages or {},
                required_messages or {},
            )
        )
    problems.sort(key=lambda p: p["path"])
    unique: list[Problem] = []
    for problem in problems:
        if problem not in unique:
            unique.append(problem)
    return unique


def _explain(
    error: ValidationError,
    enum_messages: Mapping[str, Callable[[Any], str]],
    unknown_key_messages: Mapping[str, Callable[[str], str]],
    required_messages: Mapping[str, str],
) -> list[Problem]:
    path = list(error.absolute_path)
    here = pointer(path)
    owner = next((p for p in reversed(path) if isinstance(p, str)), "")
    keyword = error.validator
    if keyword == "required":
        missing = [
            name
            for name in error.validator_value
            if name not in error.instance and repr(name) in error.message
        ]
        message = required_messages.get(owner if path else "") or _(
            "This field is required."
        )
        return [
            {"path": pointer([*path, name]), "message": message} for name in missing
        ]
    if keyword == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(key for key in error.instance if key not in allowed)
        explain = unknown_key_messages.get(
            owner if path else "",
            lambda key: _("Unknown field “%(key)s”.") % {"key": key},
        )
        return [
            {"path": pointer([*path, key]), "message": explain(key)} for key in extra
        ]
    if keyword == "enum":
        if path and isinstance(path[-1], str) and path[-1] in enum_messages:
            return [{"path": here, "message": enum_messages[path[-1]](error.instance)}]
        if owner in enum_messages:
            return [{"path": here, "message": enum_messages[owner](error.instance)}]
        return [
            {
                "path": here,
                "message": _("“%(value)s” is not an accepted value.")
                % {"value": error.instance},
            }
        ]
    if keyword == "oneOf":
        fields = [
            name
            for option in error.validator_value
            for name in option.get("required", [])
        ]
        if fields:
            return [
                {
                    "path": here,
                    "message": _("Give exactly one of: %(fields)s.")
                    % {"fields": ", ".join(fields)},
                }
            ]
    messages = {
        "type": lambda: (
            _("Must be of type %(type)s.")
            % {"type": _type_names(error.validator_value)}
        ),
        "minimum": lambda: (
            _("Must be at least %(limit)s.") % {"limit": _number(error.validator_value)}
        ),
        "maximum": lambda: (
            _("Must be at most %(limit)s.") % {"limit": _number(error.validator_value)}
        ),
        "exclusiveMinimum": lambda: (
            _("Must be greater than %(limit)s.")
            % {"limit": _number(error.validator_value)}
        ),
        "minItems": lambda: (
            _("Must have at least %(count)s item(s).")
            % {"count": error.validator_value}
        ),
        "minProperties": lambda: _("Must not be empty."),
        "minLength": lambda: _("Must not be empty."),
        "maxLength": lambda: (
            _("Must be at most %(count)s characters.")
            % {"count": error.validator_value}
        ),
        "uniqueItems": lambda: _("Must not repeat a value."),
        "const": lambda: _("Must be %(value)s.") % {"value": error.validator_value},
    }
    if keyword in messages:
        return [{"path": here, "message": messages[keyword]()}]
    return [{"path": here, "message": error.message}]


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _type_names(value: str | list[str]) -> str:
    names = [value] if isinstance(value, str) else list(value)
    return " / ".join(names)


def check_schema(schema: Mapping[str, Any]) -> None:
    """Raise if ``schema`` is not a valid draft 2020-12 JSON Schema."""
    Draft202012Validator.check_schema(schema)


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


# -- rules that score a forms-engine submission ---------------------------------

# The kind of rule the forms engine offers as a form's overall scoring rule.
FORM_RULE_KIND = "checklist"

# What the forms engine passes such a rule (docs/forms-engine.md, "Scoring").
FORM_INPUT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A submission's score breakdown, as the forms engine gives it",
    "type": "object",
    "properties": {
        "sections": {"type": "array", "items": {"type": "object"}},
        "items": {"type": "array", "items": {"type": "object"}},
        "answers": {"type": "object"},
    },
    "required": ["sections", "items", "answers"],
}


def form_scoring_rule(
    *,
    key: str,
    title: I18nText,
    description: I18nText,
    evaluate: Callable[[Mapping[str, Any]], dict[str, Any]],
) -> ScoringRule:
    """A rule a form definition can name as its overall scoring rule.

    ``evaluate`` receives the engine's breakdown (``FORM_INPUT_SCHEMA``) and
    returns ``{"score", "max_score", "passed", "grade", "details"}``
    (``form_result`` builds it from a pack rule's own result).
    """
    return ScoringRule(
        key=key,
        title=title,
        description=description,
        kind=FORM_RULE_KIND,
        input_schema=FORM_INPUT_SCHEMA,
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
