"""The risk library: entries a pack offers for enterprises to copy, with
their factors, events, measures, suggested assessments and inspection periods."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plugins.contributions.common import CODE_PATTERN
from plugins.reference.gb6441 import ACCIDENT_TYPES
from plugins.texts import I18nText
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_POINT_KINDS,
)


@dataclass(frozen=True)
class RiskLibraryMeasure:
    """A typical control measure: its kind (a key of ``MEASURE_TYPES``) and text."""

    kind: str
    text: I18nText


@dataclass(frozen=True)
class RiskLibraryFactor:
    """A hazard factor: its GB/T 13861 code and, optionally, what it is here.

    Two events of one entry that name an equal factor (same code and text)
    share one factor in the enterprise's copy; the platform's editors link
    events to factors by code, so one entry gives each code one text.
    """

    code: str
    text: I18nText | None = None


@dataclass(frozen=True)
class SuggestedAssessment:
    """A pack's suggested assessment of a library event: a method and its inputs.

    A suggestion, not a record: the copy offers it pre-filled and the
    enterprise confirms or changes it when it assesses its own event.
    """

    method: str
    inputs: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class InspectionPeriod:
    """How often something is checked: ``times`` in every ``every`` ``unit``.

    ``unit`` is one of ``INSPECTION_UNITS`` (``shift``: a working shift);
    "at least twice a day" is ``InspectionPeriod(1, "day", times=2)``.
    """

    every: int
    unit: str
    times: int = 1

    def problems(self) -> list[str]:
        found = []
        if isinstance(self.every, bool) or not isinstance(self.every, int):
            found.append(f"period every={self.every!r} is not a whole number")
        elif self.every < 1:
            found.append(f"period every={self.every} is below 1")
        if self.unit not in INSPECTION_UNITS:
            found.append(
                f"period unit {self.unit!r} is not one of {', '.join(INSPECTION_UNITS)}"
            )
        if isinstance(self.times, bool) or not isinstance(self.times, int):
            found.append(f"period times={self.times!r} is not a whole number")
        elif self.times < 1:
            found.append(f"period times={self.times} is below 1")
        return found


# Units of an inspection period, shortest first (``plugins.vocabularies``).
INSPECTION_UNITS: tuple[str, ...] = PERIOD_UNITS.keys()


@dataclass(frozen=True)
class RiskLibraryEvent:
    """A typical risk event of a library risk point.

    ``accident_types`` are GB 6441 codes (``"08"`` = 火灾). ``hazard_factors``
    are the factors that cause this event (``RiskLibraryFactor``, or bare
    GB/T 13861 codes); ``measures`` control this event only.
    ``suggested_assessment`` is the pack's suggestion for a typical site and
    ``direct_conditions`` the keys of direct-determination conditions worth
    checking for it: hints, never ticked for the enterprise.
    """

    name: I18nText
    accident_types: tuple[str, ...]
    hazard_factors: tuple[RiskLibraryFactor, ...] = ()
    consequence: I18nText | None = None
    measures: tuple[RiskLibraryMeasure, ...] = ()
    suggested_assessment: SuggestedAssessment | None = None
    direct_conditions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A bare code is a factor without a text (the simple way to write one).
        factors = tuple(
            RiskLibraryFactor(code=f) if isinstance(f, str) else f
            for f in self.hazard_factors
        )
        object.__setattr__(self, "hazard_factors", factors)


@dataclass(frozen=True)
class RiskLibraryEntry:
    """A typical risk point of an industry, copied into an enterprise to adapt.

    ``key`` is unique within the pack; ``industry`` is the industry code it
    serves; ``kind`` a key of ``RISK_POINT_KINDS``; ``control_level`` a key of
    ``CONTROL_LEVELS`` or empty (``plugins.vocabularies``); ``inspection_period``
    how often the point is typically inspected.
    """

    key: str
    industry: str
    name: I18nText
    kind: str
    events: tuple[RiskLibraryEvent, ...] = ()
    description: I18nText | None = None
    control_level: str = ""
    inspection_period: InspectionPeriod | None = None

    def factors(self) -> tuple[RiskLibraryFactor, ...]:
        """The entry's distinct hazard factors, in the order events name them."""
        return tuple(
            dict.fromkeys(f for event in self.events for f in event.hazard_factors)
        )

    def problems(self) -> list[str]:
        found = []
        label = f"risk library entry {self.key!r}"
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"{label}: key is invalid")
        if self.kind not in RISK_POINT_KINDS:
            found.append(f"{label}: unknown kind {self.kind!r}")
        if self.control_level and self.control_level not in CONTROL_LEVELS:
            found.append(f"{label}: unknown control level {self.control_level!r}")
        if self.inspection_period is not None:
            found.extend(
                f"{label}: inspection {p}" for p in self.inspection_period.problems()
            )
        if not self.events:
            found.append(f"{label} has no risk events")
        codes: dict[str, RiskLibraryFactor] = {}
        for factor in self.factors():
            if codes.setdefault(factor.code, factor) != factor:
                found.append(
                    f"{label}: two hazard factors share the code {factor.code!r} "
                    "(events are linked to factors by code)"
                )
        for event in self.events:
            found.extend(_event_problems(label, event))
        return found


def _event_problems(label: str, event: RiskLibraryEvent) -> list[str]:
    found = []
    where = f"{label}: event {event.name.en!r}"
    if not event.accident_types:
        found.append(f"{where} has no accident type")
    found.extend(
        f"{where} has accident type {code!r}, not a GB 6441 code 01-20"
        for code in event.accident_types
        if code not in ACCIDENT_TYPES
    )
    found.extend(
        f"{label}: unknown measure kind {m.kind!r}"
        for m in event.measures
        if m.kind not in MEASURE_TYPES
    )
    found.extend(
        f"{where}: hazard factor {f!r} is not a RiskLibraryFactor"
        for f in event.hazard_factors
        if not isinstance(f, RiskLibraryFactor)
    )
    suggestion = event.suggested_assessment
    if suggestion is not None and not (
        isinstance(suggestion, SuggestedAssessment)
        and CODE_PATTERN.match(suggestion.method or "")
        and isinstance(suggestion.inputs, dict)
    ):
        found.append(f"{where}: the suggested assessment needs a method and inputs")
    found.extend(
        f"{where}: direct-determination condition key {key!r} is invalid"
        for key in event.direct_conditions
        if not CODE_PATTERN.match(key or "")
    )
    return found
