"""Plain, typed data that plugins return from hooks.

Hooks never touch the database: they return these objects and the core syncs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True)
class I18nText:
    """A text a plugin ships in both of the platform's languages."""

    zh_hans: str
    en: str

    def __str__(self) -> str:
        language = (get_language() or "zh-hans").lower()
        return self.en if language.startswith("en") else self.zh_hans


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

# The four risk levels, highest first (重大 / 较大 / 一般 / 低).
RISK_LEVELS: tuple[str, ...] = ("major", "significant", "general", "low")
RISK_LEVEL_COLOURS: dict[str, str] = {
    "major": "red",
    "significant": "orange",
    "general": "yellow",
    "low": "blue",
}
# Kinds of risk point, control measure and control level, as stored keys.
RISK_POINT_KINDS: tuple[str, ...] = (
    "equipment",
    "facility",
    "area",
    "operation",
    "activity",
)
MEASURE_KINDS: tuple[str, ...] = (
    "management",
    "engineering",
    "monitoring",
    "video",
    "automation",
    "emergency",
    "training",
    "ppe",
)
CONTROL_LEVELS: tuple[str, ...] = ("company", "workshop", "team", "post")
# GB 6441-86 accident types are coded 01 to 20.
ACCIDENT_TYPE_CODES: tuple[str, ...] = tuple(f"{n:02d}" for n in range(1, 21))


def risk_level_rank(level: str | None) -> int:
    """4 for major down to 1 for low; 0 for no level. Higher is more severe."""
    if level not in RISK_LEVELS:
        return 0
    return len(RISK_LEVELS) - RISK_LEVELS.index(level)


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


@dataclass(frozen=True)
class ScoringRule:
    """A scoring rule (评价方法 or pack rule): inputs → result.

    ``input_schema`` is a JSON Schema (draft 2020-12) of the inputs; the core
    validates inputs against it before ``evaluate`` is called, so ``evaluate``
    may trust its input. ``kind`` is ``"risk"`` for a method that grades a risk
    event: its ``evaluate`` returns ``{"value": number, "details": {...}}`` and
    the core maps the value to a level with the configured thresholds (whose
    defaults are ``default_thresholds``); a risk rule without thresholds returns
    ``"level"`` itself. Rules of other kinds (``"major_hazard"``,
    ``"checklist"``...) return whatever result dict they document.
    ``value_range`` is the smallest and largest value the rule can produce; the
    thresholds a department configures must lie inside it.
    """

    key: str
    title: I18nText
    input_schema: dict[str, Any]
    evaluate: Callable[[dict[str, Any]], dict[str, Any]]
    kind: str = "risk"
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
    """A typical control measure: its kind (one of ``MEASURE_KINDS``) and text."""

    kind: str
    text: I18nText


@dataclass(frozen=True)
class RiskLibraryEvent:
    """A typical risk event of a library risk point.

    ``accident_types`` are GB 6441 codes (``"08"`` = 火灾); ``hazard_factors``
    GB/T 13861 codes.
    """

    name: I18nText
    accident_types: tuple[str, ...]
    hazard_factors: tuple[str, ...] = ()
    consequence: I18nText | None = None
    measures: tuple[RiskLibraryMeasure, ...] = ()


@dataclass(frozen=True)
class RiskLibraryEntry:
    """A typical risk point of an industry, copied into an enterprise to adapt.

    ``key`` is unique within the pack; ``industry`` is the industry code it
    serves; ``kind`` one of ``RISK_POINT_KINDS``; ``control_level`` one of
    ``CONTROL_LEVELS`` or empty.
    """

    key: str
    industry: str
    name: I18nText
    kind: str
    events: tuple[RiskLibraryEvent, ...] = ()
    description: I18nText | None = None
    control_level: str = ""

    def problems(self) -> list[str]:
        found = []
        label = f"risk library entry {self.key!r}"
        if not CODE_PATTERN.match(self.key or ""):
            found.append(f"{label}: key is invalid")
        if self.kind not in RISK_POINT_KINDS:
            found.append(f"{label}: unknown kind {self.kind!r}")
        if self.control_level and self.control_level not in CONTROL_LEVELS:
            found.append(f"{label}: unknown control level {self.control_level!r}")
        if not self.events:
            found.append(f"{label} has no risk events")
        for event in self.events:
            if not event.accident_types:
                found.append(f"{label}: event {event.name.en!r} has no accident type")
            found.extend(
                f"{label}: event {event.name.en!r} has accident type {code!r}, "
                "not a GB 6441 code 01-20"
                for code in event.accident_types
                if code not in ACCIDENT_TYPE_CODES
            )
            found.extend(
                f"{label}: unknown measure kind {m.kind!r}"
                for m in event.measures
                if m.kind not in MEASURE_KINDS
            )
        return found


# -- forms and checklists -------------------------------------------------------

FORM_KINDS: tuple[str, ...] = ("checklist", "form")
#: Who may fill a form for an enterprise (``core.forms.models.Fillers``).
FORM_FILLERS: tuple[str, ...] = ("manager", "assigned_staff", "members")


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
