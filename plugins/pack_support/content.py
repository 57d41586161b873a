"""The neutral content shape of an industry pack: vocabularies and constructors.

A pack keeps what it knows (risk library, checklists, major-accident-hazard
criteria, monitored parameters, document sections) as plain dicts in this
shape, in a ``data`` package whose modules define the names ``collect()``
reads. Nothing here touches the database: ``plugins.pack_support.validation``
checks the content and ``plugins.pack_support.adapters`` maps it onto the
hook dataclasses (``RiskLibraryEntry``, ``FormDefinitionContribution``,
``MonitoringParameter``, ``DocumentSection``). docs/packs.md is the guide.

Conventions
-----------
* **Text** is ``{"zh_hans": "...", "en": "..."}`` (maps onto ``I18nText``);
  every label has both, Chinese first.
* **Keys** are stable slugs (``^[a-z][a-z0-9_]{1,39}$``, the hooks' limit)
  that never change when a label does. Risk points, risk events, control
  measures, operations and definitions are unique within the pack; sections
  and questions are unique within their definition (answers are keyed by the
  question key). Risk library keys are the pack's own (the core pairs them
  with the pack name); definition keys are shared by every enabled pack, so
  start them with the pack's code.
* **Basis** is ``{"document": <key of SOURCES>, "clause": str | None}``; a
  clause is given only where the article or item number is known exactly.
  ``SOURCES`` names each document with its number, title,
  status and, for criteria, issue and effective dates.

Risk library (``RISK_POINTS``, ``OPERATIONS``)
----------------------------------------------
``OPERATIONS``: the pack's main operations, ``{key, name, risk_points: [key]}``;
every risk point belongs to at least one and every operation has at least
one checklist.

``RISK_POINTS``: one dict per typical risk point (风险点 / risk analysis object)::

    {"key", "name": Text, "kind": RISK_POINT_KINDS key,
     "description": Text,
     "hazard_factors": [{"code": GB/T 13861-2022 code, "text": Text,
                         "events": [event key]}],      # the events it causes
     "events": [{"key", "name": Text,
                 "accident_types": ["01".."20"],           # GB 6441-86
                 "assessment": {"method": "lec"|"ls",       # a suggestion
                                "inputs": {"L","E","C"} | {"L","S"}},
                 "direct_rules": [key of DIRECT_RULES],     # hints only
                 "measures": [{"key", "type": MEASURE_TYPES key,
                               "text": Text}]}],
     "control_level": CONTROL_LEVELS key,
     "inspection_period": {"every": int, "unit": PERIOD_UNITS key}}

The vocabularies (``RISK_POINT_KINDS``, ``MEASURE_TYPES``, ``CONTROL_LEVELS``,
``PERIOD_UNITS``, ``RISK_LEVELS``) are those of ``plugins.vocabularies``; the
codes those of ``plugins.reference`` (GB 6441, GB/T 13861, the method tables).

A control measure belongs to exactly one event: the one it controls. A
hazard factor names every event it causes (at least one), each event has at
least one factor and one measure, and the codes of a point's factors differ
(the platform's editors link events to factors by code). Assessment inputs
take only values of the method tables (FACTS §1); the suggested level
(``suggested_level``) uses the default bands and the control level must suit
it (``CONTROL_LEVELS_FOR_RISK``). Every point carries the five common measure
types among its events; monitoring, video and automatic control are added
where they apply. The adapters copy all of it into the library: the copy an
enterprise makes is exact.

Form and checklist definitions (``CHECKLISTS``, ``FORMS``, ``CRITERIA``)
-----------------------------------------------------------------------
``CHECKLISTS`` (kind ``checklist``), ``FORMS`` (kind ``form``) and
``CRITERIA`` (the 重大事故隐患判定标准 as checklists) share one shape, close
to the StreamField blocks of the forms feature::

    {"key", "kind": "checklist"|"form", "industry": pack code,
     "title": Text, "description": Text, "operations": [operation key],
     "scoring": {"method": "deduction", "full_score": 100, "pass_mark": n}
              | {"method": "rule", "rule": scoring-rule key, ...}
              | {"method": "none"},
     "sections": [{"key", "title": Text, "items": [question],
                   "show_if"?: condition,
                   "checks"?: [check], ...}]}        # one section = one step

A ``check`` is a rule across the section's earlier number answers, enforced
on every submission: ``{"left": "a + b", "comparison": "eq"|"ne"|"lt"|"le"|
"gt"|"ge", "right": "total" or a number, "message": Text}`` (the sides use
the calculated-value expressions of the forms engine).

A question is ``{"key", "type", "text": Text, "required": bool, "help"?: Text,
"show_if"?: {"question": earlier key, "equals": value}}`` plus, by type:

* ``check`` (compliant / non_compliant / not_applicable): ``basis`` [Basis],
  ``deduction`` (points lost when non-compliant, for deduction scoring),
  ``hazard_grade`` (general|major: the hazard a non-compliant answer opens),
  ``major_hazard`` (bool, true exactly when the grade is major),
  ``criterion`` (key of the criteria item it matches, or None),
  ``evidence`` ``{"on": "non_compliant", "require": [photo|note|file]}``,
  ``precondition``? (a condition that must also hold, see the gas pack);
* ``number``: ``unit``, ``min``, ``max``, ``warn_min``, ``warn_max``; in a
  checklist scored by a rule also ``maps_to`` (where the answer goes in the
  rule's input, e.g. ``{"rule": "jgj59", "table", "item"}``),
  ``allow_not_applicable`` (may be answered "not applicable", 缺项),
  ``full_score``, ``guarantee`` and ``evidence`` ``{"on": "above_zero", ...}``;
* ``single_choice`` / ``multiple_choice``: ``choices`` [{"value", "label"}];
* ``group``: ``repeatable`` true, ``questions``, ``min_items``, ``max_items``
  (one entry per storage tank, per vehicle, ...);
* ``text``, ``date``, ``photo``, ``file``, ``signature``, ``confirm``.

Criteria items are check items with ``article`` (int, or None where the source
does not give it) and ``item`` (int, or None for a whole-article criterion),
always ``hazard_grade`` major; ``catch_all`` marks a catch-all criterion (a
non-compliant answer must say what was found) and ``precondition``
``{"key", "question", "text"}`` a criterion that is major only when a further
answer (``question``) also says so (e.g. an urban-gas user-check finding not
notified in writing). A criterion whose two conditions the standard joins
with "且" (major only when both fail) is preceded by a question of its first
condition and shown (``show_if``) only when that one fails; a check that
answers the same criterion for another case names it in ``criterion``.
Checklists scored by a ``ChecklistMethod`` rule (road
transport, gas) are turned into that rule's input by
``plugins.pack_support.checklist_input.rule_input``; construction's JGJ 59
tables by its ``checklists.jgj59_payload``. ``CRITERIA_EDITIONS`` lists the
editions:
``{"key", "document", "title", "issued", "effective", "status":
current|repealed, "valid_until", "counts", "not_loaded"}``.

Monitoring (``MONITORED_PARAMETERS``)
-------------------------------------
``MONITORED_PARAMETERS``: ``{"key", "risk_points": [key], "parameter": Text,
"unit", "sensor": Text, "thresholds": [{"level": Text, "op": ">="|"<="|">"|"<",
"value", "basis"?: Basis, "typical"?: True}], "note"?: Text}``. A threshold
either cites its basis or is marked typical (common practice).

Inspection schedules (``SCHEDULES``)
------------------------------------
``SCHEDULES``: the checks the industry's standards require, ``{"key",
"title": Text, "who", "check_kind", "every": {"every", "unit", "times"?} |
None, "triggers": [...], "applies_to", "basis": Basis, "description"?:
Text}`` with the vocabularies of ``plugins.contributions.InspectionSchedule``.
Only frequencies a standard gives; an empty list otherwise.

Documents (``DOCUMENTS``, ``EMERGENCY_CARDS``)
----------------------------------------------
``DOCUMENTS``: ``{"handbook" | "post_card" | "emergency_card": [{"key",
"title": Text, "contains": Text}]}``: the sections this industry adds to the
risk control handbook (风险管控手册), the post risk card (岗位风险告知卡) and
the emergency card (应急处置卡), after the core's common sections (FACTS §7).
``EMERGENCY_CARDS``: typical cards, ``{"key", "scenario": Text, "risk_points",
"signs": Text, "steps": [{"action": Text, "by": Text}], "notes": Text}``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from plugins import vocabularies
from plugins.reference import gb6441, gb_t13861, risk_methods

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
# A choice's stored value, as the forms engine stores it.
OPTION_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CJK = re.compile(r"[\u3400-\u9fff]")


def text(zh_hans: str, en: str) -> dict[str, str]:
    """A label in both platform languages (maps onto ``I18nText(**text)``)."""
    return {"zh_hans": zh_hans, "en": en}


def is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"zh_hans", "en"}


# The vocabularies and reference dictionaries in the content's shape
# (``{key: text}``); their one definition is plugins.vocabularies and
# plugins.reference, which the core's choices and tables derive from too.
ACCIDENT_TYPES = gb6441.ACCIDENT_TYPES.texts()  # GB 6441-86, by code
# GB/T 13861-2022 codes this content may use: those checked against a
# published source (see plugins.reference.gb_t13861).
HAZARD_FACTOR_CODES = gb_t13861.HAZARD_FACTOR_CLASSES.texts()
RISK_POINT_KINDS = vocabularies.RISK_POINT_KINDS.texts()
CONTROL_MEASURE_TYPES = vocabularies.MEASURE_TYPES.texts()
REQUIRED_MEASURE_TYPES = vocabularies.COMMON_MEASURE_TYPES
CONTROL_LEVELS = vocabularies.CONTROL_LEVELS.texts()
RISK_LEVELS = vocabularies.RISK_LEVELS.texts()
CONTROL_LEVELS_FOR_RISK = vocabularies.CONTROL_LEVELS_FOR_RISK
PERIOD_UNITS = vocabularies.PERIOD_UNITS.keys()

# Method tables (FACTS §1.1 and §1.2): the only values an input may take.
LEC_VALUES = {
    "L": risk_methods.values(risk_methods.LEC_L),
    "E": risk_methods.values(risk_methods.EXPOSURE),
    "C": risk_methods.values(risk_methods.LEC_C),
}
LS_VALUES = {
    "L": risk_methods.values(risk_methods.LS_L),
    "S": risk_methods.values(risk_methods.LS_S),
}

# Direct determination (直接判定, FACTS §1.4): the platform's conditions that
# make a risk major whatever its score (plugins.reference.risk_methods). An
# event lists those worth checking, by key or by the older key this content
# first used; they are hints and do not change the suggested level.
DIRECT_RULES = {
    name: {"zh_hans": term.label.zh_hans, "en": term.label.en}
    for term in risk_methods.DIRECT_CONDITIONS
    for name in (term.key, *term.aliases)
}

# The content's question types (its own words: "check", "photo",
# "confirm") and the forms engine's question type each becomes, with the
# settings that type fixes; ``adapters`` builds the blocks from it and
# ``validation.problems`` checks each against the engine's registry
# (``core.forms.questions``), so the content names no type the engine lacks.
QUESTION_BLOCKS: dict[str, tuple[str, dict[str, Any]]] = {
    "check": ("check_item", {}),
    "single_choice": ("single_choice", {}),
    "multiple_choice": ("multiple_choice", {}),
    "number": ("number", {}),
    "text": ("text", {}),
    "date": ("date", {}),
    "photo": ("file_upload", {"accept": ["image"]}),
    "file": ("file_upload", {"accept": ["image", "pdf", "office"]}),
    "signature": ("signature", {"mode": "name"}),
    "confirm": ("signature", {"mode": "confirm"}),
    "group": ("group", {}),
}
QUESTION_TYPES = tuple(QUESTION_BLOCKS)
CHECK_ANSWERS = ("compliant", "non_compliant", "not_applicable")
HAZARD_GRADES = ("general", "major")
EVIDENCE_KINDS = ("photo", "note", "file")
DEFINITION_KINDS = ("checklist", "form")
SCORING_METHODS = ("deduction", "none", "rule")
YES_NO = [
    {"value": "yes", "label": text("是", "Yes")},
    {"value": "no", "label": text("否", "No")},
]


def lec_value(inputs: dict[str, float]) -> float:
    return inputs["L"] * inputs["E"] * inputs["C"]


def ls_value(inputs: dict[str, int]) -> int:
    return inputs["L"] * inputs["S"]


def suggested_level(assessment: dict[str, Any]) -> str:
    """The level of a suggested assessment under the platform's default bands.

    LEC: the classic bands (D > 320 major, > 160 significant, > 70 general);
    LS: scheme A (R ≥ 20 major, ≥ 15 significant, ≥ 9 general). Departments
    may change the bands; suggestions avoid the disputed boundaries.
    """
    if assessment["method"] == "lec":
        value = lec_value(assessment["inputs"])
        bands = ((320, "major"), (160, "significant"), (70, "general"))
        return next((level for floor, level in bands if value > floor), "low")
    value = ls_value(assessment["inputs"])
    bands = ((20, "major"), (15, "significant"), (9, "general"))
    return next((level for floor, level in bands if value >= floor), "low")


def point_level(point: dict[str, Any]) -> str:
    """A risk point's suggested level: the highest of its events."""
    order = list(RISK_LEVELS)
    levels = [suggested_level(e["assessment"]) for e in point["events"]]
    return min(levels, key=order.index)


# -- small constructors: they only spell out the plain dicts -----------------


def ref(document: str, clause: str | None = None) -> dict[str, Any]:
    """A basis: a document of ``SOURCES`` and, where known exactly, a clause."""
    return {"document": document, "clause": clause}


def factor(
    code: str, zh_hans: str, en: str, *, events: Iterable[str]
) -> dict[str, Any]:
    """A hazard factor of a risk point and the keys of the events it causes."""
    return {"code": code, "text": text(zh_hans, en), "events": list(events)}


def event(
    key: str,
    zh_hans: str,
    en: str,
    accident_types: Iterable[str],
    method: str,
    inputs: dict[str, float],
    direct_rules: Iterable[str] = (),
    *,
    measures: Iterable[dict[str, Any]],
) -> dict[str, Any]:
    """A risk event with its suggested assessment and the measures that
    control it (each measure belongs to this event only)."""
    return {
        "key": key,
        "name": text(zh_hans, en),
        "accident_types": list(accident_types),
        "assessment": {"method": method, "inputs": dict(inputs)},
        "direct_rules": list(direct_rules),
        "measures": list(measures),
    }


def point_measures(point: dict[str, Any]) -> list[dict[str, Any]]:
    """Every control measure of a risk point, event by event."""
    return [m for ev in point["events"] for m in ev["measures"]]


def lec(L: float, E: float, C: float) -> tuple[str, dict[str, float]]:
    return "lec", {"L": L, "E": E, "C": C}


def ls(L: int, S: int) -> tuple[str, dict[str, int]]:
    return "ls", {"L": L, "S": S}


def measure(key: str, kind: str, zh_hans: str, en: str) -> dict[str, Any]:
    return {"key": key, "type": kind, "text": text(zh_hans, en)}


def every(count: int, unit: str, times: int = 1) -> dict[str, Any]:
    """A period: ``times`` in every ``count`` ``unit`` (``PERIOD_UNITS``)."""
    period = {"every": count, "unit": unit}
    if times != 1:
        period["times"] = times
    return period


def schedule(
    key: str,
    zh_hans: str,
    en: str,
    *,
    who: str,
    check_kind: str,
    basis: dict[str, Any],
    every: dict[str, Any] | None = None,
    triggers: Iterable[str] = (),
    applies_to: str = "all",
    description: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A check a standard requires (see ``SCHEDULES`` above)."""
    item = {
        "key": key,
        "title": text(zh_hans, en),
        "who": who,
        "check_kind": check_kind,
        "every": every,
        "triggers": list(triggers),
        "applies_to": applies_to,
        "basis": basis,
    }
    if description:
        item["description"] = description
    return item


def check(
    key: str,
    zh_hans: str,
    en: str,
    *,
    basis: Iterable[dict[str, Any]],
    deduction: float | None = None,
    grade: str = "general",
    criterion: str | None = None,
    evidence: Iterable[str] = ("photo", "note"),
    show_if: dict[str, Any] | None = None,
    help_text: dict[str, str] | None = None,
    precondition: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A check item answered compliant / non-compliant / not applicable.

    ``grade`` is the hazard a non-compliant answer opens; ``major_hazard`` is
    spelled out beside it so a reader of the data never has to derive it.
    """
    item = {
        "key": key,
        "type": "check",
        "text": text(zh_hans, en),
        "required": True,
        "basis": list(basis),
        "deduction": deduction,
        "major_hazard": grade == "major",
        "hazard_grade": grade,
        "criterion": criterion,
        "evidence": {"on": "non_compliant", "require": list(evidence)},
    }
    if show_if:
        item["show_if"] = show_if
    if help_text:
        item["help"] = help_text
    if precondition:
        item["precondition"] = precondition
    return item


def question(
    key: str, kind: str, zh_hans: str, en: str, **options: Any
) -> dict[str, Any]:
    """Any non-check question: number (unit, min, max, warn_min, warn_max),
    single/multiple choice (choices), text, date, photo, file, signature,
    confirm, or a repeatable group (questions, min_items, max_items)."""
    item = {"key": key, "type": kind, "text": text(zh_hans, en), "required": True}
    item.update(options)
    return item


def show_if(question_key: str, value: Any) -> dict[str, Any]:
    """Show a question or section only when an earlier answer equals ``value``
    (for a multiple choice: contains it)."""
    return {"question": question_key, "equals": value}


def section(
    key: str, zh_hans: str, en: str, items: list[dict[str, Any]], **options: Any
) -> dict[str, Any]:
    """A group of questions; each section is one step of the guided form."""
    result = {"key": key, "title": text(zh_hans, en), "items": items}
    result.update(options)
    return result


def doc_section(key: str, zh_hans: str, en: str, contains_zh: str, contains_en: str):
    return {
        "key": key,
        "title": text(zh_hans, en),
        "contains": text(contains_zh, contains_en),
    }


# The names a pack's ``data`` package defines, and the content key of each.
CONTENT_NAMES = {
    "industry": "INDUSTRY",
    "sources": "SOURCES",
    "operations": "OPERATIONS",
    "risk_points": "RISK_POINTS",
    "checklists": "CHECKLISTS",
    "forms": "FORMS",
    "criteria": "CRITERIA",
    "criteria_editions": "CRITERIA_EDITIONS",
    "monitored_parameters": "MONITORED_PARAMETERS",
    "documents": "DOCUMENTS",
    "emergency_cards": "EMERGENCY_CARDS",
    "schedules": "SCHEDULES",
}


def collect(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """A pack's whole content as one dict, from the names its ``data`` defines.

    ``namespace`` is the ``data`` package's ``globals()`` (it imports
    ``INDUSTRY``, ``RISK_POINTS``... from its modules); a name it lacks is a
    ``KeyError`` naming it, so a half-written pack fails loudly.
    """
    missing = [name for name in CONTENT_NAMES.values() if name not in namespace]
    if missing:
        raise KeyError(f"the pack's data package lacks {', '.join(missing)}")
    return {key: namespace[name] for key, name in CONTENT_NAMES.items()}


# -- walking the content ------------------------------------------------------


def iter_questions(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every question, including those nested in repeatable groups."""
    for item in items:
        yield item
        if item.get("type") == "group":
            yield from iter_questions(item.get("questions", []))


def iter_texts(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    if is_text(value):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from iter_texts(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from iter_texts(child, f"{path}[{index}]")


def duplicates(keys: Iterable[str]) -> list[str]:
    return sorted(key for key, count in Counter(keys).items() if count > 1)
