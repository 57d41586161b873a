"""Hidden-hazard investigation checklists of construction sites.

Two families:

* **The JGJ 59-2011 inspection tables (表B.1-B.19)**, one checklist per table,
  generated from ``safegrid_construction.jgj59_data`` so that their keys can
  never drift from the ``jgj59`` scoring rule. Each table item is a number
  question keyed by the rule's item key: the deduction (扣分, 0 to the item's
  full score), or "not applicable" for 缺项. Their answers map onto the
  rule's input as ``{"tables": {<table>: {"items": {<item>: {"deduction": n}
  | {"missing": true}}}}}`` (``maps_to`` on each question says where). The
  guarantee items (保证项目) form the first step and the general items the
  second; a last step asks the 建质规〔2024〕5号 criteria that belong to the
  table, each a check that opens a major hazard (not scored by the rule).
* **Checklists for work JGJ 59 does not cover** (confined space, demolition,
  tunnelling, hot work), scored by deduction from 100.
"""

from plugins.pack_support.content import check, question, ref, section, show_if, text

from .. import jgj59_data
from .major_hazard_criteria import ARTICLES

JGJ = "JGJ 59-2011"
CRITERIA_DOC = "建质规〔2024〕5号"

# Summary line of JGJ 59 → the pack's operation.
OPERATION_OF_SUMMARY_ITEM = {
    "safety_management": "site_management",
    "civilised_construction": "site_management",
    "scaffolding": "scaffolding",
    "foundation_pit": "excavation",
    "formwork_support": "formwork",
    "work_at_height": "work_at_height",
    "temporary_electricity": "electricity",
    "hoists": "hoisting",
    "cranes": "hoisting",
    "construction_machinery": "machinery",
}

RISK_POINTS_OF_TABLE = {
    "safety_management": [],
    "civilised_construction": ["temporary_buildings", "hot_work"],
    "fastener_scaffold": ["scaffold"],
    "door_frame_scaffold": ["scaffold"],
    "cuplock_scaffold": ["scaffold"],
    "disc_lock_scaffold": ["scaffold"],
    "full_space_scaffold": ["scaffold"],
    "cantilever_scaffold": ["scaffold"],
    "attached_lifting_scaffold": ["attached_lifting_scaffold"],
    "suspended_platform": ["suspended_platform"],
    "foundation_pit": ["deep_excavation", "temporary_load"],
    "formwork_support": ["formwork_support"],
    "work_at_height": ["edges_openings", "steel_structure"],
    "temporary_electricity": ["temporary_power"],
    "material_hoist": ["material_hoist"],
    "construction_hoist": ["construction_hoist"],
    "tower_crane": ["tower_crane"],
    "lifting_operations": ["lifting_operation", "heavy_mobile_machinery"],
    "construction_machinery": ["construction_machinery"],
}

SCAFFOLD_CRITERIA = ["art7_1", "art7_2", "art9_4", "art14_3"]
# Art. 8 items for every crane or hoist; 8(6) is the construction hoist's own
# (施工升降机), 8(7) and 8(8) the tower crane's.
MACHINE_CRITERIA = ["art8_1", "art8_2", "art8_3", "art8_4", "art8_5", "art8_9"]

# 建质规〔2024〕5号 criteria asked at the end of each JGJ 59 table.
CRITERIA_OF_TABLE = {
    "safety_management": [
        "art4_1",
        "art4_2",
        "art4_3",
        "art4_4",
        "art4_5",
        "art16",
        "art17",
    ],
    "civilised_construction": ["art14_3"],
    "fastener_scaffold": SCAFFOLD_CRITERIA,
    "door_frame_scaffold": SCAFFOLD_CRITERIA,
    "cuplock_scaffold": SCAFFOLD_CRITERIA,
    "disc_lock_scaffold": SCAFFOLD_CRITERIA,
    "full_space_scaffold": SCAFFOLD_CRITERIA,
    "cantilever_scaffold": SCAFFOLD_CRITERIA,
    "attached_lifting_scaffold": ["art7_3", "art4_5"],
    "suspended_platform": ["art9_5", "art15_2"],
    "foundation_pit": [
        "art5_1",
        "art5_2",
        "art5_3",
        "art5_4",
        "art14_1",
        "art14_2",
    ],
    "formwork_support": [
        "art6_1",
        "art6_2",
        "art6_3",
        "art6_4",
        "art4_4",
        "art4_5",
    ],
    "work_at_height": ["art9_1", "art9_2", "art9_3", "art9_4", "art15_2"],
    "temporary_electricity": ["art10_1", "art10_2"],
    "material_hoist": MACHINE_CRITERIA,
    "construction_hoist": [*MACHINE_CRITERIA, "art8_6"],
    "tower_crane": [*MACHINE_CRITERIA, "art8_7", "art8_8"],
    "lifting_operations": ["art8_9", "art15_1", "art15_2", "art15_3"],
    "construction_machinery": ["art16"],
}

TYPICAL = "（常见扣分要点，以标准原文为准）"
TYPICAL_EN = " (common deductions; the standard's text governs)"

# What the inspector looks at for an item, where the domain notes give it.
# B.1 deductions are checked against the standard (FACTS-2 §4.1); the others
# are typical points and say so.
ITEM_HELP = {
    ("safety_management", "responsibility_system"): text(
        "未建立安全生产责任制扣10分；责任制未经责任人签字确认扣3分；无各工种安全技术操作规程扣10分；未按规定配备专职安全员扣10分；承包合同无安全生产目标扣8分（部分版本为5分）；无安全资金保障制度扣5分；无安全资金投入计划或未落实扣2~5分；未制定安全生产管理目标扣5分；目标未分解扣5分；无考核制度扣5分；未定期考核扣2~5分",
        "No responsibility system −10; not signed −3; no trade operating rules −10; no full-time safety officer as required −10; contract without safety targets −8 (some copies −5); no safety-funds rule −5; no funds plan or not applied −2~5; no targets −5; targets not broken down −5; no appraisal system −5; not appraised regularly −2~5",
    ),
    ("safety_management", "construction_plans"): text(
        "施工组织设计中未制定安全技术措施扣10分；危大工程未编制专项施工方案按情节扣分",
        "No safety measures in the site plan −10; dangerous works without a special scheme deducted by severity",
    ),
    ("safety_management", "technical_briefing"): text(
        "交底内容不全面或针对性不强扣2~5分；交底未履行签字手续扣4分（以标准原文为准）",
        "Briefing vague or incomplete −2~5; briefing not signed −4 (the text of the standard governs)",
    ),
    ("safety_management", "safety_inspection"): text(
        "未建立安全检查制度扣10分；无检查记录扣5分；整改未做到定人、定时间、定措施扣2~6分；重大事故隐患整改通知单所列项目未按期整改和复查扣5~10分",
        "No inspection system −10; no records −5; fixes without a person, a time and a measure −2~6; items of a major-hazard notice not fixed or rechecked on time −5~10",
    ),
    ("safety_management", "safety_education"): text(
        "未建立安全教育培训制度扣10分；新入场人员未进行三级安全教育扣5分；培训内容未明确扣2~8分；变换工种或采用四新未进行安全教育扣5分；施工管理人员、专职安全员未按规定年度培训考核每人扣2分",
        "No training system −10; no three-level induction −5; training content not set −2~8; no training on a change of trade or new technology −5; managers or safety staff not trained yearly −2 per person",
    ),
    ("safety_management", "emergency_rescue"): text(
        "未制定应急救援预案扣10分；未建立应急救援组织或未配备救援人员扣2~6分；未定期演练扣5分；未配置救援器材和设备扣5分",
        "No emergency plan −10; no rescue team or staff −2~6; no regular drills −5; no rescue equipment −5",
    ),
    ("safety_management", "subcontractor_management"): text(
        "分包单位资质、资格、证件不齐全或无效扣10分；未签订安全生产协议扣5分；合同或协议签字盖章手续不全扣2~6分；分包单位未设安全机构或专职安全员扣2~6分",
        "Subcontractor credentials incomplete or invalid −10; no safety agreement −5; not fully signed and sealed −2~6; no safety unit or officer −2~6",
    ),
    ("safety_management", "certified_workers"): text(
        "未经培训从事施工、安全管理和特种作业每人扣5分；项目经理、专职安全员和特种作业人员未持证上岗每人扣2分",
        "Untrained people at work −5 each; PM, safety officer or special workers without certificates −2 each",
    ),
    ("safety_management", "accident_handling"): text(
        "生产安全事故未按规定报告扣10分；未按规定调查分析、制定防范措施扣10分；未依法为施工作业人员办理保险扣5分",
        "Accident not reported −10; not investigated and no preventive measures −10; no statutory insurance −5",
    ),
    ("safety_management", "safety_signs"): text(
        "主要施工区域、危险部位未按规定悬挂安全标志扣2~6分；未绘制现场安全标志布置图扣3分；未按部位和现场设施的变化调整安全标志扣2~6分；未设置重大危险源公示牌扣5分",
        "Signs missing at main areas and danger points −2~6; no sign layout plan −3; signs not updated −2~6; no major hazard notice board −5",
    ),
    ("temporary_electricity", "external_line_protection"): text(
        "外电线路安全距离不足且未采取防护措施；防护设施无警示标志；防护设施与外电线路距离或搭设不符合规范；在外电架空线路正下方施工、搭设临时设施或堆放材料"
        + TYPICAL,
        "Too close to overhead lines without protection; protection without warning signs; protection distance or build off-code; working, building or stacking under the line"
        + TYPICAL_EN,
    ),
    ("temporary_electricity", "earthing_and_neutral"): text(
        "专用变压器供电未采用TN-S接零保护系统；配电系统混用保护系统；保护零线装设开关、熔断器或通过工作电流；设备未接保护零线；工作接地电阻大于4 Ω或重复接地电阻大于10 Ω"
        + TYPICAL,
        "No TN-S system on a dedicated supply; mixed systems; switch or fuse in the PE conductor, or PE carrying current; equipment not on PE; working earth above 4 Ω or repeat earth above 10 Ω"
        + TYPICAL_EN,
    ),
    ("temporary_electricity", "distribution_boxes"): text(
        "未采用三级配电、二级漏电保护系统；用电设备无各自专用开关箱；漏电保护器参数不匹配或动作不灵敏"
        + TYPICAL,
        "No three-tier distribution with two RCD stages; a device without its own switch box; RCD rating mismatched or not tripping"
        + TYPICAL_EN,
    ),
    ("foundation_pit", "pit_support"): text(
        "支护结构按设计施工，变形在控制值内；人工开挖狭窄基槽时有防坍塌措施" + TYPICAL,
        "Support built as designed and within deformation limits; trench support when digging by hand"
        + TYPICAL_EN,
    ),
    ("foundation_pit", "edge_loads"): text(
        "坑边堆载不超过设计允许值，施工机械与坑边保持安全距离" + TYPICAL,
        "Edge loads within the design allowance; machines kept back from the edge"
        + TYPICAL_EN,
    ),
    ("foundation_pit", "safety_protection"): text(
        "开挖深度2 m及以上的基坑周边设防护栏杆，设专用上下通道" + TYPICAL,
        "Guardrails round pits 2 m deep or more; proper access stairs" + TYPICAL_EN,
    ),
    ("formwork_support", "support_foundation"): text(
        "基础坚实平整，承载力满足设计；立杆底部设底座或垫板；有排水措施" + TYPICAL,
        "Firm, level base of adequate capacity; base plates or sole boards; drainage"
        + TYPICAL_EN,
    ),
    ("formwork_support", "construction_loads"): text(
        "施工均布荷载和集中荷载不超过设计值，浇筑顺序符合方案" + TYPICAL,
        "Distributed and point loads within the design; pouring sequence as the scheme"
        + TYPICAL_EN,
    ),
    ("fastener_scaffold", "wall_ties"): text(
        "连墙件按方案设置，无缺失；架体底层第一步纵向水平杆处开始设置" + TYPICAL,
        "Wall ties as the scheme, none missing; starting from the first lift"
        + TYPICAL_EN,
    ),
    ("tower_crane", "load_limiters"): text(
        "起重量限制器、力矩限制器灵敏可靠" + TYPICAL,
        "Load and moment limiters sensitive and reliable" + TYPICAL_EN,
    ),
    ("tower_crane", "travel_limiters"): text(
        "起升高度、幅度、回转和行走限位装置灵敏可靠" + TYPICAL,
        "Hoist, trolley, slewing and travel limits sensitive and reliable" + TYPICAL_EN,
    ),
}


def _number(value):
    """A Decimal full score as a plain number (int when whole)."""
    return int(value) if value == int(value) else float(value)


def _criterion_items():
    return {q["key"]: q for _zh, _en, items in ARTICLES.values() for q in items}


CRITERION_ITEMS = _criterion_items()


def _major_hazard_checks(criterion_key: str) -> list[dict]:
    """A 建质规〔2024〕5号 criterion asked inside a JGJ 59 table, after the
    question of its first condition where the standard joins two with "且"."""
    source = CRITERION_ITEMS[criterion_key]
    item = check(
        f"mh_{criterion_key}",
        source["text"]["zh_hans"],
        source["text"]["en"],
        basis=source["basis"],
        grade="major",
        criterion=criterion_key,
        help_text=source.get("help"),
    )
    if "show_if" not in source:
        return [item]
    first = CRITERION_ITEMS[source["show_if"]["question"]]
    condition = {**first, "key": f"mh_{first['key']}"}
    item["show_if"] = show_if(condition["key"], source["show_if"]["equals"])
    return [condition, item]


def _item_question(table, item) -> dict:
    full = _number(item.full_score)
    help_text = ITEM_HELP.get((table.key, item.key)) or text(
        f"按{JGJ}表{table.number}「{item.name.zh_hans}」的扣分标准逐条扣分，本项扣分不超过{full}分；不适用本工地时选择缺项。",
        f"Deduct per the criteria of table {table.number}, item “{item.name.en}” of {JGJ}; at most {full} points; choose not applicable (缺项) when it does not apply to the site.",
    )
    return question(
        item.key,
        "number",
        f"{item.name.zh_hans}（扣分）",
        f"{item.name.en} (deduction)",
        unit="分",
        min=0,
        max=full,
        allow_not_applicable=True,
        full_score=full,
        guarantee=item.guarantee,
        basis=[ref(JGJ, f"表{table.number}")],
        help=help_text,
        evidence={"on": "above_zero", "require": ["note", "photo"]},
        maps_to={"rule": "jgj59", "table": table.key, "item": item.key},
    )


def _jgj59_checklist(table) -> dict:
    questions = {True: [], False: [], None: []}
    for item in table.items:
        questions[item.guarantee].append(_item_question(table, item))
    # The section keys name the table: the forms engine tells the jgj59_table
    # rule which section an item is in, and two scaffold tables share item keys.
    if table.has_guarantee_split:
        sections = [
            section(
                f"{table.key}_guarantee",
                "保证项目",
                "Guarantee items",
                questions[True],
                guarantee=True,
            ),
            section(
                f"{table.key}_general",
                "一般项目",
                "General items",
                questions[False],
                guarantee=False,
            ),
        ]
    else:
        sections = [section(f"{table.key}_items", "检查项目", "Items", questions[None])]
    criteria = CRITERIA_OF_TABLE.get(table.key, [])
    if criteria:
        sections.append(
            section(
                "major_hazards",
                "重大事故隐患判定",
                "Major accident hazards",
                [q for key in criteria for q in _major_hazard_checks(key)],
            )
        )
    return {
        "key": f"jgj59_{table.key}",
        "kind": "checklist",
        "industry": "construction",
        "title": text(
            f"{table.name.zh_hans}检查评分表（JGJ 59-2011 表{table.number}）",
            f"{table.name.en} inspection table (JGJ 59-2011 table {table.number})",
        ),
        "description": text(
            f"按{JGJ}表{table.number}逐项扣分，满分100分；保证项目规则和汇总由jgj59评分规则计算。",
            f"Deduct item by item per table {table.number} of {JGJ}, out of 100; the jgj59 rule applies the guarantee-item rule and the summary.",
        ),
        "operations": [OPERATION_OF_SUMMARY_ITEM[table.summary_item]],
        "risk_points": RISK_POINTS_OF_TABLE[table.key],
        "scoring": {
            "method": "rule",
            "rule": "jgj59",
            "table": table.key,
            "table_number": table.number,
            "summary_item": table.summary_item,
        },
        "sections": sections,
    }


JGJ59_CHECKLISTS = [_jgj59_checklist(table) for table in jgj59_data.TABLES_IN_ORDER]

DEDUCTION = {"method": "deduction", "full_score": 100, "pass_mark": 80}


def _checklist(key, zh_hans, en, *, operations, risk_points, about, sections):
    return {
        "key": key,
        "kind": "checklist",
        "industry": "construction",
        "title": text(zh_hans, en),
        "description": about,
        "operations": operations,
        "risk_points": risk_points,
        "scoring": DEDUCTION,
        "sections": sections,
    }


def _c(key):
    return ref(CRITERIA_DOC, CRITERION_ITEMS[key]["basis"][0]["clause"])


CONFINED_SPACE = _checklist(
    "construction_confined_space",
    "有限空间作业检查表",
    "Confined space work inspection",
    operations=["confined_space"],
    risk_points=["confined_space"],
    about=text(
        "每次有限空间作业前和作业中检查。",
        "Checked before and during each confined space job.",
    ),
    sections=[
        section(
            "preparation",
            "作业前",
            "Before entry",
            [
                check(
                    "spaces_identified",
                    "已辨识施工现场的有限空间",
                    "Confined spaces on site identified",
                    basis=[_c("art11_1")],
                    deduction=10,
                ),
                check(
                    "warning_signs",
                    "有限空间未辨识时，已在显著位置设置警示标志",
                    "Where confined spaces were not identified, warning signs are posted in plain view",
                    basis=[_c("art11_1")],
                    deduction=10,
                    grade="major",
                    criterion="art11_1",
                    show_if=show_if("spaces_identified", "non_compliant"),
                    help_text=text(
                        "未辨识且未设置警示标志才判定为重大事故隐患（建质规〔2024〕5号第十一条第（一）项）",
                        "Major only when the spaces were not identified and no signs are posted (Art. 11(1))",
                    ),
                ),
                check(
                    "entry_approved",
                    "作业经审批，作业人员经专项培训",
                    "Work approved; crew specifically trained",
                    basis=[_c("art11_2")],
                    deduction=20,
                    grade="major",
                    criterion="art11_2",
                ),
                question(
                    "oxygen_content",
                    "number",
                    "作业前氧含量",
                    "Oxygen before entry",
                    unit="%vol",
                    min=0,
                    max=100,
                    warn_min=19.5,
                    warn_max=23.5,
                    basis=[ref("GB 8958-2006")],
                ),
                check(
                    "ventilated_tested",
                    "先通风、再检测、后作业",
                    "Ventilated, tested, then entered",
                    basis=[_c("art11_2")],
                    deduction=20,
                    grade="major",
                    criterion="art11_2",
                ),
            ],
        ),
        section(
            "during",
            "作业中",
            "During the work",
            [
                check(
                    "attendant_present",
                    "专人监护，专职安全员现场监督",
                    "Dedicated attendant and full-time safety officer on site",
                    basis=[_c("art11_3")],
                    deduction=20,
                    grade="major",
                    criterion="art11_3",
                ),
                check(
                    "rescue_equipment",
                    "气体检测、机械通风、呼吸防护和救援设备就位",
                    "Gas detection, ventilation, breathing protection and rescue gear on site",
                    basis=[_c("art11_4")],
                    deduction=20,
                    grade="major",
                    criterion="art11_4",
                ),
                check(
                    "continuous_monitoring",
                    "作业中持续通风和检测并记录",
                    "Ventilation and testing continue and are logged",
                    basis=[ref("GB 8958-2006")],
                    deduction=10,
                ),
            ],
        ),
    ],
)

DEMOLITION = _checklist(
    "construction_demolition",
    "拆除工程检查表",
    "Demolition inspection",
    operations=["demolition"],
    risk_points=["demolition"],
    about=text("拆除和装修拆改作业检查。", "Demolition and fit-out alteration checks."),
    sections=[
        section(
            "plan",
            "方案与复核",
            "Plan and structural check",
            [
                check(
                    "demolition_plan",
                    "编制拆除专项方案并交底",
                    "Special demolition plan prepared and briefed",
                    basis=[ref("JGJ 147-2016"), ref("住房城乡建设部令第37号")],
                    deduction=15,
                ),
                check(
                    "structural_check",
                    "拆改承重结构前经设计单位结构复核",
                    "Structural check by a designer before removing load-bearing parts",
                    basis=[_c("art12_1")],
                    deduction=20,
                    grade="major",
                    criterion="art12_1",
                ),
            ],
        ),
        section(
            "site",
            "现场",
            "On site",
            [
                check(
                    "demolition_sequence",
                    "拆除顺序符合规范和方案",
                    "Demolition sequence as the code and scheme",
                    basis=[_c("art12_2")],
                    deduction=20,
                    grade="major",
                    criterion="art12_2",
                ),
                check(
                    "demolition_cordon",
                    "拆除区域封闭，设警戒和专人监护",
                    "Area closed off with cordon and watch",
                    basis=[ref("JGJ 147-2016")],
                    deduction=10,
                ),
                check(
                    "demolition_utilities_cut",
                    "水、电、气等管线已切断或迁移",
                    "Water, power and gas cut off or diverted",
                    basis=[ref("JGJ 147-2016")],
                    deduction=10,
                ),
                check(
                    "demolition_machines",
                    "拆除机械作业位置地基稳固，与结构保持安全距离",
                    "Machines on firm ground at a safe distance from the structure",
                    basis=[ref("JGJ 147-2016")],
                    deduction=10,
                ),
            ],
        ),
    ],
)

TUNNEL = _checklist(
    "construction_tunnel",
    "隧道与暗挖工程检查表",
    "Tunnelling inspection",
    operations=["tunnel"],
    risk_points=["tunnel"],
    about=text(
        "隧道、暗挖和盾构施工检查。", "Mined tunnel and shield tunnelling checks."
    ),
    sections=[
        section(
            "method",
            "方法与监测",
            "Method and monitoring",
            [
                question(
                    "tunnel_method",
                    "single_choice",
                    "施工方法",
                    "Method",
                    choices=[
                        {"value": "mined", "label": text("矿山法暗挖", "Mined")},
                        {"value": "shield", "label": text("盾构", "Shield")},
                        {"value": "jacking", "label": text("顶管", "Pipe jacking")},
                    ],
                ),
                check(
                    "method_to_scheme",
                    "开挖和支护方法符合规范和方案",
                    "Excavation and support to code and scheme",
                    basis=[_c("art13_3")],
                    deduction=15,
                    grade="major",
                    criterion="art13_3",
                ),
                check(
                    "forecast_monitoring",
                    "开展超前地质预报和监控量测，超限及时处置",
                    "Advance forecast and monitoring; exceedances acted on",
                    basis=[_c("art13_3")],
                    deduction=15,
                    grade="major",
                    criterion="art13_3",
                ),
                check(
                    "water_control",
                    "有水作业有措施，降水失效时停止作业",
                    "Measures for water; work stops when dewatering fails",
                    basis=[_c("art13_1")],
                    deduction=15,
                    grade="major",
                    criterion="art13_1",
                ),
            ],
        ),
        section(
            "shield",
            "盾构",
            "Shield",
            [
                check(
                    "end_reinforcement",
                    "始发、接收端头按设计加固",
                    "Launch and reception zones reinforced as designed",
                    basis=[_c("art13_4")],
                    deduction=15,
                    grade="major",
                    criterion="art13_4",
                ),
                check(
                    "tail_seal",
                    "盾尾密封有效；带压进仓按规定实施",
                    "Tail seal working; pressurised entry by the rules",
                    basis=[_c("art13_5")],
                    deduction=15,
                    grade="major",
                    criterion="art13_5",
                ),
            ],
            show_if={"question": "tunnel_method", "equals": "shield"},
        ),
        section(
            "surroundings",
            "周边环境",
            "Surroundings",
            [
                check(
                    "adjacent_protection",
                    "对相邻建（构）筑物和管线采取专项防护",
                    "Special protection of adjacent structures and pipes",
                    basis=[_c("art13_6")],
                    deduction=10,
                    grade="major",
                    criterion="art13_6",
                ),
                check(
                    "rail_zone_approval",
                    "轨道交通安全保护区内作业经审批",
                    "Work in a rail-transit protection zone approved",
                    basis=[_c("art13_7")],
                    deduction=10,
                    grade="major",
                    criterion="art13_7",
                ),
                check(
                    "escape_supplies",
                    "洞内逃生通道和应急物资",
                    "Escape route and emergency supplies underground",
                    basis=[ref("应急管理部令第2号")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

HOT_WORK = _checklist(
    "construction_hot_work",
    "动火作业与现场防火检查表",
    "Hot work and site fire inspection",
    operations=["site_management"],
    risk_points=["hot_work", "temporary_buildings"],
    about=text(
        "动火审批、现场防火和生活区消防检查。",
        "Hot work approval, site fire safety and living-area fire checks.",
    ),
    sections=[
        section(
            "hot_work",
            "动火作业",
            "Hot work",
            [
                check(
                    "hot_work_approved",
                    "动火作业经审批，设看火人",
                    "Hot work approved, with a fire watch",
                    basis=[ref("GB 50720-2011")],
                    deduction=15,
                ),
                check(
                    "combustibles_cleared",
                    "动火点周边可燃物清理或覆盖，接火措施到位",
                    "Combustibles cleared or covered; spark catching in place",
                    basis=[ref("GB 50720-2011")],
                    deduction=15,
                ),
                check(
                    "cylinder_spacing",
                    "氧气瓶与乙炔瓶间距和与明火距离满足要求，防倾倒",
                    "Oxygen and acetylene cylinders spaced from each other and from flames; secured",
                    basis=[ref("GB 50720-2011")],
                    deduction=10,
                ),
                check(
                    "welders_certified",
                    "焊工持证上岗",
                    "Certified welders",
                    basis=[_c("art4_3")],
                    deduction=10,
                    grade="major",
                    criterion="art4_3",
                ),
            ],
        ),
        section(
            "fire",
            "现场与生活区消防",
            "Site and living-area fire safety",
            [
                check(
                    "extinguishers",
                    "灭火器材配置充足有效，消防通道畅通",
                    "Enough working extinguishers; fire lanes clear",
                    basis=[ref("GB 50720-2011")],
                    deduction=10,
                ),
                check(
                    "temporary_building_materials",
                    "临建和宿舍采用不燃材料，宿舍内无违规用电",
                    "Temporary buildings of non-combustible material; no unsafe electrics in dormitories",
                    basis=[ref("GB 50720-2011")],
                    deduction=15,
                ),
                check(
                    "flammables_store",
                    "易燃易爆物品专库存放",
                    "Flammables in a dedicated store",
                    basis=[ref("GB 50720-2011")],
                    deduction=10,
                ),
                check(
                    "fire_drills",
                    "开展消防培训和疏散演练",
                    "Fire training and evacuation drills held",
                    basis=[ref("GB 50720-2011")],
                    deduction=5,
                ),
            ],
        ),
    ],
)

CHECKLISTS = [*JGJ59_CHECKLISTS, CONFINED_SPACE, DEMOLITION, TUNNEL, HOT_WORK]

NOT_APPLICABLE = "not_applicable"


def jgj59_payload(answers: dict[str, dict[str, object]]) -> dict[str, object]:
    """The ``jgj59`` rule's input from filled JGJ 59 checklists.

    ``answers`` maps a checklist key to its answers (question key → the
    deduction, or ``"not_applicable"`` for 缺项). Questions that do not map
    onto the rule (the major-hazard checks) are left out.
    """
    by_key = {c["key"]: c for c in JGJ59_CHECKLISTS}
    tables: dict[str, object] = {}
    for checklist_key, filled in answers.items():
        checklist = by_key[checklist_key]
        items = {}
        for sec in checklist["sections"]:
            for q in sec["items"]:
                mapping = q.get("maps_to")
                if mapping is None or q["key"] not in filled:
                    continue
                value = filled[q["key"]]
                items[mapping["item"]] = (
                    {"missing": True}
                    if value == NOT_APPLICABLE
                    else {"deduction": value}
                )
        tables[checklist["scoring"]["table"]] = {"items": items}
    return {"tables": tables}


FORMS: list[dict] = []
