"""Vocabularies, small constructors and the integrity check of a pack's content.

This module is identical in every bundled industry pack: each pack is its own
distribution and may not import another, so the shape travels with the data.
The shape itself is described in this package's ``__init__`` docstring. Nothing
here imports Django or the core: the content stays plain data that the core's
hooks (risk library, form definitions, scoring rules) map onto later.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
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
    "automatic": text("自动化控制", "Automatic control"),
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

PERIOD_UNITS = ("hour", "shift", "day", "week", "month", "quarter", "year")

# Method tables (FACTS §1.1 and §1.2): the only values an input may take.
LEC_VALUES = {
    "L": (10, 6, 3, 1, 0.5, 0.2, 0.1),
    "E": (10, 6, 3, 2, 1, 0.5),
    "C": (100, 40, 15, 7, 3, 1),
}
LS_VALUES = {"L": (1, 2, 3, 4, 5), "S": (1, 2, 3, 4, 5)}

# Direct determination (直接判定, FACTS §1.4): conditions that make a risk major
# whatever its score. An event lists those worth checking; they are hints and
# do not change the suggested level.
DIRECT_RULES = {
    "law_violation": text(
        "违反法律法规或国家标准强制性条款", "Breaks a law or a mandatory clause"
    ),
    "accident_recurrence": text(
        "发生过死亡、重伤或重大财产损失事故且条件仍存在",
        "A serious accident happened and its causes remain",
    ),
    "major_hazard_installation": text(
        "涉及危险化学品重大危险源", "Involves a major hazard installation"
    ),
    "ten_or_more_exposed": text(
        "有毒、爆炸、火灾场所同时作业10人及以上",
        "10 or more people at once where poisoning, explosion or fire can occur",
    ),
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


def factor(code: str, zh_hans: str, en: str) -> dict[str, Any]:
    return {"code": code, "text": text(zh_hans, en)}


def event(
    key: str,
    zh_hans: str,
    en: str,
    accident_types: Iterable[str],
    method: str,
    inputs: dict[str, float],
    direct_rules: Iterable[str] = (),
) -> dict[str, Any]:
    return {
        "key": key,
        "name": text(zh_hans, en),
        "accident_types": list(accident_types),
        "assessment": {"method": method, "inputs": dict(inputs)},
        "direct_rules": list(direct_rules),
    }


def lec(L: float, E: float, C: float) -> tuple[str, dict[str, float]]:
    return "lec", {"L": L, "E": E, "C": C}


def ls(L: int, S: int) -> tuple[str, dict[str, int]]:
    return "ls", {"L": L, "S": S}


def measure(key: str, kind: str, zh_hans: str, en: str) -> dict[str, Any]:
    return {"key": key, "type": kind, "text": text(zh_hans, en)}


def every(count: int, unit: str) -> dict[str, Any]:
    return {"every": count, "unit": unit}


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


# -- the integrity check ------------------------------------------------------


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


def problems(content: dict[str, Any]) -> list[str]:
    """Everything wrong with a pack's content, in plain words (empty when fine)."""
    found: list[str] = []
    found += _text_problems(content)
    found += _risk_library_problems(content)
    found += _definition_problems(content)
    found += _criteria_problems(content)
    found += _monitoring_problems(content)
    found += _document_problems(content)
    found += _emergency_card_problems(content)
    return found


def _text_problems(content: dict[str, Any]) -> list[str]:
    found = []
    for path, value in iter_texts(content):
        if not (isinstance(value["zh_hans"], str) and CJK.search(value["zh_hans"])):
            found.append(f"{path}: the Chinese text is missing")
        if not (isinstance(value["en"], str) and value["en"].strip()):
            found.append(f"{path}: the English text is missing")
    return found


def _key_problems(where: str, keys: list[str]) -> list[str]:
    found = [
        f"{where}: key {k!r} is not a slug"
        for k in keys
        if not KEY_PATTERN.match(str(k))
    ]
    found += [f"{where}: key {k!r} is used twice" for k in duplicates(keys)]
    return found


def _risk_library_problems(content: dict[str, Any]) -> list[str]:
    found = []
    points = content["risk_points"]
    found += _key_problems("risk points", [p["key"] for p in points])
    found += _key_problems(
        "risk events", [e["key"] for p in points for e in p["events"]]
    )
    found += _key_problems(
        "control measures", [m["key"] for p in points for m in p["measures"]]
    )
    for point in points:
        where = f"risk point {point['key']}"
        if point["kind"] not in RISK_POINT_KINDS:
            found.append(f"{where}: unknown kind {point['kind']!r}")
        if not point["hazard_factors"]:
            found.append(f"{where}: no hazard factors")
        for item in point["hazard_factors"]:
            if item["code"] not in HAZARD_FACTOR_CODES:
                found.append(f"{where}: GB/T 13861 code {item['code']!r} not allowed")
        if not point["events"]:
            found.append(f"{where}: no risk events")
        for ev in point["events"]:
            found += _event_problems(f"{where}, event {ev['key']}", ev)
        kinds = {m["type"] for m in point["measures"]}
        for m in point["measures"]:
            if m["type"] not in CONTROL_MEASURE_TYPES:
                found.append(f"{where}: unknown measure type {m['type']!r}")
        missing = [k for k in REQUIRED_MEASURE_TYPES if k not in kinds]
        if missing:
            found.append(f"{where}: no measure of type {', '.join(missing)}")
        if point["control_level"] not in CONTROL_LEVELS:
            found.append(f"{where}: unknown control level {point['control_level']!r}")
        elif point["events"] and not found_event_problem(point):
            level = point_level(point)
            if point["control_level"] not in CONTROL_LEVELS_FOR_RISK[level]:
                found.append(
                    f"{where}: a {level} risk is not controlled at "
                    f"{point['control_level']} level"
                )
        period = point["inspection_period"]
        if period.get("unit") not in PERIOD_UNITS or not (
            isinstance(period.get("every"), int) and period["every"] > 0
        ):
            found.append(f"{where}: bad inspection period {period!r}")
    operation_keys = [o["key"] for o in content["operations"]]
    found += _key_problems("operations", operation_keys)
    point_keys = {p["key"] for p in points}
    covered = set()
    for operation in content["operations"]:
        for key in operation["risk_points"]:
            if key not in point_keys:
                found.append(
                    f"operation {operation['key']}: unknown risk point {key!r}"
                )
            covered.add(key)
    found += [f"risk point {k}: in no operation" for k in sorted(point_keys - covered)]
    return found


def found_event_problem(point: dict[str, Any]) -> bool:
    return any(_event_problems("", ev) for ev in point["events"])


def _event_problems(where: str, ev: dict[str, Any]) -> list[str]:
    found = []
    types = ev["accident_types"]
    if not types:
        found.append(f"{where}: no accident type")
    found += [
        f"{where}: GB 6441 code {t!r} unknown" for t in types if t not in ACCIDENT_TYPES
    ]
    found += [
        f"{where}: direct rule {r!r} unknown"
        for r in ev["direct_rules"]
        if r not in DIRECT_RULES
    ]
    assessment = ev["assessment"]
    table = {"lec": LEC_VALUES, "ls": LS_VALUES}.get(assessment["method"])
    if table is None:
        return [*found, f"{where}: unknown method {assessment['method']!r}"]
    if set(assessment["inputs"]) != set(table):
        return [*found, f"{where}: inputs must be {sorted(table)}"]
    for name, value in assessment["inputs"].items():
        if value not in table[name]:
            found.append(f"{where}: {name}={value} is not in the method's table")
    # LEC D = 70 and D = 20 sit on a boundary whose side is configurable.
    if (
        not found
        and assessment["method"] == "lec"
        and lec_value(assessment["inputs"]) in (70, 20)
    ):
        found.append(f"{where}: D falls on a configurable boundary")
    return found


def _definition_problems(content: dict[str, Any]) -> list[str]:
    found = []
    definitions = content["checklists"] + content["forms"] + content["criteria"]
    found += _key_problems("definitions", [d["key"] for d in definitions])
    operations = {o["key"] for o in content["operations"]}
    criterion_keys = {
        q["key"]
        for d in content["criteria"]
        for s in d["sections"]
        for q in iter_questions(s["items"])
    }
    for definition in definitions:
        found += _one_definition_problems(definition, content, criterion_keys)
        for key in definition.get("operations", []):
            if key not in operations:
                found.append(f"{definition['key']}: unknown operation {key!r}")
    for operation in sorted(operations):
        if not any(operation in d.get("operations", []) for d in content["checklists"]):
            found.append(f"operation {operation}: no checklist")
    return found


def _one_definition_problems(
    definition: dict[str, Any], content: dict[str, Any], criterion_keys: set[str]
) -> list[str]:
    where = f"definition {definition['key']}"
    found = []
    if definition["kind"] not in DEFINITION_KINDS:
        found.append(f"{where}: unknown kind {definition['kind']!r}")
    if definition["industry"] != content["industry"]:
        found.append(f"{where}: industry {definition['industry']!r} is not this pack's")
    scoring = definition["scoring"]
    if scoring["method"] not in SCORING_METHODS:
        found.append(f"{where}: unknown scoring {scoring['method']!r}")
    found += _key_problems(
        f"{where} sections", [s["key"] for s in definition["sections"]]
    )
    questions = [q for s in definition["sections"] for q in iter_questions(s["items"])]
    found += _key_problems(f"{where} questions", [q["key"] for q in questions])
    keys = {q["key"] for q in questions}
    for q in questions:
        condition = q.get("precondition")
        if condition and condition.get("question") not in keys:
            found.append(f"{where}, {q['key']}: precondition question missing")
    seen: dict[str, dict[str, Any]] = {}
    for sec in definition["sections"]:
        if not sec["items"]:
            found.append(f"{where}, section {sec['key']}: empty")
        if "show_if" in sec:
            found += _condition_problems(
                f"{where}, section {sec['key']}", sec["show_if"], seen
            )
        for q in iter_questions(sec["items"]):
            found += _question_problems(
                f"{where}, {q['key']}", q, definition, content, criterion_keys, seen
            )
            seen[q["key"]] = q
    return found


def _condition_problems(
    where: str, condition: dict[str, Any], seen: dict[str, Any]
) -> list[str]:
    target = seen.get(condition.get("question"))
    if target is None:
        return [
            f"{where}: condition on {condition.get('question')!r}, not an earlier question"
        ]
    allowed = {c["value"] for c in target.get("choices", [])}
    if target["type"] == "check":
        allowed = set(CHECK_ANSWERS)
    if allowed and condition["equals"] not in allowed:
        return [f"{where}: condition value {condition['equals']!r} cannot be answered"]
    return []


def _question_problems(
    where: str,
    q: dict[str, Any],
    definition: dict[str, Any],
    content: dict[str, Any],
    criterion_keys: set[str],
    seen: dict[str, Any],
) -> list[str]:
    found = []
    if q["type"] not in QUESTION_TYPES:
        return [f"{where}: unknown question type {q['type']!r}"]
    if "show_if" in q:
        found += _condition_problems(where, q["show_if"], seen)
    if q["type"] == "check":
        if not q["basis"]:
            found.append(f"{where}: no basis")
        for basis in q["basis"]:
            if basis["document"] not in content["sources"]:
                found.append(f"{where}: basis {basis['document']!r} not in SOURCES")
        if q["hazard_grade"] not in HAZARD_GRADES:
            found.append(f"{where}: unknown hazard grade {q['hazard_grade']!r}")
        if q["major_hazard"] != (q["hazard_grade"] == "major"):
            found.append(f"{where}: major_hazard disagrees with hazard_grade")
        if q["criterion"] is not None and q["criterion"] not in criterion_keys:
            found.append(f"{where}: unknown criterion {q['criterion']!r}")
        if q["criterion"] is not None and q["hazard_grade"] != "major":
            found.append(f"{where}: a criterion item must open a major hazard")
        bad = [k for k in q["evidence"]["require"] if k not in EVIDENCE_KINDS]
        if bad or q["evidence"]["on"] != "non_compliant":
            found.append(f"{where}: bad evidence rule")
        deduction = q["deduction"]
        if definition["scoring"]["method"] == "deduction":
            if not (isinstance(deduction, int | float) and deduction > 0):
                found.append(f"{where}: a deduction checklist needs a deduction")
        elif deduction is not None and definition["scoring"]["method"] == "none":
            found.append(f"{where}: a deduction on an unscored definition")
    elif q["type"] == "number":
        if not q.get("unit"):
            found.append(f"{where}: a number needs a unit")
        low, high = q.get("min"), q.get("max")
        if low is not None and high is not None and low > high:
            found.append(f"{where}: min above max")
        for warn in ("warn_min", "warn_max"):
            value = q.get(warn)
            if value is not None and (
                (low is not None and value < low) or (high is not None and value > high)
            ):
                found.append(f"{where}: {warn} outside min..max")
        evidence = q.get("evidence")
        if evidence is not None and (
            evidence.get("on") != "above_zero"
            or not set(evidence.get("require", [])) <= set(EVIDENCE_KINDS)
        ):
            found.append(f"{where}: bad evidence rule")
        mapping = q.get("maps_to")
        if mapping is not None and definition["scoring"].get("rule") != mapping.get(
            "rule"
        ):
            found.append(f"{where}: maps to a rule its definition is not scored by")
    elif q["type"] in ("single_choice", "multiple_choice"):
        values = [c["value"] for c in q.get("choices", [])]
        if len(values) < 2:
            found.append(f"{where}: a choice needs at least two options")
        found += [f"{where}: option {v!r} twice" for v in duplicates(values)]
    elif q["type"] == "group":
        if not q.get("questions"):
            found.append(f"{where}: an empty group")
        if not q.get("repeatable", False):
            found.append(f"{where}: groups are repeatable")
    return found


def _criteria_problems(content: dict[str, Any]) -> list[str]:
    found = []
    editions = {e["key"]: e for e in content["criteria_editions"]}
    found += _key_problems("criteria editions", list(editions))
    for edition in editions.values():
        if edition["status"] not in ("current", "repealed"):
            found.append(f"edition {edition['key']}: unknown status")
        if edition["status"] == "repealed" and not edition.get("valid_until"):
            found.append(f"edition {edition['key']}: repealed without valid_until")
    for definition in content["criteria"]:
        where = f"criteria {definition['key']}"
        if definition["edition"] not in editions:
            found.append(f"{where}: unknown edition {definition['edition']!r}")
        elif editions[definition["edition"]]["status"] != "current":
            found.append(f"{where}: a checklist of a repealed edition")
        for sec in definition["sections"]:
            for q in iter_questions(sec["items"]):
                if q["type"] != "check":
                    continue
                if not (q["major_hazard"] and q["hazard_grade"] == "major"):
                    found.append(f"{where}, {q['key']}: not flagged as a major hazard")
                if "article" not in q or "item" not in q:
                    found.append(f"{where}, {q['key']}: no article and item number")
    return found


def _monitoring_problems(content: dict[str, Any]) -> list[str]:
    found = []
    parameters = content["monitored_parameters"]
    found += _key_problems("monitored parameters", [p["key"] for p in parameters])
    points = {p["key"] for p in content["risk_points"]}
    for parameter in parameters:
        where = f"parameter {parameter['key']}"
        found += [
            f"{where}: unknown risk point {k!r}"
            for k in parameter["risk_points"]
            if k not in points
        ]
        if not parameter["risk_points"]:
            found.append(f"{where}: on no risk point")
        if not parameter.get("unit"):
            found.append(f"{where}: no unit")
        for threshold in parameter["thresholds"]:
            if threshold["op"] not in (">=", "<=", ">", "<"):
                found.append(f"{where}: bad threshold operator")
            basis = threshold.get("basis")
            if basis is None and not threshold.get("typical"):
                found.append(f"{where}: a threshold needs a basis or the typical mark")
            if basis is not None and basis["document"] not in content["sources"]:
                found.append(f"{where}: basis {basis['document']!r} not in SOURCES")
    return found


def _document_problems(content: dict[str, Any]) -> list[str]:
    found = []
    for name, sections in content["documents"].items():
        found += _key_problems(f"document {name}", [s["key"] for s in sections])
        if not sections:
            found.append(f"document {name}: no sections")
    return found


def _emergency_card_problems(content: dict[str, Any]) -> list[str]:
    cards = content["emergency_cards"]
    found = _key_problems("emergency cards", [c["key"] for c in cards])
    points = {p["key"] for p in content["risk_points"]}
    for card in cards:
        found += [
            f"emergency card {card['key']}: unknown risk point {k!r}"
            for k in card["risk_points"]
            if k not in points
        ]
        if not card["steps"]:
            found.append(f"emergency card {card['key']}: no steps")
    return found
