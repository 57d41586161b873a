"""Validate against a JSON Schema and explain every error in plain, translated words.

jsonschema's own messages are English, repeat the whole instance and name
schema internals (``{'L': 4} is not valid under any of the given schemas``).
Users see none of that: each error is rebuilt from the keyword that failed
(``error.validator``), its expected value (``error.validator_value``) and the
JSON Pointer of the value concerned, and worded through gettext. It is the one
translator of the platform: the scoring engine (``core.scoring``), the forms
engine and the packs' rules all use it.

A schema can carry its own messages. Under ``x-messages`` a (sub)schema maps
the keyword that fails there to a text, used instead of the generic one:

    {"type": "string", "enum": ["7782-50-5", ...],
     "x-messages": {"enum": {"zh-hans": "未知的CAS号“%(value)s”……",
                             "en": "Unknown CAS number “%(value)s” ..."}}}

A text is one string for every language or ``{"zh-hans": ..., "en": ...}``
(the active language's, else Chinese, else English). ``%(value)s`` is the value
concerned (for ``required``, ``dependentRequired`` and
``additionalProperties`` the name of the property), ``%(expected)s`` the
keyword's own value (the limit, the allowed values). On ``oneOf`` or ``anyOf``
the text replaces the explanation of the closest alternative. It is an
annotation, so the schema stays valid for any other validator (ajv-errors
calls the same idea ``errorMessage``).

    errors = schema_errors(schema, data)
    [e.as_dict() for e in errors]  # [{"path": "/L", "reason": "...", "keyword": "enum"}]

``CompiledSchema`` builds the validator once for a schema validated often.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as lazy
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

# At most this many allowed values are listed in an ``enum`` message.
MAX_LISTED_VALUES = 20
# The annotation under which a (sub)schema carries its own messages.
MESSAGES = "x-messages"


@dataclass(frozen=True)
class SchemaError:
    """One reason why a value does not fit its schema.

    ``path`` is a JSON Pointer (RFC 6901) to the value concerned (``""`` is the
    whole document); ``location`` the same as a tuple of keys and indexes;
    ``keyword`` the JSON Schema keyword that failed; ``reason`` a translated
    sentence for the user.
    """

    path: str
    location: tuple[str | int, ...]
    keyword: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "keyword": self.keyword}


def json_pointer(location: Iterable[str | int]) -> str:
    """The JSON Pointer of ``location`` (``("events", 0, "L")`` → ``/events/0/L``)."""
    return "".join(
        "/" + str(part).replace("~", "~0").replace("/", "~1") for part in location
    )


def parse_pointer(pointer: str) -> tuple[str, ...]:
    """The keys of a JSON Pointer (``/a~1b/0`` → ``("a/b", "0")``)."""
    return tuple(
        part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]
    )


class CompiledSchema:
    """A JSON Schema with its validator built once, formats checked.

    jsonschema ignores ``format`` unless given a format checker. The schema
    itself is not checked here: whoever accepts a schema checks it once
    (``jsonschema.validators.validator_for(schema).check_schema``).
    """

    def __init__(
        self,
        schema: Mapping[str, Any],
        *,
        validator_class: Any = Draft202012Validator,
    ):
        self.schema = schema
        self.validator = validator_class(
            schema, format_checker=validator_class.FORMAT_CHECKER
        )

    def errors(self, instance: Any) -> list[SchemaError]:
        """Every error of ``instance``, translated, in document order."""
        found: list[SchemaError] = []
        seen: set[tuple[str, str]] = set()
        for error in self.validator.iter_errors(instance):
            for item in translate_error(error):
                if (item.path, item.reason) not in seen:
                    seen.add((item.path, item.reason))
                    found.append(item)
        return sorted(found, key=lambda e: _sort_key(e.location))


def schema_errors(
    schema: Mapping[str, Any],
    instance: Any,
    *,
    validator_class: type = Draft202012Validator,
) -> list[SchemaError]:
    """Every error of ``instance`` against ``schema``, translated, in document order.

    Formats (``"format": "date"``...) are checked: jsonschema ignores them
    unless given a format checker.
    """
    return CompiledSchema(schema, validator_class=validator_class).errors(instance)


def errors_from_problems(
    problems: Iterable[Mapping[str, Any]], keyword: str = "rule"
) -> list[SchemaError]:
    """``{"path", "message"}`` problems (``ScoringInputError``) as errors."""
    return [
        SchemaError(
            path=str(problem.get("path", "")),
            location=parse_pointer(str(problem.get("path", ""))),
            keyword=keyword,
            reason=str(problem.get("message", "")),
        )
        for problem in problems
    ]


def problems_from_errors(errors: Iterable[SchemaError]) -> list[dict[str, str]]:
    """Errors as the ``{"path", "message"}`` problems a rule reports."""
    return [{"path": error.path, "message": error.reason} for error in errors]


def _sort_key(location: Sequence[str | int]) -> list[tuple[int, str]]:
    return [(0, f"{p:09d}") if isinstance(p, int) else (1, p) for p in location]


def translate_error(error: ValidationError) -> list[SchemaError]:
    """The translated error(s) of one jsonschema ``ValidationError``.

    ``required`` and ``additionalProperties`` are reported at the property
    concerned (not at its parent object), one error per property.
    """
    location = tuple(error.absolute_path)
    keyword = str(error.validator)
    instance = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    own = _own_message(schema, keyword)

    if keyword == "required" and isinstance(instance, dict):
        return [
            _error(
                (*location, name),
                keyword,
                _fill(own, name, error) if own else _("This field is required."),
            )
            for name in error.validator_value
            if name not in instance
        ]
    if keyword == "dependentRequired" and isinstance(instance, dict):
        found: list[SchemaError] = []
        for trigger, needed in error.validator_value.items():
            if trigger not in instance:
                continue
            found.extend(
                _error(
                    (*location, name),
                    keyword,
                    _fill(own, name, error)
                    if own
                    else _("This field is required when “%(other)s” is given.")
                    % {"other": trigger},
                )
                for name in needed
                if name not in instance
            )
        return found
    if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(
        instance, dict
    ):
        extras = _extra_properties(instance, schema)
        if extras:
            return [
                _error(
                    (*location, name),
                    keyword,
                    _fill(own, name, error) if own else _("This field is not allowed."),
                )
                for name in extras
            ]
    if own:
        return [_error(location, keyword, _fill(own, instance, error))]
    if keyword == "oneOf" and _required_alternatives(error.validator_value):
        fields = _required_alternatives(error.validator_value)
        return [
            _error(
                location,
                keyword,
                _("Give exactly one of: %(fields)s.") % {"fields": ", ".join(fields)},
            )
        ]
    if keyword in ("anyOf", "oneOf") and error.context:
        # Nothing matched (a oneOf that matched twice has no context): the
        # alternative that came closest explains the problem best.
        found = []
        for branch_error in _closest_branch(error):
            found.extend(translate_error(branch_error))
        return found
    return [_error(location, keyword, reason_for(error))]


def _own_message(schema: Mapping[str, Any], keyword: str) -> str | None:
    """The schema's own text for ``keyword`` in the active language, if any."""
    messages = schema.get(MESSAGES)
    if not isinstance(messages, Mapping) or keyword not in messages:
        return None
    return localised(messages[keyword]) or None


def localised(text: str | Mapping[str, str]) -> str:
    """One string for every language, or the active language's of a mapping.

    A mapping is keyed by language code (``zh-hans``, ``en``); without the
    active language, Chinese (the platform's default), then English.
    """
    if isinstance(text, str):
        return text
    if not isinstance(text, Mapping):
        return ""
    language = (get_language() or "zh-hans").lower()
    for code in (language, language.split("-")[0], "zh-hans", "en"):
        if text.get(code):
            return str(text[code])
    return next((str(v) for v in text.values() if v), "")


_PLACEHOLDER = re.compile(r"%\((value|expected)\)s")


def _fill(template: str, value: Any, error: ValidationError) -> str:
    """``template`` with ``%(value)s`` and ``%(expected)s`` filled in.

    Only these two placeholders are replaced, so a lone ``%`` stays as written.
    """
    values = {"value": _display(value), "expected": _listed(error.validator_value)}
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _required_alternatives(alternatives: Any) -> list[str]:
    """The fields of a ``oneOf`` whose alternatives each only require fields.

    ``[{"required": ["name"]}, {"required": ["cas"]}]`` means "exactly one of
    name and cas": said so, it is clearer than the closest alternative.
    """
    if not isinstance(alternatives, list) or not alternatives:
        return []
    fields: list[str] = []
    for alternative in alternatives:
        if not isinstance(alternative, dict) or set(alternative) != {"required"}:
            return []
        fields.extend(str(name) for name in alternative["required"])
    return fields


def _closest_branch(error: ValidationError) -> list[ValidationError]:
    """The errors of the alternative the instance came closest to matching.

    An alternative of the instance's own type (no ``type`` error on the value
    itself) beats one of another type; then the one with fewest errors wins;
    jsonschema's ``best_match`` breaks ties.
    """
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    depth = len(error.absolute_path)

    def distance(errors: list[ValidationError]) -> tuple[int, int]:
        wrong_type = any(
            e.validator == "type" and len(e.absolute_path) == depth for e in errors
        )
        return (int(wrong_type), len(errors))

    closest = min(branches.values(), key=distance)
    best = best_match(closest)
    return closest if best is None else [best, *(e for e in closest if e is not best)]


def _extra_properties(instance: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    properties = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    return [
        name
        for name in instance
        if name not in properties
        and not any(re.search(pattern, name) for pattern in patterns)
    ]


def _error(location: tuple[str | int, ...], keyword: str, reason: str) -> SchemaError:
    return SchemaError(
        path=json_pointer(location),
        location=location,
        keyword=keyword,
        reason=reason,
    )


TYPE_NAMES = {
    "string": lambda: _("text"),
    "number": lambda: _("a number"),
    "integer": lambda: _("a whole number"),
    "boolean": lambda: _("yes or no (true or false)"),
    "array": lambda: _("a list"),
    "object": lambda: _("an object (a set of named fields)"),
    "null": lambda: _("empty (null)"),
}


def _display(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _listed(value: Any) -> str:
    """A keyword's value as text; a list shows its first ``MAX_LISTED_VALUES``."""
    if not isinstance(value, list):
        return _display(value)
    values = [_display(v) for v in value]
    listed = ", ".join(values[:MAX_LISTED_VALUES])
    if len(values) > MAX_LISTED_VALUES:
        listed += ", …"
    return listed


# Keywords whose message shows the expected value as a limit.
_LIMIT_REASONS = {
    "minimum": lazy("Must be at least %(limit)s."),
    "maximum": lazy("Must be at most %(limit)s."),
    "exclusiveMinimum": lazy("Must be greater than %(limit)s."),
    "exclusiveMaximum": lazy("Must be less than %(limit)s."),
}
# Keywords whose expected value is a count (of characters, items or fields):
# the plural form follows it.
_COUNT_REASONS = {
    "minLength": ngettext_lazy(
        "Must be at least %(count)d character long.",
        "Must be at least %(count)d characters long.",
        "count",
    ),
    "maxLength": ngettext_lazy(
        "Must be at most %(count)d character long.",
        "Must be at most %(count)d characters long.",
        "count",
    ),
    "minItems": ngettext_lazy(
        "Choose or enter at least %(count)d item.",
        "Choose or enter at least %(count)d items.",
        "count",
    ),
    "maxItems": ngettext_lazy(
        "Choose or enter at most %(count)d item.",
        "Choose or enter at most %(count)d items.",
        "count",
    ),
    "minProperties": ngettext_lazy(
        "Fill in at least %(count)d field.",
        "Fill in at least %(count)d fields.",
        "count",
    ),
    "maxProperties": ngettext_lazy(
        "Fill in at most %(count)d field.",
        "Fill in at most %(count)d fields.",
        "count",
    ),
}


def reason_for(error: ValidationError) -> str:
    """A translated sentence for one failed keyword, from its expected value."""
    keyword = error.validator
    expected = error.validator_value
    if keyword == "type":
        types = expected if isinstance(expected, list) else [expected]
        names = [TYPE_NAMES[t]() if t in TYPE_NAMES else str(t) for t in types]
        return _("Must be %(types)s.") % {"types": _(" or ").join(names)}
    if keyword == "enum":
        return _("Must be one of: %(values)s.") % {"values": _listed(expected)}
    if keyword == "const":
        return _("Must be %(value)s.") % {"value": _display(expected)}
    if keyword in _LIMIT_REASONS:
        return _LIMIT_REASONS[keyword] % {"limit": _display(expected)}
    if keyword == "multipleOf":
        return _("Must be a multiple of %(step)s.") % {"step": _display(expected)}
    if keyword in _COUNT_REASONS:
        return _COUNT_REASONS[keyword] % {"count": expected}
    if keyword == "pattern":
        return _("Is not in the expected form.")
    if keyword == "format":
        return _("Is not a valid %(format)s.") % {"format": expected}
    if keyword == "uniqueItems":
        return _("Each item may appear only once.")
    if keyword in ("contains", "minContains", "maxContains"):
        return _("The list does not contain the required items.")
    if keyword == "oneOf":
        return _("Matches more than one of the allowed forms; it must match one.")
    if keyword == "anyOf":
        return _("Does not match any of the allowed forms.")
    if keyword == "not":
        return _("This value is not allowed here.")
    if keyword in ("additionalProperties", "unevaluatedProperties", "propertyNames"):
        return _("Contains a field that is not allowed.")
    if keyword in ("additionalItems", "unevaluatedItems", "items", "prefixItems"):
        return _("The list has more items than allowed.")
    if keyword == "False schema" or expected is False:
        return _("No value is allowed here.")
    return _("This value is not valid.")


# -- checking a schema's own messages ------------------------------------------

# Keywords whose value is a subschema, a list of them, or a map of them.
_ONE_SCHEMA = (
    "additionalItems",
    "additionalProperties",
    "contains",
    "else",
    "if",
    "items",
    "not",
    "propertyNames",
    "then",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems", "items")
_SCHEMA_MAPS = (
    "$defs",
    "definitions",
    "dependentSchemas",
    "patternProperties",
    "properties",
)


def _subschemas(schema: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for keyword in _ONE_SCHEMA:
        if isinstance(schema.get(keyword), Mapping):
            yield keyword, schema[keyword]
    for keyword in _SCHEMA_LISTS:
        if isinstance(schema.get(keyword), list):
            for index, item in enumerate(schema[keyword]):
                yield f"{keyword}/{index}", item
    for keyword in _SCHEMA_MAPS:
        if isinstance(schema.get(keyword), Mapping):
            for name, item in schema[keyword].items():
                yield f"{keyword}/{name}", item


def _is_message(text: Any) -> bool:
    if isinstance(text, str):
        return bool(text.strip())
    return isinstance(text, Mapping) and all(
        isinstance(text.get(code), str) and text[code].strip()
        for code in ("zh-hans", "en")
    )


def message_problems(schema: Any, where: str = "") -> list[str]:
    """What is wrong with the ``x-messages`` of ``schema`` and its subschemas.

    Each must map a keyword to a non-empty string or to a mapping with both a
    ``zh-hans`` and an ``en`` string (empty list: fine).
    """
    if not isinstance(schema, Mapping):
        return []
    found = []
    messages = schema.get(MESSAGES, {})
    at = where or "(root)"
    if not isinstance(messages, Mapping):
        found.append(f"{MESSAGES} at {at} must map keywords to messages")
        messages = {}
    for keyword, text in messages.items():
        if not _is_message(text):
            found.append(
                f"{MESSAGES} at {at}: the message for {keyword!r} must be a text "
                'or {"zh-hans": ..., "en": ...}'
            )
    for path, subschema in _subschemas(schema):
        found.extend(message_problems(subschema, f"{where}/{path}"))
    return found
