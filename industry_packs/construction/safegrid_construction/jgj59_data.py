"""JGJ 59-2011 data: the summary table (表A) and the 19 inspection tables (表B).

Item lists, the guarantee / general split and the summary weights follow the
project's domain facts (FACTS.md §4, FACTS-2.md §4). Item full scores:

* B.1 安全管理: 10 per item, as the standard gives them (✅).
* B.3 扣件式钢管脚手架: guarantee items 10 each; general items 横向水平杆设置,
  杆件连接 and 层间防护 10, 构配件材质 and 通道 5 (✅).
* B.14 施工用电: 10/20/10/20 and 15/15/10 as FACTS-2 gives them (◐).
* B.15 物料提升机: 安全装置 and 防护设施 15, the other guarantee items 10;
  通信装置 and 避雷装置 5, the other general items 10 (◐).
* B.19 施工机具: 平刨 10, 圆盘锯 10, 手持电动工具 8, 钢筋机械 10, 电焊机 10,
  潜水泵 6, 振捣器 8, 桩工机械 12 (✅); 搅拌机 10, 气瓶 8, 翻斗车 8 (◐).
* Every other table: the standard's common scheme, which FACTS gives for
  them — six guarantee items of 10 and four general items of 10; B.13 has
  ten items of 10 and no split.

Every item carries ``basis`` so the table can be checked and replaced item by
item once the official scores are at hand (see the pack README). A deduction
is capped at its item's full score, and the guarantee rule reads the capped
scores, so these full scores decide the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plugins.contributions import I18nText

STANDARD = "JGJ 59-2011"

# Where an item's full score comes from.
BASIS_STANDARD = "standard"  # ✅ checked against a published copy of the table
BASIS_FACTS_UNCHECKED = "facts_unchecked"  # ◐ in FACTS, not re-checked
BASIS_COMMON_SCHEME = "common_scheme"  # ◐ 6 × 10 and 4 × 10, as FACTS gives

MARKS = {
    BASIS_STANDARD: "✅",
    BASIS_FACTS_UNCHECKED: "◐",
    BASIS_COMMON_SCHEME: "◐",
}

GUARANTEE_FULL = Decimal("60")
GUARANTEE_FLOOR = Decimal("40")
GENERAL_FULL = Decimal("40")
TABLE_FULL = Decimal("100")


@dataclass(frozen=True)
class Item:
    """One 检查项目 of a table, with its full score."""

    key: str
    name: I18nText
    full_score: Decimal
    guarantee: bool | None  # None: the table has no guarantee / general split
    basis: str

    @property
    def mark(self) -> str:
        return MARKS[self.basis]


@dataclass(frozen=True)
class InspectionTable:
    """One 分项检查评分表 (表B.x), scored out of 100."""

    key: str
    number: str
    name: I18nText
    summary_item: str
    items: tuple[Item, ...]

    @property
    def has_guarantee_split(self) -> bool:
        return any(item.guarantee is not None for item in self.items)

    @property
    def guarantee_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.guarantee)

    def item(self, key: str) -> Item:
        return next(item for item in self.items if item.key == key)


@dataclass(frozen=True)
class SummaryItem:
    """One line of the summary table (表A) with its weight B."""

    key: str
    name: I18nText
    weight: Decimal
    tables: tuple[str, ...]


def _share(
    names: list[tuple[str, str, str]],
    total: Decimal,
    guarantee: bool | None,
    basis: str = BASIS_COMMON_SCHEME,
) -> list[Item]:
    each = total / len(names)
    return [
        Item(key, I18nText(zh, en), each, guarantee, basis) for key, zh, en in names
    ]


def _scored_table(
    key: str,
    number: str,
    zh: str,
    en: str,
    summary_item: str,
    items: list[tuple[tuple[str, str, str], str, bool | None, str]],
) -> InspectionTable:
    """A table whose items have their own full scores: ``(name, score,
    guarantee, basis)`` each."""
    return InspectionTable(
        key,
        number,
        I18nText(zh, en),
        summary_item,
        tuple(
            Item(item_key, I18nText(item_zh, item_en), Decimal(score), guarantee, basis)
            for (item_key, item_zh, item_en), score, guarantee, basis in items
        ),
    )


def _split_table(
    key: str,
    number: str,
    zh: str,
    en: str,
    summary_item: str,
    guarantee: list[tuple[str, str, str]],
    general: list[tuple[str, str, str]],
) -> InspectionTable:
    """A table of six guarantee items of 10 and four general items of 10."""
    items = _share(guarantee, GUARANTEE_FULL, True, BASIS_COMMON_SCHEME) + _share(
        general, GENERAL_FULL, False, BASIS_COMMON_SCHEME
    )
    return InspectionTable(key, number, I18nText(zh, en), summary_item, tuple(items))


# Item names shared by several tables.
PLAN = ("construction_plan", "施工方案", "Construction plan")
BRIEFING_ACCEPTANCE = (
    "briefing_and_acceptance",
    "交底与验收",
    "Briefing and acceptance",
)
FRAME_FOUNDATION = ("frame_foundation", "架体基础", "Frame foundation")
FRAME_STABILITY = ("frame_stability", "架体稳定", "Frame stability")
SCAFFOLD_BOARDS = ("scaffold_boards", "脚手板", "Scaffold boards")
FRAME_PROTECTION = ("frame_protection", "架体防护", "Frame protection")
MATERIALS = ("component_materials", "构配件材质", "Component materials")
LOADS = ("loads", "荷载", "Loads")
ACCESS = ("access_way", "通道", "Access way")
CONNECTIONS = ("member_connections", "杆件连接", "Member connections")
INTERLAYER = ("interlayer_protection", "层间防护", "Protection between levels")
INSTALL_ACCEPT_USE = (
    "installation_acceptance_use",
    "安拆、验收与使用",
    "Erection, dismantling, acceptance and use",
)
SAFETY_DEVICES = ("safety_devices", "安全装置", "Safety devices")
PROTECTIVE_FACILITIES = ("protective_facilities", "防护设施", "Protective facilities")
COMMUNICATION = ("communication", "通信装置", "Communication devices")
ELECTRICAL_SAFETY = ("electrical_safety", "电气安全", "Electrical safety")
SAFETY_PROTECTION = ("safety_protection", "安全防护", "Safety protection")


def _b1() -> InspectionTable:
    guarantee = [
        ("responsibility_system", "安全生产责任制", "Safety responsibility system"),
        (
            "construction_plans",
            "施工组织设计及专项施工方案",
            "Construction organisation design and special schemes",
        ),
        ("technical_briefing", "安全技术交底", "Safety technical briefing"),
        ("safety_inspection", "安全检查", "Safety inspection"),
        ("safety_education", "安全教育", "Safety education"),
        ("emergency_rescue", "应急救援", "Emergency rescue"),
    ]
    general = [
        (
            "subcontractor_management",
            "分包单位安全管理",
            "Subcontractor safety management",
        ),
        ("certified_workers", "持证上岗", "Certified workers"),
        ("accident_handling", "生产安全事故处理", "Handling of work accidents"),
        ("safety_signs", "安全标志", "Safety signs"),
    ]
    items = _share(guarantee, GUARANTEE_FULL, True, BASIS_STANDARD) + _share(
        general, GENERAL_FULL, False, BASIS_STANDARD
    )
    return InspectionTable(
        "safety_management",
        "B.1",
        I18nText("安全管理", "Safety management"),
        "safety_management",
        tuple(items),
    )


def _b13() -> InspectionTable:
    names = [
        ("safety_helmets", "安全帽", "Safety helmets"),
        ("safety_nets", "安全网", "Safety nets"),
        ("safety_belts", "安全带", "Safety harnesses"),
        ("edge_protection", "临边防护", "Edge protection"),
        ("opening_protection", "洞口防护", "Opening protection"),
        ("passage_protection", "通道口防护", "Protection of passage entrances"),
        ("climbing_work", "攀登作业", "Climbing work"),
        ("suspended_work", "悬空作业", "Work in suspension"),
        ("mobile_platforms", "移动式操作平台", "Mobile work platforms"),
        (
            "cantilever_material_platforms",
            "悬挑式物料钢平台",
            "Cantilever steel material platforms",
        ),
    ]
    return InspectionTable(
        "work_at_height",
        "B.13",
        I18nText("高处作业", "Work at height"),
        "work_at_height",
        tuple(_share(names, TABLE_FULL, None)),
    )


def _b14() -> InspectionTable:
    def item(key: str, zh: str, en: str, score: str, guarantee: bool) -> Item:
        return Item(
            key, I18nText(zh, en), Decimal(score), guarantee, BASIS_FACTS_UNCHECKED
        )

    items = (
        item(
            "external_line_protection",
            "外电防护",
            "Protection from external power lines",
            "10",
            True,
        ),
        item(
            "earthing_and_neutral",
            "接地与接零保护系统",
            "Earthing and protective neutral system",
            "20",
            True,
        ),
        item("distribution_lines", "配电线路", "Distribution lines", "10", True),
        item(
            "distribution_boxes",
            "配电箱与开关箱",
            "Distribution and switch boxes",
            "20",
            True,
        ),
        item(
            "distribution_room",
            "配电室与配电装置",
            "Distribution room and switchgear",
            "15",
            False,
        ),
        item("site_lighting", "现场照明", "Site lighting", "15", False),
        item("electrical_records", "用电档案", "Electrical records", "10", False),
    )
    return InspectionTable(
        "temporary_electricity",
        "B.14",
        I18nText("施工用电", "Temporary electricity"),
        "temporary_electricity",
        items,
    )


def _b19() -> InspectionTable:
    ok, unchecked = BASIS_STANDARD, BASIS_FACTS_UNCHECKED
    return _scored_table(
        "construction_machinery",
        "B.19",
        "施工机具",
        "Construction machinery and tools",
        "construction_machinery",
        [
            (("planers", "平刨", "Planers"), "10", None, ok),
            (("circular_saws", "圆盘锯", "Circular saws"), "10", None, ok),
            (
                ("hand_power_tools", "手持电动工具", "Hand-held power tools"),
                "8",
                None,
                ok,
            ),
            (("rebar_machinery", "钢筋机械", "Rebar machinery"), "10", None, ok),
            (("welding_machines", "电焊机", "Electric welders"), "10", None, ok),
            (("mixers", "搅拌机", "Mixers"), "10", None, unchecked),
            (("gas_cylinders", "气瓶", "Gas cylinders"), "8", None, unchecked),
            (("dumpers", "翻斗车", "Dumpers"), "8", None, unchecked),
            (("submersible_pumps", "潜水泵", "Submersible pumps"), "6", None, ok),
            (("vibrators", "振捣器", "Concrete vibrators"), "8", None, ok),
            (("piling_machinery", "桩工机械", "Piling machinery"), "12", None, ok),
        ],
    )


TABLES_IN_ORDER: tuple[InspectionTable, ...] = (
    _b1(),
    _split_table(
        "civilised_construction",
        "B.2",
        "文明施工",
        "Civilised construction",
        "civilised_construction",
        [
            ("site_enclosure", "现场围挡", "Site hoarding"),
            ("closed_management", "封闭管理", "Closed site management"),
            ("site_grounds", "施工场地", "Site grounds"),
            ("material_management", "材料管理", "Materials management"),
            ("office_and_dormitory", "现场办公与住宿", "Site offices and dormitories"),
            ("fire_prevention", "现场防火", "Fire prevention on site"),
        ],
        [
            ("comprehensive_management", "综合治理", "Comprehensive management"),
            ("public_signboards", "公示标牌", "Public signboards"),
            ("living_facilities", "生活设施", "Living facilities"),
            ("community_service", "社区服务", "Community service"),
        ],
    ),
    _scored_table(
        "fastener_scaffold",
        "B.3",
        "扣件式钢管脚手架",
        "Steel tube and coupler scaffold",
        "scaffolding",
        [
            (PLAN, "10", True, BASIS_STANDARD),
            (
                ("pole_foundation", "立杆基础", "Standard (pole) foundation"),
                "10",
                True,
                BASIS_STANDARD,
            ),
            (
                ("wall_ties", "架体与建筑结构拉结", "Ties to the building structure"),
                "10",
                True,
                BASIS_STANDARD,
            ),
            (
                (
                    "spacing_and_bracing",
                    "杆件间距与剪刀撑",
                    "Member spacing and cross bracing",
                ),
                "10",
                True,
                BASIS_STANDARD,
            ),
            (
                (
                    "boards_and_guardrails",
                    "脚手板与防护栏杆",
                    "Scaffold boards and guardrails",
                ),
                "10",
                True,
                BASIS_STANDARD,
            ),
            (BRIEFING_ACCEPTANCE, "10", True, BASIS_STANDARD),
            (
                (
                    "transverse_ledgers",
                    "横向水平杆设置",
                    "Transverse horizontal members",
                ),
                "10",
                False,
                BASIS_STANDARD,
            ),
            (CONNECTIONS, "10", False, BASIS_STANDARD),
            (INTERLAYER, "10", False, BASIS_STANDARD),
            (MATERIALS, "5", False, BASIS_STANDARD),
            (ACCESS, "5", False, BASIS_STANDARD),
        ],
    ),
    _split_table(
        "door_frame_scaffold",
        "B.4",
        "门式钢管脚手架",
        "Door-frame steel scaffold",
        "scaffolding",
        [
            PLAN,
            FRAME_FOUNDATION,
            FRAME_STABILITY,
            ("locking_arms", "杆件锁臂", "Member locking arms"),
            SCAFFOLD_BOARDS,
            BRIEFING_ACCEPTANCE,
        ],
        [FRAME_PROTECTION, MATERIALS, LOADS, ACCESS],
    ),
    _split_table(
        "cuplock_scaffold",
        "B.5",
        "碗扣式钢管脚手架",
        "Cuplock steel scaffold",
        "scaffolding",
        [
            PLAN,
            FRAME_FOUNDATION,
            FRAME_STABILITY,
            ("locking_parts", "杆件锁件", "Member locking parts"),
            SCAFFOLD_BOARDS,
            BRIEFING_ACCEPTANCE,
        ],
        [FRAME_PROTECTION, MATERIALS, LOADS, ACCESS],
    ),
    _split_table(
        "disc_lock_scaffold",
        "B.6",
        "承插型盘扣式钢管脚手架",
        "Socket disc-lock steel scaffold",
        "scaffolding",
        [
            PLAN,
            FRAME_FOUNDATION,
            FRAME_STABILITY,
            ("member_arrangement", "杆件设置", "Member arrangement"),
            SCAFFOLD_BOARDS,
            BRIEFING_ACCEPTANCE,
        ],
        [FRAME_PROTECTION, CONNECTIONS, MATERIALS, ACCESS],
    ),
    _split_table(
        "full_space_scaffold",
        "B.7",
        "满堂脚手架",
        "Full-space scaffold",
        "scaffolding",
        [
            PLAN,
            FRAME_FOUNDATION,
            FRAME_STABILITY,
            ("locking_parts", "杆件锁件", "Member locking parts"),
            SCAFFOLD_BOARDS,
            BRIEFING_ACCEPTANCE,
        ],
        [FRAME_PROTECTION, MATERIALS, LOADS, ACCESS],
    ),
    _split_table(
        "cantilever_scaffold",
        "B.8",
        "悬挑式脚手架",
        "Cantilever scaffold",
        "scaffolding",
        [
            PLAN,
            ("cantilever_beams", "悬挑钢梁", "Cantilever steel beams"),
            FRAME_STABILITY,
            SCAFFOLD_BOARDS,
            LOADS,
            BRIEFING_ACCEPTANCE,
        ],
        [
            ("member_spacing", "杆件间距", "Member spacing"),
            FRAME_PROTECTION,
            INTERLAYER,
            MATERIALS,
        ],
    ),
    _split_table(
        "attached_lifting_scaffold",
        "B.9",
        "附着式升降脚手架",
        "Attached lifting scaffold",
        "scaffolding",
        [
            PLAN,
            SAFETY_DEVICES,
            ("frame_structure", "架体构造", "Frame construction"),
            ("attachment_supports", "附着支座", "Attachment supports"),
            ("frame_installation", "架体安装", "Frame installation"),
            ("frame_lifting", "架体升降", "Frame lifting and lowering"),
        ],
        [
            ("inspection_and_acceptance", "检查验收", "Inspection and acceptance"),
            SCAFFOLD_BOARDS,
            FRAME_PROTECTION,
            ("safe_operation", "安全作业", "Safe operation"),
        ],
    ),
    _split_table(
        "suspended_platform",
        "B.10",
        "高处作业吊篮",
        "Suspended work platform (gondola)",
        "scaffolding",
        [
            PLAN,
            SAFETY_DEVICES,
            ("suspension_mechanism", "悬挂机构", "Suspension mechanism"),
            ("wire_ropes", "钢丝绳", "Wire ropes"),
            ("installation", "安装作业", "Installation"),
            ("lifting_operation", "升降作业", "Raising and lowering"),
        ],
        [
            BRIEFING_ACCEPTANCE,
            SAFETY_PROTECTION,
            ("platform_stability", "吊篮稳定", "Platform stability"),
            LOADS,
        ],
    ),
    _split_table(
        "foundation_pit",
        "B.11",
        "基坑工程",
        "Foundation pit works",
        "foundation_pit",
        [
            PLAN,
            ("pit_support", "基坑支护", "Pit support"),
            ("dewatering", "降排水", "Dewatering and drainage"),
            ("excavation", "基坑开挖", "Excavation"),
            ("edge_loads", "坑边荷载", "Loads at the pit edge"),
            SAFETY_PROTECTION,
        ],
        [
            ("monitoring", "基坑监测", "Pit monitoring"),
            ("support_removal", "支撑拆除", "Removal of struts"),
            ("work_environment", "作业环境", "Working environment"),
            ("emergency_plan", "应急预案", "Emergency plan"),
        ],
    ),
    _split_table(
        "formwork_support",
        "B.12",
        "模板支架",
        "Formwork support",
        "formwork_support",
        [
            PLAN,
            ("support_foundation", "支架基础", "Support foundation"),
            ("support_construction", "支架构造", "Support construction"),
            ("support_stability", "支架稳定", "Support stability"),
            ("construction_loads", "施工荷载", "Construction loads"),
            BRIEFING_ACCEPTANCE,
        ],
        [
            CONNECTIONS,
            ("bases_and_jacks", "底座与托撑", "Base plates and U-head jacks"),
            MATERIALS,
            ("support_removal", "支架拆除", "Dismantling of the support"),
        ],
    ),
    _b13(),
    _b14(),
    _scored_table(
        "material_hoist",
        "B.15",
        "物料提升机",
        "Material hoist",
        "hoists",
        [
            (SAFETY_DEVICES, "15", True, BASIS_FACTS_UNCHECKED),
            (PROTECTIVE_FACILITIES, "15", True, BASIS_FACTS_UNCHECKED),
            (
                ("wall_ties_and_guys", "附墙架与缆风绳", "Wall ties and guy ropes"),
                "10",
                True,
                BASIS_FACTS_UNCHECKED,
            ),
            (("wire_ropes", "钢丝绳", "Wire ropes"), "10", True, BASIS_FACTS_UNCHECKED),
            (INSTALL_ACCEPT_USE, "10", True, BASIS_FACTS_UNCHECKED),
            (
                ("foundation_and_mast", "基础与导轨架", "Foundation and mast"),
                "10",
                False,
                BASIS_FACTS_UNCHECKED,
            ),
            (
                ("power_and_transmission", "动力与传动", "Power and transmission"),
                "10",
                False,
                BASIS_FACTS_UNCHECKED,
            ),
            (COMMUNICATION, "5", False, BASIS_FACTS_UNCHECKED),
            (
                ("winch_shed", "卷扬机操作棚", "Winch operator shed"),
                "10",
                False,
                BASIS_FACTS_UNCHECKED,
            ),
            (
                ("lightning_protection", "避雷装置", "Lightning protection"),
                "5",
                False,
                BASIS_FACTS_UNCHECKED,
            ),
        ],
    ),
    _split_table(
        "construction_hoist",
        "B.16",
        "施工升降机",
        "Construction hoist (elevator)",
        "hoists",
        [
            SAFETY_DEVICES,
            ("limit_devices", "限位装置", "Limit devices"),
            PROTECTIVE_FACILITIES,
            ("wall_ties", "附墙架", "Wall ties"),
            (
                "ropes_sheaves_counterweight",
                "钢丝绳、滑轮与对重",
                "Wire ropes, sheaves and counterweight",
            ),
            INSTALL_ACCEPT_USE,
        ],
        [
            ("mast", "导轨架", "Mast"),
            ("foundation", "基础", "Foundation"),
            ELECTRICAL_SAFETY,
            COMMUNICATION,
        ],
    ),
    _split_table(
        "tower_crane",
        "B.17",
        "塔式起重机",
        "Tower crane",
        "cranes",
        [
            ("load_limiters", "载荷限制装置", "Load limiting devices"),
            ("travel_limiters", "行程限位装置", "Travel limit devices"),
            ("protective_devices", "保护装置", "Protective devices"),
            (
                "hooks_sheaves_drums_ropes",
                "吊钩、滑轮、卷筒与钢丝绳",
                "Hooks, sheaves, drums and wire ropes",
            ),
            ("multi_crane_operation", "多塔作业", "Several cranes working together"),
            INSTALL_ACCEPT_USE,
        ],
        [
            ("tie_ins", "附着", "Tie-ins to the structure"),
            ("foundation_and_track", "基础与轨道", "Foundation and track"),
            ("structure", "结构设施", "Structural parts"),
            ELECTRICAL_SAFETY,
        ],
    ),
    _split_table(
        "lifting_operations",
        "B.18",
        "起重吊装",
        "Lifting operations",
        "cranes",
        [
            PLAN,
            ("lifting_machinery", "起重机械", "Lifting machinery"),
            ("ropes_and_anchors", "钢丝绳与地锚", "Wire ropes and ground anchors"),
            ("rigging", "索具", "Rigging"),
            ("work_environment", "作业环境", "Working environment"),
            ("operators", "作业人员", "Operators"),
        ],
        [
            ("lifting_work", "起重吊装", "Lifting work"),
            ("work_at_height", "高处作业", "Work at height"),
            ("component_stacking", "构件码放", "Stacking of components"),
            ("warning_and_watch", "警戒监护", "Cordoning and watch"),
        ],
    ),
    _b19(),
)

TABLES: dict[str, InspectionTable] = {table.key: table for table in TABLES_IN_ORDER}

# 表A 检查评分汇总表: weight B of each line, FACTS.md §4 (✅), total 100.
SUMMARY_ITEMS: tuple[SummaryItem, ...] = (
    SummaryItem(
        "safety_management",
        I18nText("安全管理", "Safety management"),
        Decimal("10"),
        ("safety_management",),
    ),
    SummaryItem(
        "civilised_construction",
        I18nText("文明施工", "Civilised construction"),
        Decimal("15"),
        ("civilised_construction",),
    ),
    SummaryItem(
        "scaffolding",
        I18nText("脚手架", "Scaffolding"),
        Decimal("10"),
        (
            "fastener_scaffold",
            "door_frame_scaffold",
            "cuplock_scaffold",
            "disc_lock_scaffold",
            "full_space_scaffold",
            "cantilever_scaffold",
            "attached_lifting_scaffold",
            "suspended_platform",
        ),
    ),
    SummaryItem(
        "foundation_pit",
        I18nText("基坑工程", "Foundation pit works"),
        Decimal("10"),
        ("foundation_pit",),
    ),
    SummaryItem(
        "formwork_support",
        I18nText("模板支架", "Formwork support"),
        Decimal("10"),
        ("formwork_support",),
    ),
    SummaryItem(
        "work_at_height",
        I18nText("高处作业", "Work at height"),
        Decimal("10"),
        ("work_at_height",),
    ),
    SummaryItem(
        "temporary_electricity",
        I18nText("施工用电", "Temporary electricity"),
        Decimal("10"),
        ("temporary_electricity",),
    ),
    SummaryItem(
        "hoists",
        I18nText("物料提升机与施工升降机", "Material hoists and construction hoists"),
        Decimal("10"),
        ("material_hoist", "construction_hoist"),
    ),
    SummaryItem(
        "cranes",
        I18nText("塔式起重机与起重吊装", "Tower cranes and lifting operations"),
        Decimal("10"),
        ("tower_crane", "lifting_operations"),
    ),
    SummaryItem(
        "construction_machinery",
        I18nText("施工机具", "Construction machinery and tools"),
        Decimal("5"),
        ("construction_machinery",),
    ),
)

SUMMARY_BY_KEY: dict[str, SummaryItem] = {s.key: s for s in SUMMARY_ITEMS}

# §5 grades: lowest total of each grade, best first; below the last one (or
# with any table at 0) the site fails.
GRADE_EXCELLENT = "excellent"
GRADE_PASS = "pass"  # noqa: S105 - a grade name, not a password
GRADE_FAIL = "fail"
GRADE_NAMES = {
    GRADE_EXCELLENT: I18nText("优良", "Excellent"),
    GRADE_PASS: I18nText("合格", "Pass"),
    GRADE_FAIL: I18nText("不合格", "Fail"),
}
GRADE_BOUNDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal("80"), GRADE_EXCELLENT),
    (Decimal("70"), GRADE_PASS),
)
