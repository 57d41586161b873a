"""Plain, typed data that plugins return from hooks.

Hooks never touch the database: they return these objects and the core syncs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from plugins.reference.gb6441 import ACCIDENT_TYPES
from plugins.texts import I18nText
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
)
from plugins.vocabularies import risk_level_rank as risk_level_rank  # re-exported

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True)
class IndustryContribution:
    """An industry (行业) a pack brings: a stable code and its names."""

    code: str
    name: I18nText
    description: I18nText | None = None

    def problems(self) -> list[str]:
        """What is wrong with this contribution, in plain words (empty when fine)."""
        found = []
        if not CODE_PATTERN.match(self.code or ""):
            found.append(
                f"industry code {self.code!r} must be 2-40 lowercase letters, "
                "digits or underscores, starting with a letter"
            )
        if not (self.name and self.name.zh_hans.strip() and self.name.en.strip()):
            found.append(f"industry {self.code!r} needs a Chinese and an English name")
        return found


@dataclass(frozen=True)
class PortalMenuItem:
    """An entry in the enterprise portal's navigation.

    ``url_name`` is a Django URL name; ``roles`` limits the entry to some
    enterprise roles (empty means every enterprise user).
    """

    key: str
    label: I18nText | str
    url_name: str
    icon: str = "dot"
    order: int = 100
    roles: tuple[str, ...] = field(default_factory=tuple)


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
        found = []
        if not CODE_PATTERN.match(self.key or ""):
            found.append(
                f"scoring rule key {self.key!r} must be 2-40 lowercase letters, "
                "digits or underscores, starting with a letter"
            )
        if not (self.title and self.title.zh_hans.strip() and self.title.en.strip()):
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
        if not (self.title and self.title.zh_hans.strip() and self.title.en.strip()):
            found.append(
                f"direct-determination condition {self.key!r} needs a Chinese "
                "and English title"
            )
        return found


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


# -- forms and checklists -------------------------------------------------------

FORM_KINDS: tuple[str, ...] = ("checklist", "form")
#: Who may fill a form for an enterprise (``core.forms.models.Fillers``).
FORM_FILLERS: tuple[str, ...] = ("manager", "assigned_staff", "members")
#: How often a pack's standing form is due (``FormDefinitionContribution.due``).
FORM_DUE: tuple[str, ...] = ("daily", "weekly", "monthly", "quarterly", "yearly")


@dataclass(frozen=True)
class FormDefinitionContribution:
    """A checklist or data-collection form a pack provides.

    ``blocks`` is StreamField data, ``[{"type": ..., "value": {...}}]``, of the
    block types documented in docs/forms-engine.md (the same format as the
    JSON export). ``version`` is the pack's own version string of this
    definition: the core rewrites the pack original and publishes a new form
    version when it changes; a department's copy is never touched.
    ``industry`` is an industry code (``None``: for every industry).
    ``scoring`` may hold ``rule`` (``none``, ``sum``, ``weighted`` or the key of
    a ``checklist`` scoring rule), ``pass_mark`` and ``fail_if_section_zeroed``.
    ``public_fields`` makes the form a public notice: the latest submission of
    each enterprise to the pack original is shown on the enterprise's public
    notice page, with the answers to these question keys only.
    ``fillers`` says who fills it for an enterprise: ``"manager"`` (the
    principal or safety manager, the default), ``"assigned_staff"`` (staff
    assigned to it by a task, and the manager) or ``"members"`` (anyone of the
    enterprise). A department may change it on its copy.
    ``due`` makes it a standing duty of every enterprise of ``industry``,
    due each period (``"daily"``, ``"weekly"``, ``"monthly"``,
    ``"quarterly"``, ``"yearly"``) without waiting for a department to assign
    it: the core keeps one standing assignment of the pack original for the
    industry. Empty (the default): enterprises fill it once a department
    assigns it.

    ``risk_points`` (checklists) are keys of the same pack's
    ``safegrid_risk_library()`` entries this checklist inspects: a risk point
    an enterprise copied from such an entry is inspected with it (the
    inspection tasks), instead of a checklist generated from its measures.
    """

    key: str
    title: I18nText
    kind: str
    industry: str | None
    blocks: list[dict[str, Any]]
    version: str
    scoring: dict[str, Any] = field(default_factory=dict)
    public_fields: tuple[str, ...] = ()
    fillers: str = "manager"
    due: str = ""
    risk_points: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        """What is wrong on the surface (the blocks are checked by the core)."""
        found = []
        label = f"form definition {self.key!r}"
        if not re.match(r"^[a-z][a-z0-9_]{1,59}$", self.key or ""):
            found.append(
                f"{label}: key must be 2-60 lowercase letters, digits or "
                "underscores, starting with a letter"
            )
        if not (self.title and self.title.zh_hans.strip() and self.title.en.strip()):
            found.append(f"{label} needs a Chinese and an English title")
        if self.kind not in FORM_KINDS:
            found.append(f"{label}: kind must be one of {', '.join(FORM_KINDS)}")
        if self.industry is not None and not CODE_PATTERN.match(self.industry):
            found.append(f"{label}: industry code {self.industry!r} is invalid")
        if not str(self.version or "").strip():
            found.append(f"{label} needs a version string")
        if not isinstance(self.blocks, list | tuple) or not all(
            isinstance(b, dict) and "type" in b and "value" in b for b in self.blocks
        ):
            found.append(f"{label}: blocks must be a list of {{'type', 'value'}}")
        if not isinstance(self.scoring, dict):
            found.append(f"{label}: scoring must be a dict")
        if self.fillers not in FORM_FILLERS:
            found.append(f"{label}: fillers must be one of {', '.join(FORM_FILLERS)}")
        if self.due and self.due not in FORM_DUE:
            found.append(f"{label}: due must be one of {', '.join(FORM_DUE)}")
        if self.due and not self.industry:
            found.append(f"{label}: a form due without assignment needs an industry")
        if isinstance(self.blocks, list | tuple) and self.public_fields:
            keys = set(_block_keys(self.blocks))
            found.extend(
                f"{label}: public field {key!r} is not a question of the form"
                for key in self.public_fields
                if key not in keys
            )
        return found


def _block_keys(blocks: Any) -> Iterator[str]:
    """Every ``key`` of stream data, sections and group fields included."""
    for block in blocks or ():
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, dict):
            if value.get("key"):
                yield value["key"]
            yield from _block_keys(value.get("questions"))
            yield from _block_keys(value.get("fields"))


# -- monitoring and documents ----------------------------------------------------

THRESHOLD_OPERATORS: tuple[str, ...] = (">=", ">", "<=", "<")
DOCUMENT_KINDS: tuple[str, ...] = ("handbook", "post_card", "emergency_card")


def _has_both(text: I18nText | None) -> bool:
    return bool(isinstance(text, I18nText) and text.zh_hans.strip() and text.en.strip())


@dataclass(frozen=True)
class MonitoringThreshold:
    """One alarm threshold of a monitored parameter: ``value operator`` raises it.

    ``basis`` cites the standard that sets the value; ``typical`` marks a
    common default the enterprise replaces with its design value (one of the
    two is given).
    """

    level: I18nText
    operator: str
    value: float
    basis: str = ""
    typical: bool = False


@dataclass(frozen=True)
class MonitoringParameter:
    """A typical monitored parameter of major risk points (for the monitoring feature).

    ``risk_points`` are keys of the same pack's ``safegrid_risk_library()``
    entries the parameter is typically measured on; ``sensor`` names the
    usual sensor type; ``basis`` the documents its thresholds come from.
    """

    key: str
    industry: str
    name: I18nText
    unit: str
    sensor: I18nText
    risk_points: tuple[str, ...]
    thresholds: tuple[MonitoringThreshold, ...] = ()
    basis: tuple[str, ...] = ()
    note: I18nText | None = None

    def problems(self) -> list[str]:
        found = []
        label = f"monitored parameter {self.key!r}"
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"{label}: key is invalid")
        if not CODE_PATTERN.match(self.industry or ""):
            found.append(f"{label}: industry code {self.industry!r} is invalid")
        if not (_has_both(self.name) and _has_both(self.sensor)):
            found.append(f"{label} needs a name and a sensor type in both languages")
        if not str(self.unit or "").strip():
            found.append(f"{label} has no unit")
        if not self.risk_points:
            found.append(f"{label} applies to no risk point")
        for threshold in self.thresholds:
            if threshold.operator not in THRESHOLD_OPERATORS:
                found.append(
                    f"{label}: threshold operator {threshold.operator!r} is not "
                    f"one of {' '.join(THRESHOLD_OPERATORS)}"
                )
            if isinstance(threshold.value, bool) or not isinstance(
                threshold.value, int | float
            ):
                found.append(
                    f"{label}: threshold value {threshold.value!r} is no number"
                )
            if not (threshold.basis or threshold.typical):
                found.append(f"{label}: a threshold needs a basis or the typical mark")
        return found


@dataclass(frozen=True)
class DocumentSection:
    """A section an industry adds to a document the platform generates.

    ``document`` is one of ``DOCUMENT_KINDS``: the risk control handbook
    (风险管控手册), the post risk card (岗位风险告知卡) or the emergency card
    (应急处置卡). ``contents`` says what the section holds; ``order`` places
    it after the core's common sections (smaller first). ``key`` is unique
    per document within the pack.
    """

    document: str
    key: str
    industry: str
    title: I18nText
    contents: I18nText
    order: int = 100

    def problems(self) -> list[str]:
        found = []
        label = f"document section {self.document}/{self.key}"
        if self.document not in DOCUMENT_KINDS:
            found.append(
                f"{label}: document must be one of {', '.join(DOCUMENT_KINDS)}"
            )
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"{label}: key is invalid")
        if not CODE_PATTERN.match(self.industry or ""):
            found.append(f"{label}: industry code {self.industry!r} is invalid")
        if not (_has_both(self.title) and _has_both(self.contents)):
            found.append(f"{label} needs a title and contents in both languages")
        if isinstance(self.order, bool) or not isinstance(self.order, int):
            found.append(f"{label}: order must be a whole number")
        return found


# -- inspection schedules ---------------------------------------------------------

# Who carries out a scheduled check. The first six are the tiers of a
# hazardous-chemical enterprise's investigation (应急〔2019〕78号); the
# ``baobao_*`` roles are the three persons accountable for one major hazard
# source (包保责任人: 主要负责人, 技术负责人, 操作负责人).
SCHEDULE_ROLES: tuple[str, ...] = (
    "operator",
    "technical",
    "workshop",
    "plant",
    "base_unit",
    "company",
    "baobao_main",
    "baobao_technical",
    "baobao_operational",
)
# What kind of check it is: how a hazard it finds was found.
CHECK_KINDS: tuple[str, ...] = (
    "routine",
    "comprehensive",
    "specialist",
    "seasonal",
    "holiday",
    "similar_accident",
    "targeted",
)
# Occasions that call for a check, whatever the period.
SCHEDULE_TRIGGERS: tuple[str, ...] = (
    "before_holiday",
    "before_major_event",
    "key_period",
    "similar_accident",
)
# Which part of an enterprise a schedule covers: all of it, the units of
# 两重点一重大 (key-supervised processes, key-supervised chemicals, major
# hazard sources), or the major hazard sources alone.
SCHEDULE_SCOPES: tuple[str, ...] = ("all", "key_units", "major_hazard_sources")


@dataclass(frozen=True)
class InspectionSchedule:
    """A check a standard requires at a frequency or on an occasion.

    ``every`` is the longest interval (``None``: no fixed frequency);
    ``triggers`` the occasions (``SCHEDULE_TRIGGERS``) that call for the check
    besides, or instead of, the period. A schedule with neither is a duty
    without a frequency (the 包保 主要负责人's supervision). ``who`` is one
    of ``SCHEDULE_ROLES``, ``check_kind`` one of ``CHECK_KINDS``,
    ``applies_to`` one of ``SCHEDULE_SCOPES``; ``basis`` cites the document
    that sets it. ``key`` is unique within the plugin.
    """

    key: str
    industry: str
    title: I18nText
    who: str
    check_kind: str
    basis: str
    every: InspectionPeriod | None = None
    triggers: tuple[str, ...] = ()
    applies_to: str = "all"
    description: I18nText | None = None

    def problems(self) -> list[str]:
        found = []
        label = f"inspection schedule {self.key!r}"
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"{label}: key is invalid")
        if not CODE_PATTERN.match(self.industry or ""):
            found.append(f"{label}: industry code {self.industry!r} is invalid")
        if not _has_both(self.title):
            found.append(f"{label} needs a title in both languages")
        if self.description is not None and not _has_both(self.description):
            found.append(f"{label}: the description needs both languages")
        for name, value, allowed in (
            ("who", self.who, SCHEDULE_ROLES),
            ("check kind", self.check_kind, CHECK_KINDS),
            ("scope", self.applies_to, SCHEDULE_SCOPES),
        ):
            if value not in allowed:
                found.append(
                    f"{label}: {name} {value!r} is not one of {', '.join(allowed)}"
                )
        found.extend(
            f"{label}: unknown trigger {t!r}"
            for t in self.triggers
            if t not in SCHEDULE_TRIGGERS
        )
        if self.every is not None:
            found.extend(f"{label}: {p}" for p in self.every.problems())
        if not str(self.basis or "").strip():
            found.append(f"{label} cites no basis")
        return found


@dataclass(frozen=True)
class ScheduledJob:
    """A periodic job a plugin adds to the platform's one schedule.

    ``name`` is unique across the schedule (prefix it with the plugin's
    code, e.g. ``chemicals.sensor_digest``); ``task`` the import path of a job
    defined with ``core.jobs.job``; ``every`` ``"hour"``, ``"day"``,
    ``"week"``, ``"month"`` or a number of seconds (at least 60); ``at``
    (``HH:MM``, local time) the start of a day, week or month; ``kwargs``
    JSON-serialisable keyword arguments. The job must be idempotent. The
    deployment's ``SAFEGRID_SCHEDULE`` overrides an entry of the same name,
    or switches it off with ``None``; ``safegrid.E023`` refuses a malformed
    one (core/jobs/schedule.py checks it).
    """

    name: str
    task: str
    every: str | int
    at: str | None = None
    kwargs: dict[str, Any] | None = None
