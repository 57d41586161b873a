"""Grading a risk method's value: levels, thresholds, direct determination.

What the engine adds for rules of kind ``risk``: the value is mapped to
``major`` / ``significant`` / ``general`` / ``low`` with the configured
thresholds, then every direct-determination condition that holds can only
raise the level, and each is recorded as a reason.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from plugins.contributions import DirectCondition, LevelThresholds, risk_level_rank

# Inputs the platform adds to every risk method (not passed to ``evaluate``).
PLATFORM_INPUTS = ("direct_conditions", "direct_note")
DIRECT_NOTE_MAX_LENGTH = 500


def number(value: Decimal | float | int | None) -> int | float | None:
    """A JSON number without float noise (``4.2``, not ``4.200000000000001``)."""
    if value is None:
        return None
    decimal = Decimal(str(value)).normalize()
    if decimal == decimal.to_integral_value():
        return int(decimal)
    return float(decimal)


def level_for(value: Decimal | float | int, thresholds: LevelThresholds) -> str:
    """The level of ``value``: the first cut-off (highest first) it reaches."""
    value = Decimal(str(value))
    for level, cut, inclusive in thresholds.cuts():
        cut = Decimal(str(cut))
        if value > cut or (inclusive and value == cut):
            return level
    return "low"


def thresholds_as_dict(source: str, thresholds: LevelThresholds) -> dict[str, Any]:
    return {
        "source": source,
        "key": thresholds.key,
        "major": number(thresholds.major),
        "major_inclusive": thresholds.major_inclusive,
        "significant": number(thresholds.significant),
        "significant_inclusive": thresholds.significant_inclusive,
        "general": number(thresholds.general),
        "general_inclusive": thresholds.general_inclusive,
    }


@dataclass(frozen=True)
class RegisteredCondition:
    """A direct-determination condition and the plugin that provides it."""

    pack: str
    condition: DirectCondition

    @property
    def declarable(self) -> bool:
        return self.condition.applies is None

    def serves(self, industries: Collection[str] | None) -> bool:
        """Applies to an enterprise of ``industries`` (None: any enterprise)."""
        if industries is None or not self.condition.industries:
            return True
        return bool(set(self.condition.industries) & set(industries))

    def as_reason(self, note: str = "") -> dict[str, Any]:
        condition = self.condition
        return {
            "key": condition.key,
            "pack": self.pack,
            "title": {"zh-hans": condition.title.zh_hans, "en": condition.title.en},
            "raises_to": condition.raises_to,
            "automatic": condition.applies is not None,
            "note": "" if condition.applies is not None else note,
        }


def with_platform_inputs(
    schema: dict[str, Any], declarable: list[RegisteredCondition]
) -> dict[str, Any]:
    """A risk method's schema (changed in place) with the platform's two inputs.

    ``direct_conditions`` lists the keys of the ``declarable`` conditions and
    ``direct_note`` explains them; a method's own definition of either adds to
    the platform's.
    """
    properties = schema.setdefault("properties", {})
    properties["direct_conditions"] = {
        "title": "直接判定条件 / Direct determination conditions",
        "type": "array",
        "items": {
            "enum": [c.condition.key for c in declarable],
            "x-enum-titles": [
                {"zh-hans": c.condition.title.zh_hans, "en": c.condition.title.en}
                for c in declarable
            ],
        },
        "uniqueItems": True,
        **properties.get("direct_conditions", {}),
    }
    properties["direct_note"] = {
        "title": "判定说明 / Explanation",
        "type": "string",
        "maxLength": DIRECT_NOTE_MAX_LENGTH,
        **properties.get("direct_note", {}),
    }
    return schema


def graded_level(
    value: Decimal,
    candidates: Iterable[tuple[str, LevelThresholds]],
) -> tuple[str, str, LevelThresholds]:
    """The highest level any of the ``(source, thresholds)`` pairs gives."""
    graded = [(level_for(value, t), source, t) for source, t in candidates]
    return max(graded, key=lambda item: risk_level_rank(item[0]))


def direct_determination(
    conditions: Iterable[RegisteredCondition],
    *,
    scored_level: str | None,
    scored: dict[str, Any],
    declared: Collection[str],
    note: str,
    industries: Collection[str] | None,
) -> tuple[str | None, list[dict[str, Any]]]:
    """Raise the level by every condition that holds; never lower it.

    ``scored`` is ``{"value", "level", "details"}`` of the scored result, what
    an automatic condition decides on.
    """
    level = scored_level
    reasons = []
    for registered in conditions:
        if not registered.serves(industries):
            continue
        condition = registered.condition
        if condition.applies is None:
            holds = condition.key in declared
        else:
            holds = bool(condition.applies(dict(scored)))
        if not holds:
            continue
        reasons.append(registered.as_reason(note))
        if risk_level_rank(condition.raises_to) > risk_level_rank(level):
            level = condition.raises_to
    return level, reasons
