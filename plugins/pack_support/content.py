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

    {"key", "name": Text, "kind": equipment|facility|area|operation|activity,
     "description": Text,
     "hazard_factors": [{"code": GB/T 13861-2022 code, "text": Text,
                         "events": [event key]}],      # the events it causes
     "events": [{"key", "name": Text,
                 "accident_types": ["01".."20"],           # GB 6441-86
                 "assessment": {"method": "lec"|"ls",       # a suggestion
                                "inputs": {"L","E","C"} | {"L","S"}},
                 "direct_rules": [key of DIRECT_RULES],     # hints only
                 "measures": [{"key", "type": engineering|management|
                               training|ppe|emergency|monitoring|video|
                               automation, "text": Text}]}],
     "control_level": company|workshop|team|post,
     "inspection_period": {"every": int, "unit": hour|shift|day|week|month|
                           quarter|year}}

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

from plugins.contributions import INSPECTION_UNITS
from plugins.default_scoring import CONDITIONS as DIRECT_CONDITIONS

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
# A choice's stored value, as the forms engine stores it.
OPTION_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CJK = re.compile(r"[\u3400-\u9fff]")


def text(zh_hans: str, en: str) -> dict[str, str]:
    """A label in both platform languages (maps onto ``I18nText(**text)``)."""
    return {"zh_hans": zh_hans, "en": en}


def is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"zh_hans", "en"}


# GB 6441-86 《企业职工伤亡事故分类》: the 20 accident types, by code.
ACCIDENT_TYPES = {
    "01": text("物体打击", "Struck by object"),
    "02": text("车辆伤害", "Vehicle injury"),
    "03": text("机械伤害", "Machinery injury"),
    "04": text("起重伤害", "Lifting injury"),
    "05": text("触电", "Electric shock"),
    "06": text("淹溺", "Drowning"),
    "07": text("灼烫", "Burns and scalds"),
    "08": text("火灾", "Fire"),
    "09": text("高处坠落", "Fall from height"),
    "10": text("坍塌", "Collapse"),
    "11": text("冒顶片帮", "Roof or side fall"),
    "12": text("透水", "Water inrush"),
    "13": text("放炮", "Blasting"),
    "14": text("火药爆炸", "Explosive detonation"),
    "15": text("瓦斯爆炸", "Firedamp explosion"),
    "16": text("锅炉爆炸", "Boiler explosion"),
    "17": text("容器爆炸", "Pressure vessel explosion"),
    "18": text("其他爆炸", "Other explosion"),
    "19": text("中毒和窒息", "Poisoning and asphyxiation"),
    "20": text("其他伤害", "Other injury"),
}

# GB/T 13861-2022 codes this content may use. Only the codes checked against a
# published source (group 1 down to six digits, 2101 and 210101-210105) plus
# the top and second levels; the deeper codes of groups 21-49 changed in 2022
# and are loaded only from the official code table (FACTS-2 §5 build note).
HAZARD_FACTOR_CODES = {
    "1": text("人的因素", "Human factors"),
    "11": text("心理、生理性危险和有害因素", "Psychological and physiological"),
    "1101": text("负荷超限", "Overload"),
    "110101": text("体力负荷超限", "Physical overload"),
    "110102": text("听力负荷超限", "Hearing overload"),
    "110103": text("视力负荷超限", "Visual overload"),
    "1102": text("健康状况异常", "Abnormal health"),
    "1103": text("从事禁忌作业", "Work the person is unfit for"),
    "1104": text("心理异常", "Psychological abnormality"),
    "110401": text("情绪异常", "Emotional abnormality"),
    "110402": text("冒险心理", "Risk-taking"),
    "110403": text("过度紧张", "Over-tension"),
    "110499": text("其他心理异常", "Other psychological abnormality"),
    "1105": text("辨识功能缺陷", "Defective perception"),
    "110501": text("感知延迟", "Delayed perception"),
    "110502": text("辨识错误", "Misidentification"),
    "110599": text("其他辨识功能缺陷", "Other perception defects"),
    "1199": text("其他心理、生理性危险和有害因素", "Other psychological factors"),
    "12": text("行为性危险和有害因素", "Behavioural"),
    "1201": text("指挥错误", "Wrong command"),
    "120101": text("指挥失误", "Command mistake"),
    "120102": text("违章指挥", "Command against the rules"),
    "120199": text("其他指挥错误", "Other wrong command"),
    "1202": text("操作错误", "Wrong operation"),
    "120201": text("误操作", "Operating error"),
    "120202": text("违章作业", "Working against the rules"),
    "120299": text("其他操作错误", "Other wrong operation"),
    "1203": text("监护失误", "Supervision failure"),
    "1299": text("其他行为性危险和有害因素", "Other behavioural factors"),
    "2": text("物的因素", "Material factors"),
    "21": text("物理性危险和有害因素", "Physical"),
    "2101": text("设备、设施、工具、附件缺陷", "Defective equipment or tools"),
    "210101": text("强度不够", "Insufficient strength"),
    "210102": text("刚度不够", "Insufficient stiffness"),
    "210103": text("稳定性差", "Poor stability"),
    "210104": text("密封不良", "Poor sealing"),
    "210105": text("耐腐蚀性差", "Poor corrosion resistance"),
    "22": text("化学性危险和有害因素", "Chemical"),
    "23": text("生物性危险和有害因素", "Biological"),
    "3": text("环境因素", "Environmental factors"),
    "31": text("室内作业场所环境不良", "Poor indoor workplace"),
    "32": text("室外作业场地环境不良", "Poor outdoor worksite"),
    "33": text("地下（含水下）作业环境不良", "Poor underground or underwater site"),
    "39": text("其他作业环境不良", "Other poor environment"),
    "4": text("管理因素", "Management factors"),
    "41": text("机构设置和人员配备不健全", "Organisation or staffing inadequate"),
    "42": text("责任制不完善或未落实", "Responsibilities incomplete or not applied"),
    "43": text("管理制度不完善或未落实", "Rules incomplete or not applied"),
    "44": text("投入不足", "Insufficient investment"),
    "45": text("应急管理缺陷", "Emergency management defects"),
    "49": text("其他管理因素缺陷", "Other management defects"),
}

RISK_POINT_KINDS = {
    "equipment": text("设备", "Equipment"),
    "facility": text("设施", "Facility"),
    "area": text("场所区域", "Area"),
    "operation": text("作业", "Operation"),
    "activity": text("活动", "Activity"),
}

# The five common measure types, then the district plan's monitoring, video
# and automatic-control measures (000_d00371bed27cd32f.txt).
CONTROL_MEASURE_TYPES = {
    "engineering": text("工程技术", "Engineering"),
    "management": text("管理", "Management"),
    "training": text("培训教育", "Training"),
    "ppe": text("个体防护", "Personal protection"),
    "emergency": text("应急处置", "Emergency response"),
    "monitoring": text("在线监测", "Online monitoring"),
    "video": text("视频监控", "Video surveillance"),
    "automation": text("自动化控制", "Automatic control"),
}
REQUIRED_MEASURE_TYPES = ("engineering", "management", "training", "ppe", "emergency")

CONTROL_LEVELS = {
    "company": text("公司", "Company"),
    "workshop": text("车间", "Workshop"),
    "team": text("班组", "Team"),
    "post": text("岗位", "Post"),
}

RISK_LEVELS = {
    "major": text("重大风险（红）", "Major (red)"),
    "significant": text("较大风险（橙）", "Significant (orange)"),
    "general": text("一般风险（黄）", "General (yellow)"),
    "low": text("低风险（蓝）", "Low (blue)"),
}

# Control levels a suggested risk level may be assigned to: a risk is owned at
# least at the level its grade calls for (FACTS §0).
CONTROL_LEVELS_FOR_RISK = {
    "major": ("company",),
    "significant": ("company", "workshop"),
    "general": ("workshop", "team"),
    "low": ("team", "post"),
}

PERIOD_UNITS = INSPECTION_UNITS

# Method tables (FACTS §1.1 and §1.2): the only values an input may take.
LEC_VALUES = {
    "L": (10, 6, 3, 1, 0.5, 0.2, 0.1),
    "E": (10, 6, 3, 2, 1, 0.5),
    "C": (100, 40, 15, 7, 3, 1),
}
LS_VALUES = {"L": (1, 2, 3, 4, 5), "S": (1, 2, 3, 4, 5)}

# Direct determination (直接判定, FACTS §1.4): conditions that make a risk major
# whatever its score, those of the platform an assessor ticks. An event lists
# those worth checking; they are hints and do not change the suggested level.
DIRECT_RULES = {
    condition.key: text(condition.title.zh_hans, condition.title.en)
    for condition in DIRECT_CONDITIONS
    if condition.applies is None
}

QUESTION_TYPES = (
    "check",
    "single_choice",
    "multiple_choice",
    "number",
    "text",
    "date",
    "photo",
    "file",
    "signature",
    "confirm",
    "group",
)
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
