"""The ``jgj59`` rule against worked examples computed by hand from JGJ 59-2011.

Figures used throughout: B.1 安全管理 has six guarantee items and four
general items of 10 points each; tables scored 100 − deductions when nothing
is missing; summary weights B: 安全管理 10, 文明施工 15, 脚手架 10, 基坑工程 10,
模板支架 10, 高处作业 10, 施工用电 10, 物料提升机与施工升降机 10,
塔式起重机与起重吊装 10, 施工机具 5; A1 = B × C / 100.
"""

from decimal import Decimal

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator
from safegrid_construction import jgj59
from safegrid_construction import jgj59_data as data

from plugins.contributions import ScoringRule
from plugins.manager import build_plugin_manager
from plugins.pack_support.scoring import ScoringInputError


def table(key, general_deduction=0, **overrides):
    """Table ``key`` with every item at full score, then ``general_deduction``
    points taken off its general items (all items of a table without a
    split) in order, then the per-item ``overrides``."""
    spec = data.TABLES[key]
    items = {item.key: {"deduction": 0} for item in spec.items}
    left = Decimal(str(general_deduction))
    for item in spec.items:
        if item.guarantee:
            continue
        take = min(left, item.full_score)
        if take:
            items[item.key] = {"deduction": float(take)}
        left -= take
    assert left == 0, "more deduction than the general items hold"
    items.update(overrides)
    return {"items": items}


def score(**tables):
    return jgj59.evaluate({"tables": tables})


def deduct(points):
    return {"deduction": points}


MISSING = {"missing": True}


# -- the guarantee-item rule --------------------------------------------------------


def test_guarantee_items_below_the_floor_zero_the_table():
    """B.1 with 4 points off each of its six guarantee items, general items full.

    Guarantee subtotal = 6 × (10 − 4) = 36 < 40 → the table scores 0, although
    its items add up to 36 + 40 = 76. A table at 0 fails the site.
    """
    result = score(
        safety_management=table(
            "safety_management",
            **{
                item.key: deduct(4)
                for item in data.TABLES["safety_management"].guarantee_items
            },
        )
    )
    sheet = result["tables"]["safety_management"]
    assert sheet["points_scored"] == 76.0
    assert sheet["guarantee_subtotal"] == 36.0
    assert sheet["score"] == 0.0
    assert sheet["zeroed"] is True
    assert sheet["zero_reason"]["code"] == "guarantee_below_floor"
    assert result["total"] == 0.0
    assert result["grade"] == "fail"
    assert result["zeroed_tables"] == ["safety_management"]


def test_guarantee_subtotal_of_exactly_40_is_not_below_the_floor():
    """4 points off five guarantee items: subtotal = 60 − 20 = 40, not below 40.

    C = 40 + 40 = 80 → total 80 → excellent.
    """
    guarantee = data.TABLES["safety_management"].guarantee_items[:5]
    result = score(
        safety_management=table(
            "safety_management", **{item.key: deduct(4) for item in guarantee}
        )
    )
    sheet = result["tables"]["safety_management"]
    assert (sheet["guarantee_subtotal"], sheet["zeroed"], sheet["score"]) == (
        40.0,
        False,
        80.0,
    )
    assert result["grade"] == "excellent"


def test_one_guarantee_item_at_zero_zeroes_the_table():
    """B.1 with 安全生产责任制 fully deducted (10 → 0), everything else full.

    Guarantee subtotal 50 ≥ 40, items add up to 90, but a guarantee item at
    0 makes the table score 0.
    """
    with translation.override("en"):
        result = score(
            safety_management=table(
                "safety_management", responsibility_system=deduct(10)
            )
        )
    sheet = result["tables"]["safety_management"]
    assert sheet["guarantee_subtotal"] == 50.0
    assert sheet["score"] == 0.0
    assert sheet["zero_reason"]["code"] == "guarantee_item_zero"
    assert sheet["zero_reason"]["items"] == ["responsibility_system"]
    assert "Safety responsibility system" in sheet["zero_reason"]["message"]
    assert result["grade"] == "fail"


def test_the_guarantee_rule_on_table_b14_with_its_own_item_scores():
    """B.14: 接地与接零 20 − 6 = 14, 配电箱与开关箱 20 − 15 = 5, others full.

    Guarantee subtotal = 10 + 14 + 10 + 5 = 39 < 40 → 0.
    """
    result = score(
        temporary_electricity=table(
            "temporary_electricity",
            earthing_and_neutral=deduct(6),
            distribution_boxes=deduct(15),
        )
    )
    sheet = result["tables"]["temporary_electricity"]
    assert sheet["guarantee_subtotal"] == 39.0
    assert sheet["score"] == 0.0


def test_tables_without_a_guarantee_split_are_not_zeroed_by_one_item():
    """B.13 高处作业: 安全帽 fully deducted (10 → 0): C = 90, not zeroed."""
    result = score(work_at_height=table("work_at_height", safety_helmets=deduct(10)))
    sheet = result["tables"]["work_at_height"]
    assert (sheet["score"], sheet["zeroed"]) == (90.0, False)
    assert sheet["guarantee_subtotal"] is None
    assert sheet["guarantee_on_60"] is None
    assert result["grade"] == "excellent"


# -- items ----------------------------------------------------------------------------


def test_deductions_are_capped_at_the_item_full_score():
    """15 points off 生产安全事故处理 (a general item of 10): only 10 count.

    C = 100 − 10 = 90, not 85.
    """
    result = score(
        safety_management=table("safety_management", accident_handling=deduct(15))
    )
    sheet = result["tables"]["safety_management"]
    row = next(r for r in sheet["items"] if r["key"] == "accident_handling")
    assert (row["deduction"], row["capped"], row["score"]) == (15.0, True, 0.0)
    assert sheet["score"] == 90.0


def test_scores_may_be_given_instead_of_deductions():
    result = score(
        safety_management=table("safety_management", safety_signs={"score": 7.5})
    )
    assert result["tables"]["safety_management"]["score"] == 97.5


def test_missing_items_are_rescaled():
    """B.1 with 应急救援 (guarantee) and 安全标志 (general) missing, 2 off 安全生产责任制.

    D = 80 − 2 = 78 points on E = 80 points checked → C = 78 / 80 × 100 = 97.5.
    Guarantee: 48 of the 50 points checked → 48 × 60 / 50 = 57.6 on a 60 basis.
    """
    result = score(
        safety_management=table(
            "safety_management",
            emergency_rescue=MISSING,
            safety_signs=MISSING,
            responsibility_system=deduct(2),
        )
    )
    sheet = result["tables"]["safety_management"]
    assert (sheet["points_scored"], sheet["points_checked"]) == (78.0, 80.0)
    assert sheet["score"] == 97.5
    assert sheet["guarantee_on_60"] == 57.6


def test_missing_guarantee_items_are_scaled_to_60_before_the_floor():
    """应急救援 missing; 4 off each of four other guarantee items.

    Guarantee: 50 − 16 = 34 of 50 points checked. Compared unscaled, 34 < 40
    would zero the table; scaled, 34 × 60 / 50 = 40.8 ≥ 40, so it stands:
    C = (34 + 40) / 90 × 100 = 82.22… (shown 82.22).
    One more point off: 33 × 60 / 50 = 39.6 < 40 → 0.
    """
    guarantee = ["responsibility_system", "construction_plans", "technical_briefing"]
    stands = table(
        "safety_management",
        emergency_rescue=MISSING,
        safety_inspection=deduct(4),
        **{key: deduct(4) for key in guarantee},
    )
    sheet = score(safety_management=stands)["tables"]["safety_management"]
    assert (sheet["guarantee_subtotal"], sheet["guarantee_on_60"]) == (34.0, 40.8)
    assert sheet["score"] == 82.22

    falls = table(
        "safety_management",
        emergency_rescue=MISSING,
        safety_inspection=deduct(5),
        **{key: deduct(4) for key in guarantee},
    )
    sheet = score(safety_management=falls)["tables"]["safety_management"]
    assert sheet["guarantee_on_60"] == 39.6
    assert sheet["score"] == 0.0
    assert sheet["zero_reason"]["code"] == "guarantee_below_floor"


# -- summary --------------------------------------------------------------------------


def test_group_means_of_the_tables_checked():
    """脚手架: 扣件式 90 and 悬挑式 75 → mean 82.5 → A1 = 10 × 82.5 / 100 = 8.25.

    Only this line is checked, so total = 8.25 / 10 × 100 = 82.5.
    """
    result = score(
        fastener_scaffold=table("fastener_scaffold", 10),
        cantilever_scaffold=table("cantilever_scaffold", 25),
    )
    line = next(row for row in result["summary"] if row["key"] == "scaffolding")
    assert line["tables"] == ["fastener_scaffold", "cantilever_scaffold"]
    assert (line["score"], line["A1"]) == (82.5, 8.25)
    assert result["total"] == 82.5


def test_group_mean_of_three_tables_is_exact():
    """脚手架: 100, 70, 70 → mean 240 / 3 = 80 exactly → total 80 → excellent."""
    result = score(
        fastener_scaffold=table("fastener_scaffold"),
        cuplock_scaffold=table("cuplock_scaffold", 30),
        suspended_platform=table("suspended_platform", 30),
    )
    assert result["total"] == 80.0
    assert result["grade"] == "excellent"


def test_hoists_and_cranes_take_the_mean_of_their_tables():
    """物料提升机 80, 施工升降机 90 → 85; 塔式起重机 90, 起重吊装 70 → 80.

    A1: 10 × 85 / 100 = 8.5 and 10 × 80 / 100 = 8; total = 16.5 / 20 × 100 = 82.5.
    """
    result = score(
        material_hoist=table("material_hoist", 20),
        construction_hoist=table("construction_hoist", 10),
        tower_crane=table("tower_crane", 10),
        lifting_operations=table("lifting_operations", 30),
    )
    lines = {row["key"]: row for row in result["summary"]}
    assert (lines["hoists"]["score"], lines["hoists"]["A1"]) == (85.0, 8.5)
    assert (lines["cranes"]["score"], lines["cranes"]["A1"]) == (80.0, 8.0)
    assert result["total"] == 82.5


def full_site(**overrides):
    """Every summary line checked; tables chosen so the sums are easy by hand."""
    tables = {
        "safety_management": table("safety_management", 10),  # 90
        "civilised_construction": table("civilised_construction", 20),  # 80
        "fastener_scaffold": table("fastener_scaffold", 10),  # 90
        "cuplock_scaffold": table("cuplock_scaffold", 20),  # 80
        "foundation_pit": table("foundation_pit"),  # 100
        "formwork_support": table("formwork_support", 30),  # 70
        "work_at_height": table("work_at_height", 10),  # 90
        "temporary_electricity": table("temporary_electricity", 15),  # 85
        "material_hoist": table("material_hoist", 20),  # 80
        "construction_hoist": table("construction_hoist", 10),  # 90
        "tower_crane": table("tower_crane", 10),  # 90
        "construction_machinery": table("construction_machinery"),  # 100
    }
    tables.update(overrides)
    return {"tables": tables}


def test_the_weighted_summary():
    """All ten lines checked.

    A1 = B × C / 100: 安全管理 10 × 90 = 9; 文明施工 15 × 80 = 12;
    脚手架 10 × (90 + 80) / 2 = 8.5; 基坑 10 × 100 = 10; 模板支架 10 × 70 = 7;
    高处作业 10 × 90 = 9; 施工用电 10 × 85 = 8.5; 提升机与升降机 10 × (80 + 90) / 2
    = 8.5; 塔吊与吊装 10 × 90 = 9 (only the tower crane checked); 施工机具 5 × 100 = 5.
    Total = 9 + 12 + 8.5 + 10 + 7 + 9 + 8.5 + 8.5 + 9 + 5 = 86.5 → excellent.
    """
    result = jgj59.evaluate(full_site())
    assert [row["A1"] for row in result["summary"]] == [
        9.0,
        12.0,
        8.5,
        10.0,
        7.0,
        9.0,
        8.5,
        8.5,
        9.0,
        5.0,
    ]
    assert result["checked_weight"] == 100.0
    assert result["rescaled_for_missing_lines"] is False
    assert result["total"] == 86.5
    assert result["value"] == 86.5
    assert result["grade"] == "excellent"
    assert result["grade_zh"] == "优良"
    assert result["fail_reasons"] == []


def test_missing_summary_lines_are_rescaled():
    """Only 安全管理 (90) and 文明施工 (80) checked.

    Σ A1 = 9 + 12 = 21 on Σ B = 25 → total = 21 / 25 × 100 = 84.
    """
    result = score(
        safety_management=table("safety_management", 10),
        civilised_construction=table("civilised_construction", 20),
    )
    assert result["checked_weight"] == 25.0
    assert result["rescaled_for_missing_lines"] is True
    assert result["total"] == 84.0
    assert [row["checked"] for row in result["summary"]].count(True) == 2


@pytest.mark.parametrize(
    ("general_deduction", "total", "grade"),
    [
        (20, 80.0, "excellent"),  # total exactly 80
        (20.01, 79.99, "pass"),
        (30, 70.0, "pass"),  # total exactly 70
        (30.01, 69.99, "fail"),
    ],
)
def test_each_grade_boundary(general_deduction, total, grade):
    """Only 安全管理 checked, so total = C = 100 − the general deduction."""
    result = score(safety_management=table("safety_management", general_deduction))
    assert result["total"] == total
    assert result["grade"] == grade


def test_a_zero_table_fails_the_site_even_with_a_high_total():
    """Every table full (100) but 悬挑式脚手架 zeroed by its guarantee items.

    脚手架 = (100 + 0) / 2 = 50 → A1 = 5; every other line scores its full weight:
    total = 100 − 10 + 5 = 95, still 不合格 because a table scores 0.
    """
    full = {
        key: table(key)
        for key in (
            "safety_management",
            "civilised_construction",
            "foundation_pit",
            "formwork_support",
            "work_at_height",
            "temporary_electricity",
            "material_hoist",
            "tower_crane",
            "construction_machinery",
        )
    }
    zeroed = table("cantilever_scaffold", construction_plan=deduct(10))
    result = score(
        fastener_scaffold=table("fastener_scaffold"), cantilever_scaffold=zeroed, **full
    )
    assert result["total"] == 95.0
    assert result["grade"] == "fail"
    assert result["zeroed_tables"] == ["cantilever_scaffold"]
    assert [reason["code"] for reason in result["fail_reasons"]] == ["table_zero"]


def test_a_table_with_no_points_is_zero_too():
    """施工机具 with every item fully deducted: 0 points → the site fails."""
    machinery = data.TABLES["construction_machinery"]
    result = score(
        construction_machinery=table(
            "construction_machinery",
            **{item.key: deduct(float(item.full_score)) for item in machinery.items},
        )
    )
    assert (
        result["tables"]["construction_machinery"]["zero_reason"]["code"] == "no_points"
    )
    assert result["grade"] == "fail"


# -- validation ------------------------------------------------------------------------


def test_unknown_tables_and_items_are_refused():
    payload = {
        "tables": {
            "scaffold": table("fastener_scaffold"),
            "safety_management": table("safety_management", lunch_breaks=deduct(1)),
        }
    }
    with translation.override("en"):
        problems = jgj59.validate(payload)
        with pytest.raises(ScoringInputError):
            jgj59.evaluate(payload)
    assert [p["path"] for p in problems] == [
        "/tables/safety_management/items/lunch_breaks",
        "/tables/scaffold",
    ]
    assert "Unknown inspection table" in problems[1]["message"]


def test_every_item_of_a_checked_table_must_be_answered():
    sheet = table("safety_management")
    del sheet["items"]["safety_signs"]
    with translation.override("en"):
        problems = jgj59.validate({"tables": {"safety_management": sheet}})
    assert problems == [
        {
            "path": "/tables/safety_management/items/safety_signs",
            "message": "Enter this item's deduction (0 if none) or score, or mark it missing.",
        }
    ]


def test_scores_above_the_full_score_and_negative_deductions_are_refused():
    sheet = table(
        "temporary_electricity",
        external_line_protection={"score": 12},
        site_lighting=deduct(-1),
    )
    problems = jgj59.validate({"tables": {"temporary_electricity": sheet}})
    assert [p["path"] for p in problems] == [
        "/tables/temporary_electricity/items/external_line_protection/score",
        "/tables/temporary_electricity/items/site_lighting/deduction",
    ]


def test_an_item_takes_exactly_one_answer():
    sheet = table("safety_management", safety_signs={"deduction": 1, "missing": True})
    with translation.override("en"):
        problems = jgj59.validate({"tables": {"safety_management": sheet}})
    assert problems == [
        {
            "path": "/tables/safety_management/items/safety_signs",
            "message": "Give exactly one of: deduction, score, missing.",
        }
    ]


def test_a_table_with_every_item_or_every_guarantee_item_missing_is_refused():
    all_missing = table(
        "foundation_pit",
        **{i.key: MISSING for i in data.TABLES["foundation_pit"].items},
    )
    guarantee_missing = table(
        "foundation_pit",
        **{i.key: MISSING for i in data.TABLES["foundation_pit"].guarantee_items},
    )
    assert [
        p["path"] for p in jgj59.validate({"tables": {"foundation_pit": all_missing}})
    ] == ["/tables/foundation_pit"]
    assert [
        p["path"]
        for p in jgj59.validate({"tables": {"foundation_pit": guarantee_missing}})
    ] == ["/tables/foundation_pit"]


def test_nothing_checked_is_refused():
    assert [p["path"] for p in jgj59.validate({"tables": {}})] == ["/tables"]


# -- data ------------------------------------------------------------------------------

# FACTS.md §4: each table's 保证项目 and 一般项目 (or its items, without a split).
FACTS_ITEMS = {
    "safety_management": (
        [
            "安全生产责任制",
            "施工组织设计及专项施工方案",
            "安全技术交底",
            "安全检查",
            "安全教育",
            "应急救援",
        ],
        ["分包单位安全管理", "持证上岗", "生产安全事故处理", "安全标志"],
    ),
    "civilised_construction": (
        ["现场围挡", "封闭管理", "施工场地", "材料管理", "现场办公与住宿", "现场防火"],
        ["综合治理", "公示标牌", "生活设施", "社区服务"],
    ),
    "fastener_scaffold": (
        [
            "施工方案",
            "立杆基础",
            "架体与建筑结构拉结",
            "杆件间距与剪刀撑",
            "脚手板与防护栏杆",
            "交底与验收",
        ],
        ["横向水平杆设置", "杆件连接", "层间防护", "构配件材质", "通道"],
    ),
    "door_frame_scaffold": (
        ["施工方案", "架体基础", "架体稳定", "杆件锁臂", "脚手板", "交底与验收"],
        ["架体防护", "构配件材质", "荷载", "通道"],
    ),
    "cuplock_scaffold": (
        ["施工方案", "架体基础", "架体稳定", "杆件锁件", "脚手板", "交底与验收"],
        ["架体防护", "构配件材质", "荷载", "通道"],
    ),
    "disc_lock_scaffold": (
        ["施工方案", "架体基础", "架体稳定", "杆件设置", "脚手板", "交底与验收"],
        ["架体防护", "杆件连接", "构配件材质", "通道"],
    ),
    "full_space_scaffold": (
        ["施工方案", "架体基础", "架体稳定", "杆件锁件", "脚手板", "交底与验收"],
        ["架体防护", "构配件材质", "荷载", "通道"],
    ),
    "cantilever_scaffold": (
        ["施工方案", "悬挑钢梁", "架体稳定", "脚手板", "荷载", "交底与验收"],
        ["杆件间距", "架体防护", "层间防护", "构配件材质"],
    ),
    "attached_lifting_scaffold": (
        ["施工方案", "安全装置", "架体构造", "附着支座", "架体安装", "架体升降"],
        ["检查验收", "脚手板", "架体防护", "安全作业"],
    ),
    "suspended_platform": (
        ["施工方案", "安全装置", "悬挂机构", "钢丝绳", "安装作业", "升降作业"],
        ["交底与验收", "安全防护", "吊篮稳定", "荷载"],
    ),
    "foundation_pit": (
        ["施工方案", "基坑支护", "降排水", "基坑开挖", "坑边荷载", "安全防护"],
        ["基坑监测", "支撑拆除", "作业环境", "应急预案"],
    ),
    "formwork_support": (
        ["施工方案", "支架基础", "支架构造", "支架稳定", "施工荷载", "交底与验收"],
        ["杆件连接", "底座与托撑", "构配件材质", "支架拆除"],
    ),
    "work_at_height": (
        [],
        [
            "安全帽",
            "安全网",
            "安全带",
            "临边防护",
            "洞口防护",
            "通道口防护",
            "攀登作业",
            "悬空作业",
            "移动式操作平台",
            "悬挑式物料钢平台",
        ],
    ),
    "temporary_electricity": (
        ["外电防护", "接地与接零保护系统", "配电线路", "配电箱与开关箱"],
        ["配电室与配电装置", "现场照明", "用电档案"],
    ),
    "material_hoist": (
        ["安全装置", "防护设施", "附墙架与缆风绳", "钢丝绳", "安拆、验收与使用"],
        ["基础与导轨架", "动力与传动", "通信装置", "卷扬机操作棚", "避雷装置"],
    ),
    "construction_hoist": (
        [
            "安全装置",
            "限位装置",
            "防护设施",
            "附墙架",
            "钢丝绳、滑轮与对重",
            "安拆、验收与使用",
        ],
        ["导轨架", "基础", "电气安全", "通信装置"],
    ),
    "tower_crane": (
        [
            "载荷限制装置",
            "行程限位装置",
            "保护装置",
            "吊钩、滑轮、卷筒与钢丝绳",
            "多塔作业",
            "安拆、验收与使用",
        ],
        ["附着", "基础与轨道", "结构设施", "电气安全"],
    ),
    "lifting_operations": (
        ["施工方案", "起重机械", "钢丝绳与地锚", "索具", "作业环境", "作业人员"],
        ["起重吊装", "高处作业", "构件码放", "警戒监护"],
    ),
    "construction_machinery": (
        [],
        [
            "平刨",
            "圆盘锯",
            "手持电动工具",
            "钢筋机械",
            "电焊机",
            "搅拌机",
            "气瓶",
            "翻斗车",
            "潜水泵",
            "振捣器",
            "桩工机械",
        ],
    ),
}


def test_the_19_tables_hold_the_items_of_the_facts_exactly():
    assert len(data.TABLES) == 19
    assert [t.number for t in data.TABLES_IN_ORDER] == [f"B.{n}" for n in range(1, 20)]
    for key, (guarantee, general) in FACTS_ITEMS.items():
        spec = data.TABLES[key]
        assert [i.name.zh_hans for i in spec.items if i.guarantee] == guarantee, key
        assert [i.name.zh_hans for i in spec.items if not i.guarantee] == general, key


def test_tables_without_a_split_are_b13_and_b19():
    unsplit = [t.key for t in data.TABLES_IN_ORDER if not t.has_guarantee_split]
    assert unsplit == ["work_at_height", "construction_machinery"]


def test_every_table_totals_100_with_guarantee_items_totalling_60():
    for spec in data.TABLES_IN_ORDER:
        assert sum(i.full_score for i in spec.items) == 100, spec.key
        if spec.has_guarantee_split:
            assert sum(i.full_score for i in spec.guarantee_items) == 60, spec.key


def test_item_scores_given_by_the_facts():
    b1 = data.TABLES["safety_management"]
    assert {i.full_score for i in b1.items} == {Decimal("10")}
    assert {i.basis for i in b1.items} == {data.BASIS_STANDARD}
    b14 = {i.key: i.full_score for i in data.TABLES["temporary_electricity"].items}
    assert b14 == {
        "external_line_protection": 10,
        "earthing_and_neutral": 20,
        "distribution_lines": 10,
        "distribution_boxes": 20,
        "distribution_room": 15,
        "site_lighting": 15,
        "electrical_records": 10,
    }
    b3 = {i.key: i.full_score for i in data.TABLES["fastener_scaffold"].items}
    assert b3 == {
        "construction_plan": 10,
        "pole_foundation": 10,
        "wall_ties": 10,
        "spacing_and_bracing": 10,
        "boards_and_guardrails": 10,
        "briefing_and_acceptance": 10,
        "transverse_ledgers": 10,
        "member_connections": 10,
        "interlayer_protection": 10,
        "component_materials": 5,
        "access_way": 5,
    }
    b15 = {i.key: i.full_score for i in data.TABLES["material_hoist"].items}
    assert b15 == {
        "safety_devices": 15,
        "protective_facilities": 15,
        "wall_ties_and_guys": 10,
        "wire_ropes": 10,
        "installation_acceptance_use": 10,
        "foundation_and_mast": 10,
        "power_and_transmission": 10,
        "communication": 5,
        "winch_shed": 10,
        "lightning_protection": 5,
    }
    b19 = {i.key: i for i in data.TABLES["construction_machinery"].items}
    assert {key: item.full_score for key, item in b19.items()} == {
        "planers": 10,
        "circular_saws": 10,
        "hand_power_tools": 8,
        "rebar_machinery": 10,
        "welding_machines": 10,
        "mixers": 10,
        "gas_cylinders": 8,
        "dumpers": 8,
        "submersible_pumps": 6,
        "vibrators": 8,
        "piling_machinery": 12,
    }
    assert b19["planers"].mark == "✅"
    assert {k for k, i in b19.items() if i.mark == "◐"} == {
        "mixers",
        "gas_cylinders",
        "dumpers",
    }


# -- the corrected item scores, each with a deduction at an item's full score --------


def test_b3_materials_and_access_way_are_worth_5_each():
    """B.3: 构配件材质 and 通道 are 5 points each.

    Both deducted in full: 100 − 5 − 5 = 90. A deduction of 10 asked on
    构配件材质 is capped at its 5 points: 100 − 5 = 95 (an item worth 8
    would have given 92).
    """
    sheet = score(
        fastener_scaffold=table(
            "fastener_scaffold",
            component_materials=deduct(5),
            access_way=deduct(5),
        )
    )["tables"]["fastener_scaffold"]
    assert sheet["score"] == 90.0
    capped = score(
        fastener_scaffold=table("fastener_scaffold", component_materials=deduct(10))
    )["tables"]["fastener_scaffold"]
    assert capped["score"] == 95.0
    [row] = [r for r in capped["items"] if r["key"] == "component_materials"]
    assert (row["full_score"], row["score"], row["capped"]) == (5.0, 0.0, True)


def test_b15_safety_devices_worth_15_keep_the_table_after_12_points_off():
    """B.15: 安全装置 is worth 15. 12 points off leaves it 3 (not 0).

    Guarantee subtotal = 3 + 15 + 10 + 10 + 10 = 48 ≥ 40 and no guarantee item
    at 0, so the table scores 100 − 12 = 88. Worth 12, it would have scored 0
    and zeroed the table.
    """
    sheet = score(material_hoist=table("material_hoist", safety_devices=deduct(12)))[
        "tables"
    ]["material_hoist"]
    assert (sheet["guarantee_subtotal"], sheet["zeroed"], sheet["score"]) == (
        48.0,
        False,
        88.0,
    )


def test_b15_safety_devices_deducted_in_full_zero_the_table():
    """15 points off 安全装置 (its full score): a guarantee item at 0 → table 0."""
    sheet = score(material_hoist=table("material_hoist", safety_devices=deduct(15)))[
        "tables"
    ]["material_hoist"]
    assert sheet["score"] == 0.0
    assert sheet["zero_reason"]["code"] == "guarantee_item_zero"


def test_b15_communication_and_lightning_are_worth_5_each():
    """通信装置 and 避雷装置 deducted in full: 100 − 5 − 5 = 90; 8 asked on
    通信装置 is capped at 5: 95."""
    both = score(
        material_hoist=table(
            "material_hoist",
            communication=deduct(5),
            lightning_protection=deduct(5),
        )
    )["tables"]["material_hoist"]
    assert both["score"] == 90.0
    capped = score(material_hoist=table("material_hoist", communication=deduct(8)))
    assert capped["tables"]["material_hoist"]["score"] == 95.0


@pytest.mark.parametrize(
    ("item", "full"),
    [
        ("planers", 10),
        ("circular_saws", 10),
        ("hand_power_tools", 8),
        ("rebar_machinery", 10),
        ("welding_machines", 10),
        ("mixers", 10),
        ("gas_cylinders", 8),
        ("dumpers", 8),
        ("submersible_pumps", 6),
        ("vibrators", 8),
        ("piling_machinery", 12),
    ],
)
def test_b19_items_deducted_in_full(item, full):
    """B.19 has no guarantee items: an item deducted in full (or beyond, capped)
    takes exactly its own points off 100."""
    for asked in (full, full + 5):
        sheet = score(
            construction_machinery=table(
                "construction_machinery", **{item: deduct(asked)}
            )
        )["tables"]["construction_machinery"]
        assert sheet["score"] == 100.0 - full
        assert sheet["zeroed"] is False


def test_summary_weights_and_groups():
    weights = {line.name.zh_hans: line.weight for line in data.SUMMARY_ITEMS}
    assert weights == {
        "安全管理": 10,
        "文明施工": 15,
        "脚手架": 10,
        "基坑工程": 10,
        "模板支架": 10,
        "高处作业": 10,
        "施工用电": 10,
        "物料提升机与施工升降机": 10,
        "塔式起重机与起重吊装": 10,
        "施工机具": 5,
    }
    assert sum(weights.values()) == 100
    owned = [key for line in data.SUMMARY_ITEMS for key in line.tables]
    assert sorted(owned) == sorted(data.TABLES)
    sizes = {
        line.key: len(line.tables)
        for line in data.SUMMARY_ITEMS
        if len(line.tables) > 1
    }
    assert sizes == {"scaffolding": 8, "hoists": 2, "cranes": 2}


# -- contract ----------------------------------------------------------------------------


def test_input_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(jgj59.INPUT_SCHEMA)


def test_the_pack_contributes_the_rule_through_its_entry_point():
    manager = build_plugin_manager(["construction"])
    rules = {
        rule.key: (n, rule) for n, rule in manager.collect("safegrid_scoring_rules")
    }
    pack, rule = rules["jgj59"]
    assert pack == "construction"
    assert isinstance(rule, ScoringRule)
    assert rule.problems() == []
    assert rule.evaluate(full_site())["total"] == 86.5
