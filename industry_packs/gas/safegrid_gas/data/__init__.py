"""The pack's content as plain data: risk library, checklists, criteria, monitoring, documents.

The same shape is used by all four bundled packs (chemicals, construction,
road_transport, gas), so the core can map every pack onto its hooks
(``safegrid_risk_library()``, ``safegrid_form_definitions()``, scoring rules,
documents, monitoring) the same way. Nothing here touches the database or
needs Django settings; ``content()`` returns everything as one dict and
``problems()`` checks it (``shape.problems``).

Conventions
-----------
* **Text** is ``{"zh_hans": "...", "en": "..."}`` (maps onto ``I18nText``);
  every label has both, Chinese first.
* **Keys** are stable slugs (``^[a-z][a-z0-9_]{1,63}$``) that never change when
  a label does. Risk points, risk events, control measures, operations and
  definitions are unique within the pack; sections and questions are unique
  within their definition (answers are keyed by the question key). The core
  namespaces them with the pack name.
* **Basis** is ``{"document": <key of SOURCES>, "clause": str | None}``; a
  clause is given only where the article or item number is known exactly.
  ``SOURCES`` (``sources.py``) names each document with its number, title,
  status and, for criteria, issue and effective dates.

Risk library (``risk_library.py``)
----------------------------------
``OPERATIONS``: the pack's main operations, ``{key, name, risk_points: [key]}``;
every risk point belongs to at least one and every operation has at least
one checklist.

``RISK_POINTS``: one dict per typical risk point (风险点 / risk analysis object)::

    {"key", "name": Text, "kind": equipment|facility|area|operation|activity,
     "description": Text,
     "hazard_factors": [{"code": GB/T 13861-2022 code, "text": Text}],
     "events": [{"key", "name": Text,
                 "accident_types": ["01".."20"],           # GB 6441-86
                 "assessment": {"method": "lec"|"ls",       # a suggestion
                                "inputs": {"L","E","C"} | {"L","S"}},
                 "direct_rules": [key of shape.DIRECT_RULES]}],   # hints only
     "measures": [{"key", "type": engineering|management|training|ppe|
                   emergency|monitoring|video|automatic, "text": Text}],
     "control_level": company|workshop|team|post,
     "inspection_period": {"every": int, "unit": hour|shift|day|week|month|
                           quarter|year}}

Assessment inputs take only values of the method tables (FACTS §1); the
suggested level (``shape.suggested_level``) uses the default bands and the
control level must suit it (``shape.CONTROL_LEVELS_FOR_RISK``). Every point
carries the five common measure types; monitoring, video and automatic
control are added where they apply.

Form and checklist definitions (``checklists.py``, ``major_hazard_criteria.py``)
--------------------------------------------------------------------------------
``CHECKLISTS`` (kind ``checklist``), ``FORMS`` (kind ``form``) and
``CRITERIA`` (the 重大事故隐患判定标准 as checklists) share one shape, close
to the StreamField blocks of the forms feature::

    {"key", "kind": "checklist"|"form", "industry": pack code,
     "title": Text, "description": Text, "operations": [operation key],
     "scoring": {"method": "deduction", "full_score": 100, "pass_mark": n}
              | {"method": "rule", "rule": scoring-rule key, ...}
              | {"method": "none"},
     "sections": [{"key", "title": Text, "items": [question],
                   "show_if"?: condition, ...}]}     # one section = one step

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
notified in writing). Checklists scored by a checklist rule (road transport,
gas) are turned into that rule's input by ``rule_input.rule_input``;
construction's JGJ 59 tables by ``checklists.jgj59_payload``. ``CRITERIA_EDITIONS`` lists the editions:
``{"key", "document", "title", "issued", "effective", "status":
current|repealed, "valid_until", "counts", "not_loaded"}``.

Monitoring (``monitoring.py``)
------------------------------
``MONITORED_PARAMETERS``: ``{"key", "risk_points": [key], "parameter": Text,
"unit", "sensor": Text, "thresholds": [{"level": Text, "op": ">="|"<="|">"|"<",
"value", "basis"?: Basis, "typical"?: True}], "note"?: Text}``. A threshold
either cites its basis or is marked typical (common practice).

Documents (``documents.py``)
----------------------------
``DOCUMENTS``: ``{"handbook" | "post_card" | "emergency_card": [{"key",
"title": Text, "contains": Text}]}``: the sections this industry adds to the
risk control handbook (风险管控手册), the post risk card (岗位风险告知卡) and
the emergency card (应急处置卡), after the core's common sections (FACTS §7).
``EMERGENCY_CARDS``: typical cards, ``{"key", "scenario": Text, "risk_points",
"signs": Text, "steps": [{"action": Text, "by": Text}], "notes": Text}``.
"""

from __future__ import annotations

from typing import Any

from . import shape
from .checklists import CHECKLISTS, FORMS
from .documents import DOCUMENTS, EMERGENCY_CARDS
from .major_hazard_criteria import CRITERIA, CRITERIA_EDITIONS
from .monitoring import MONITORED_PARAMETERS
from .risk_library import OPERATIONS, RISK_POINTS
from .sources import INDUSTRY, SOURCES

__all__ = [
    "CHECKLISTS",
    "CRITERIA",
    "CRITERIA_EDITIONS",
    "DOCUMENTS",
    "EMERGENCY_CARDS",
    "FORMS",
    "INDUSTRY",
    "MONITORED_PARAMETERS",
    "OPERATIONS",
    "RISK_POINTS",
    "SOURCES",
    "content",
    "problems",
]


def content() -> dict[str, Any]:
    """Everything this pack ships, as one plain dict."""
    return {
        "industry": INDUSTRY,
        "sources": SOURCES,
        "operations": OPERATIONS,
        "risk_points": RISK_POINTS,
        "checklists": CHECKLISTS,
        "forms": FORMS,
        "criteria": CRITERIA,
        "criteria_editions": CRITERIA_EDITIONS,
        "monitored_parameters": MONITORED_PARAMETERS,
        "documents": DOCUMENTS,
        "emergency_cards": EMERGENCY_CARDS,
    }


def problems() -> list[str]:
    """What is wrong with this pack's content, in plain words (empty when fine)."""
    return shape.problems(content())
