"""Risk grading and scoring rules: level thresholds, rule kinds, the
breakdown a checklist rule receives, and direct conditions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from plugins.contributions.common import CODE_PATTERN, code_problems, has_both
from plugins.texts import I18nText
from plugins.vocabularies import (
    RISK_LEVELS,
)

# -- risk grading ---------------------------------------------------------------

# The colour key of each risk level, from the vocabulary (plugins.vocabularies).
RISK_LEVEL_COLOURS: dict[str, str] = {term.key: term.colour for term in RISK_LEVELS}


@dataclass(frozen=True)
class LevelThresholds:
    """Where a method's value changes level: three cut-offs, highest first.

    ``major`` is the lowest value that is still 重大, ``significant`` the lowest
    that is 较大, ``general`` the lowest that is 一般; anything below is 低. Each
    ``*_inclusive`` flag says whether the cut-off value itself belongs to the
    higher level (``≥``) or not (``>``). Three ordered cut-offs always cover
    the whole range, so there can be no gap and no overlap between the bands.
    """

    major: float
    significant: float
    general: float
    major_inclusive: bool = False
    significant_inclusive: bool = False
    general_inclusive: bool = False
    key: str = "default"
    title: I18nText | None = None

    def cuts(self) -> tuple[tuple[str, float, bool], ...]:
        return (
            ("major", self.major, self.major_inclusive),
            ("significant", self.significant, self.significant_inclusive),
            ("general", self.general, self.general_inclusive),
        )

    def problems(self) -> list[str]:
        found = []
        if not self.major > self.significant > self.general:
            found.append(
                f"thresholds {self.key!r} must decrease strictly: "
                f"major {self.major} > significant {self.significant} > "
                f"general {self.general}"
            )
        return found


class RuleKind(StrEnum):
    """What a scoring rule scores; the engine treats every kind alike.

    Each kind is a plain string in a contribution (``kind="checklist"`` works).
    ``RISK`` grades a risk event (thresholds, direct determination);
    ``CHECKLIST`` scores a forms-engine submission from its breakdown
    (``CHECKLIST_INPUT_SCHEMA``); ``INSPECTION`` scores an inspection given
    through the API (JGJ 59, the road-transport and gas checks);
    ``MAJOR_HAZARD`` identifies and grades a major hazard source (GB 18218).
    """

    RISK = "risk"
    CHECKLIST = "checklist"
    INSPECTION = "inspection"
    MAJOR_HAZARD = "major_hazard"


@dataclass(frozen=True)
class ScoringRule:
    """A scoring rule (评价方法 or pack rule): inputs → result.

    ``input_schema`` is a JSON Schema (draft 2020-12) of the inputs; the core
    validates inputs against it before ``evaluate`` is called, so ``evaluate``
    may trust its input. A (sub)schema may carry its own messages for a
    failing keyword under ``x-messages`` (``plugins.schema_errors``). For what
    a schema cannot say, ``evaluate`` raises ``ScoringInputError``.

    ``kind`` (a ``RuleKind``) is ``"risk"`` for a method that grades a risk
    event: its ``evaluate`` returns ``{"value": number, "details": {...}}`` and
    the core maps the value to a level with the configured thresholds (whose
    defaults are ``default_thresholds``); a risk rule without thresholds returns
    ``"level"`` itself. Rules of other kinds return whatever result dict they
    document. ``value_range`` is the smallest and largest value the rule can
    produce; the thresholds a department configures must lie inside it.
    """

    key: str
    title: I18nText
    input_schema: dict[str, Any]
    evaluate: Callable[[dict[str, Any]], dict[str, Any]]
    kind: str = RuleKind.RISK
    default_thresholds: LevelThresholds | None = None
    threshold_presets: tuple[LevelThresholds, ...] = ()
    value_range: tuple[float, float] | None = None
    description: I18nText | None = None

    def problems(self) -> list[str]:
        """What is wrong with this rule, in plain words (empty when fine)."""
        found = code_problems("scoring rule key", self.key)
        if not has_both(self.title):
            found.append(f"scoring rule {self.key!r} needs a Chinese and English title")
        if self.kind not in tuple(RuleKind):
            found.append(
                f"scoring rule {self.key!r} has the unknown kind {self.kind!r} "
                f"(one of {', '.join(RuleKind)})"
            )
        if not callable(self.evaluate):
            found.append(f"scoring rule {self.key!r}: evaluate is not callable")
        if not isinstance(self.input_schema, dict):
            found.append(f"scoring rule {self.key!r}: input_schema must be a dict")
        for thresholds in (self.default_thresholds, *self.threshold_presets):
            if thresholds is None:
                continue
            found.extend(
                f"scoring rule {self.key!r}: {p}" for p in thresholds.problems()
            )
            if self.value_range is None:
                found.append(
                    f"scoring rule {self.key!r} has thresholds but no value_range"
                )
        if self.threshold_presets and self.default_thresholds is None:
            found.append(f"scoring rule {self.key!r} has presets but no default")
        return found


class ScoringInputError(ValueError):
    """The input of a scoring rule is not acceptable; nothing was computed.

    A rule's ``evaluate`` raises it for what its schema cannot say (e.g. "the
    quantities must not all be zero"); the core reports each problem like a
    schema error, at its field. ``problems`` lists ``{"path": JSON Pointer,
    "message": text}``.
    """

    def __init__(self, problems: list[dict[str, str]]):
        self.problems = problems
        super().__init__(
            "; ".join(f"{p['path'] or '/'}: {p['message']}" for p in problems)
        )


# -- the breakdown a checklist rule receives -----------------------------------

# The forms engine scores each section and each check item (an entry of a
# repeatable group counts as an item), then gives a ``checklist`` rule
# ``{"sections": [...], "items": [...], "answers": {...}}`` with these fields.
CHECKLIST_SECTION_FIELDS: dict[str, dict[str, Any]] = {
    "key": {"type": "string"},
    "title": {"type": "string"},
    "weight": {"type": "number"},
    "score": {"type": "number"},
    "max_score": {"type": "number"},
    "percent": {"type": ["number", "null"]},
    "zeroed": {"type": "boolean"},
    "zeroed_reason": {"enum": ["guarantee_floor", "guarantee_item_zero", None]},
    "guarantee_score": {"type": ["number", "null"]},
    "guarantee_max": {"type": ["number", "null"]},
}
CHECKLIST_ITEM_FIELDS: dict[str, dict[str, Any]] = {
    "key": {"type": "string"},
    "label": {"type": "string"},
    "section": {"type": "string"},
    "result": {"enum": ["compliant", "non_compliant", "not_applicable", None]},
    "points": {"type": "number"},
    "earned": {"type": ["number", "null"]},
    "deduction": {"type": "number"},
    "guarantee": {"type": "boolean"},
    "entry": {"type": ["integer", "null"]},
}


def _record_schema(fields: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": dict(fields),
        "required": list(fields),
        "additionalProperties": False,
    }


CHECKLIST_INPUT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A submission's score breakdown, as the forms engine gives it",
    "type": "object",
    "properties": {
        "sections": {
            "type": "array",
            "items": _record_schema(CHECKLIST_SECTION_FIELDS),
        },
        "items": {"type": "array", "items": _record_schema(CHECKLIST_ITEM_FIELDS)},
        "answers": {"type": "object"},
    },
    "required": ["sections", "items", "answers"],
    "additionalProperties": False,
}


def checklist_breakdown(
    sections: Iterable[Any], items: Iterable[Any], answers: Mapping[str, Any]
) -> dict[str, Any]:
    """The input of a ``checklist`` rule, from section and item score objects.

    Each object must have an attribute per field of ``CHECKLIST_SECTION_FIELDS``
    or ``CHECKLIST_ITEM_FIELDS``; nothing else is passed on.
    """
    return {
        "sections": [
            {name: getattr(section, name) for name in CHECKLIST_SECTION_FIELDS}
            for section in sections
        ],
        "items": [
            {name: getattr(item, name) for name in CHECKLIST_ITEM_FIELDS}
            for item in items
        ],
        "answers": dict(answers),
    }


@dataclass(frozen=True)
class DirectCondition:
    """A condition of direct determination (直接判定) that raises a risk's level.

    A condition can only raise a level, never lower it, and every condition
    that holds is recorded as a reason on the assessment. A *declared*
    condition (``applies`` is None) is ticked by the assessor; an *automatic*
    one is decided by ``applies(result)`` from the scored result
    (``{"value", "level", "details"}``). ``raises_to`` is the level the risk is
    raised to at least (``"major"`` for the national conditions; a pack may
    add weaker ones, e.g. "at least significant"). ``industries`` limits a
    condition to enterprises of those industry codes (empty: every industry).
    """

    key: str
    title: I18nText
    description: I18nText | None = None
    raises_to: str = "major"
    applies: Callable[[dict[str, Any]], bool] | None = None
    industries: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        found = []
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"direct-determination condition key {self.key!r} is invalid")
        if self.raises_to not in RISK_LEVELS:
            found.append(
                f"direct-determination condition {self.key!r} raises to unknown "
                f"level {self.raises_to!r}"
            )
        if not has_both(self.title):
            found.append(
                f"direct-determination condition {self.key!r} needs a Chinese "
                "and English title"
            )
        return found
