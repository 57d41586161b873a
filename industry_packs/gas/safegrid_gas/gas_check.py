"""Scoring rule ``gas_check``: gas operator safety inspection score.

Our own method (see ``checklist_scoring`` and the pack README): a
deduction-based score of the checklist's scored items, pass mark 80 unless
the input sets another, and an automatic fail when any of the 22 criteria of 《城镇燃气经营
安全重大隐患判定标准》(建城规〔2023〕4号, Arts. 4–10) is answered
non-compliant — except that an Art. 9 finding during a user safety check is a
major hazard only when the operator did not notify the user in writing
(FACTS-2.md §1, build note). Art. 10 is the catch-all and needs a note.

The criteria texts are short paraphrases in our own words; the official text
governs.
"""

from __future__ import annotations

from typing import Any

from plugins.contributions import I18nText, ScoringRule
from plugins.pack_support.checklist_method import ChecklistMethod, Criterion
from safegrid_gas import data

KEY = "gas_check"
STANDARD = I18nText(
    zh_hans="建城规〔2023〕4号《城镇燃气经营安全重大隐患判定标准》",
    en="JianChengGui [2023] No. 4, criteria for major hazards in urban gas operation",
)
TITLE = I18nText(
    zh_hans="燃气经营企业安全检查评分",
    en="Gas operator safety inspection score",
)
DESCRIPTION = I18nText(
    zh_hans=(
        "平台自定方法：检查项目按扣分计分（折算为百分制），默认80分合格；"
        "发现建城规〔2023〕4号所列任一重大隐患即判定不合格（第九条须为未书面告知用户整改）。"
    ),
    en=(
        "SafeGrid's own method: checklist items scored by deduction (scaled to "
        "100), pass mark 80 by default; any major hazard of JianChengGui [2023] "
        "No. 4 fails the inspection (Art. 9 only when the user was not notified "
        "in writing)."
    ),
)

_NUMERALS = {4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_ITEM_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}


def _criterion(
    article: int,
    item: int | None,
    zh: str,
    en: str,
    group: str,
    **flags: bool,
) -> Criterion:
    if item is None:
        key = f"art{article}"
        label = I18nText(f"第{_NUMERALS[article]}条", f"Art. {article}")
    else:
        key = f"art{article}_{item}"
        label = I18nText(
            f"第{_NUMERALS[article]}条第（{_ITEM_NUMERALS[item]}）项",
            f"Art. {article}({item})",
        )
    return Criterion(key, label, I18nText(zh, en), group=group, **flags)


USER_CHECK = {"major_only_if_not_notified": True}

CRITERIA: tuple[Criterion, ...] = (
    # Art. 4 安全生产管理
    _criterion(
        4,
        1,
        "无燃气经营许可证即经营燃气。",
        "Operating without a gas business licence.",
        "management",
    ),
    _criterion(
        4,
        2,
        "没有安全风险分级管控制度。",
        "No system for graded control of safety risks.",
        "management",
    ),
    _criterion(
        4,
        3,
        "没有事故隐患排查治理制度。",
        "No system for investigating and remedying accident hazards.",
        "management",
    ),
    _criterion(
        4,
        4,
        "没有生产安全事故应急救援预案。",
        "No emergency rescue plan for production safety accidents.",
        "management",
    ),
    _criterion(
        4,
        5,
        "没有定期检查用户燃气设施安全的制度。",
        "No system of periodic safety checks of users' gas facilities.",
        "management",
    ),
    # Art. 5 燃气厂站
    _criterion(
        5,
        1,
        "储罐无压力、容积或液位监测，或无超限报警。",
        "A storage tank lacks pressure, volume or level monitoring, or over-limit alarms.",
        "stations",
    ),
    _criterion(
        5,
        2,
        "厂站设备、管道没有防压力超限的自动切断和放散措施。",
        "Station equipment and pipework lack automatic cut-off and venting against over-limit pressure.",
        "stations",
    ),
    _criterion(
        5,
        3,
        "CNG、LNG、LPG装卸系统没有防装卸软管拉脱的联锁保护。",
        "CNG, LNG or LPG (un)loading systems lack an interlock against hose pull-off.",
        "stations",
    ),
    _criterion(
        5,
        4,
        "爆炸危险区内电气、仪表设备的防爆等级低于该区要求。",
        "Electrical or instrument equipment in an explosion-hazard zone is not explosion-proof to the zone's grade.",
        "stations",
    ),
    _criterion(
        5,
        5,
        "泄漏可达爆炸下限20%的区域或建筑内没有固定式可燃气体报警器。",
        "No fixed combustible-gas alarm where a leak could reach 20% of the lower explosive limit.",
        "stations",
    ),
    # Art. 6 燃气管道和调压设施
    _criterion(
        6,
        1,
        "建筑物、构筑物等设施压占中压及以上埋地管道的保护范围。",
        "Buildings, structures or other facilities occupy the protection zone of buried mains of medium pressure and above.",
        "pipelines",
    ),
    _criterion(
        6,
        2,
        "输配管道敷设于排水、供水、热力、电缆等管沟或城市交通、轨道交通隧道、地下人行通道内（确需穿越且防护有效的除外）。",
        "Distribution pipes laid in drains, water conduits, heating or cable trenches, road or metro tunnels or underground walkways, other than a needed and effectively protected crossing.",
        "pipelines",
    ),
    _criterion(
        6,
        3,
        "调压设施没有防出口压力超过下游允许值的保护。",
        "A regulator lacks protection against outlet pressure above what the downstream allows.",
        "pipelines",
    ),
    # Art. 7 气瓶
    _criterion(
        7,
        1,
        "未经许可为不属于本单位的气瓶充装。",
        "Filling cylinders the operator does not own without authorisation.",
        "cylinders",
    ),
    _criterion(
        7,
        2,
        "销售未经许可的充装单位充装的瓶装燃气。",
        "Selling bottled gas filled by a filling unit without the required licence.",
        "cylinders",
    ),
    _criterion(
        7,
        3,
        "销售充装单位为非自有气瓶充装的瓶装气。",
        "Selling bottled gas that a filling unit put into cylinders it does not own.",
        "cylinders",
    ),
    # Art. 8 (whole article)
    _criterion(
        8,
        None,
        "供应不具有标准要求的警示性臭味的燃气。",
        "Supplying gas without the warning odour the standards require.",
        "odorisation",
    ),
    # Art. 9 user safety checks: major only if not notified in writing.
    _criterion(
        9,
        1,
        "入户检查发现：相对密度≥0.75的燃气（如液化石油气）的管道、调压器或燃具位于地下室、半地下室等地下密闭空间，且未书面告知用户整改。",
        "User check found gas with relative density ≥ 0.75 piped, regulated or used in a basement or other closed underground space, and no written notice was given.",
        "user_checks",
        **USER_CHECK,
    ),
    _criterion(
        9,
        2,
        "入户检查发现：引入管、立管或水平干管位于卫生间内，且未书面告知用户整改。",
        "User check found a service riser, riser or horizontal main inside a toilet or bathroom, and no written notice was given.",
        "user_checks",
        **USER_CHECK,
    ),
    _criterion(
        9,
        3,
        "入户检查发现：燃气管道、管件或燃具位于卧室、客房等住人或休息的房间，且未书面告知用户整改。",
        "User check found gas pipes, fittings or appliances in a bedroom, guest room or other room for living or sleeping, and no written notice was given.",
        "user_checks",
        **USER_CHECK,
    ),
    _criterion(
        9,
        4,
        "入户检查发现：使用国家明令淘汰的燃具或连接软管，且未书面告知用户整改。",
        "User check found gas appliances or hoses the state has ordered phased out, and no written notice was given.",
        "user_checks",
        **USER_CHECK,
    ),
    # Art. 10 catch-all
    _criterion(
        10,
        None,
        "其他严重违反燃气法规标准、有造成群死群伤或重大经济损失现实危险的情形（须写明具体情形）。",
        "Any other serious breach of gas law or standards with a real danger of mass casualties or major loss (state what was found).",
        "other",
        catch_all=True,
    ),
)

METHOD = ChecklistMethod(key=KEY, standard=STANDARD, criteria=CRITERIA)
INPUT_SCHEMA: dict[str, Any] = METHOD.input_schema()
validate = METHOD.validate
evaluate = METHOD.evaluate

# Contributed through safegrid_scoring_rules() in plugin.py: the rule of the
# API, and the same method scoring the pack's checklists in the forms engine.
RULE: ScoringRule = METHOD.rule(title=TITLE, description=DESCRIPTION)
FORM_KEY = "gas_checklist"
FORM_TITLE = I18nText(zh_hans="城镇燃气安全检查表评分", en="Urban gas checklist score")
FORM_RULE: ScoringRule = METHOD.form_rule(
    key=FORM_KEY, title=FORM_TITLE, description=DESCRIPTION, content=data.content()
)
