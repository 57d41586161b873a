"""Scoring rule ``road_transport_check``: enterprise safety inspection score.

Our own method (see ``checklist_scoring`` and the pack README): a
deduction-based score of the checklist's scored items, pass mark 80 unless
the input sets another, and an automatic fail when any item of 《道路运输企业和城市客运企业
安全生产重大事故隐患判定标准（试行）》(交办运〔2023〕52号, in force
2023-10-01) is answered non-compliant.

Only the articles checked against published sources are listed (FACTS-2.md
§2): Art. 3 (1)–(5), which every sector inherits, Art. 4(1), Art. 6(2) and
item (1) of the taxi article, whose number is not yet confirmed. The criteria
texts are short paraphrases in our own words; the official text governs.
"""

from __future__ import annotations

from typing import Any

from plugins.contributions import I18nText, ScoringRule
from plugins.pack_support.checklist_method import ChecklistMethod, Criterion
from safegrid_road_transport import data

KEY = "road_transport_check"
STANDARD = I18nText(
    zh_hans="交办运〔2023〕52号《道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）》",
    en=(
        "JiaoBanYun [2023] No. 52, criteria for major accident hazards of road "
        "transport and urban passenger transport enterprises (trial)"
    ),
)
TITLE = I18nText(
    zh_hans="道路运输企业安全检查评分",
    en="Road transport enterprise safety inspection score",
)
DESCRIPTION = I18nText(
    zh_hans=(
        "平台自定方法：检查项目按扣分计分（折算为百分制），默认80分合格；"
        "发现交办运〔2023〕52号所列任一重大事故隐患即判定不合格。"
    ),
    en=(
        "SafeGrid's own method: checklist items scored by deduction (scaled to "
        "100), pass mark 80 by default; any major accident hazard of JiaoBanYun "
        "[2023] No. 52 fails the inspection."
    ),
)


def _article(zh: str, en: str) -> I18nText:
    return I18nText(zh_hans=zh, en=en)


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "art3_1",
        _article("第三条第（一）项", "Art. 3(1)"),
        I18nText(
            "无经营许可或未备案即经营，或超出许可范围、期限经营。",
            "Operating without a licence or filing, or beyond the licensed scope or validity.",
        ),
        group="all_enterprises",
    ),
    Criterion(
        "art3_2",
        _article("第三条第（二）项", "Art. 3(2)"),
        I18nText(
            "使用报废、擅自改装、拼装、检验检测不合格（含未在有效期内）以及其他"
            "不符合国家规定的车辆装备、设施设备等从事经营活动。",
            "Using scrapped, illegally modified or assembled, failed or out-of-test "
            "vehicles or equipment, or any other vehicles, equipment or facilities "
            "that do not meet national rules.",
        ),
        group="all_enterprises",
    ),
    Criterion(
        "art3_3",
        _article("第三条第（三）项", "Art. 3(3)"),
        I18nText(
            "驾驶员或车辆长期“三超一疲劳”，且运输过程中未及时提醒纠正、运输结束后"
            "一个月内未严肃处理；或驾驶员一次计10分及以上，且未经严肃处理仍安排上岗。",
            "Long-standing speeding, over-capacity, overloading or fatigue not corrected "
            "on the trip nor dealt with within one month; or a driver given 10 or more "
            "points at once kept at work without serious handling.",
        ),
        group="all_enterprises",
    ),
    Criterion(
        "art3_4",
        _article("第三条第（四）项", "Art. 3(4)"),
        I18nText(
            "运营区域或线路处于台风橙色及以上预警，或暴雨、暴雪、冰雹、大雾、沙尘暴、大风、"
            "道路结冰、地质灾害红色预警期间，违反政府停运要求或本企业应急预案组织运输。",
            "Running transport against a government stop order or the firm's own plan "
            "under a typhoon warning of orange or above, or a red warning for rainstorm, "
            "snowstorm, hail, fog, sandstorm, gale, road icing or geological hazard.",
        ),
        group="all_enterprises",
    ),
    Criterion(
        "art3_5",
        _article("第三条第（五）项", "Art. 3(5)"),
        I18nText(
            "法律法规规定的其他重大事故隐患（须写明具体情形）。",
            "Any other major accident hazard defined by law or regulation (state what was found).",
        ),
        group="all_enterprises",
        catch_all=True,
    ),
    Criterion(
        "art4_1",
        _article("第四条第（一）项", "Art. 4(1)"),
        I18nText(
            "800公里及以上客运班线未按规定做安全风险评估，或其客车未落实凌晨2时至5时"
            "停车休息或接驳。",
            "A scheduled line of 800 km or more without the required safety risk "
            "assessment, or its coaches not stopping or relaying between 02:00 and 05:00.",
        ),
        group="road_passenger",
    ),
    Criterion(
        "art6_2",
        _article("第六条第（二）项", "Art. 6(2)"),
        I18nText(
            "常压液体罐车装运罐体适装介质以外的货物，或超核定载质量装载。",
            "A normal-pressure liquid tanker carrying goods outside its approved media, "
            "or loaded beyond its rated payload.",
        ),
        group="dangerous_goods",
    ),
    Criterion(
        "taxi_1",
        _article(
            "出租汽车客运企业条款第（一）项（条号待核实）",
            "Taxi article, item (1) (article number to be confirmed)",
        ),
        I18nText(
            "网约车平台公司线上登记的车辆、驾驶员与实际提供服务的不一致。",
            "A ride-hailing platform whose vehicle or driver online differs from the one "
            "actually providing the service.",
        ),
        group="taxi",
        verified=False,
    ),
)

METHOD = ChecklistMethod(key=KEY, standard=STANDARD, criteria=CRITERIA)
INPUT_SCHEMA: dict[str, Any] = METHOD.input_schema()
validate = METHOD.validate
evaluate = METHOD.evaluate

# Contributed through safegrid_scoring_rules() in plugin.py: the rule of the
# API, and the same method scoring the pack's checklists in the forms engine.
RULE: ScoringRule = METHOD.rule(title=TITLE, description=DESCRIPTION)
FORM_KEY = "road_transport_checklist"
FORM_TITLE = I18nText(
    zh_hans="道路运输企业安全检查表评分", en="Road transport checklist score"
)
FORM_RULE: ScoringRule = METHOD.form_rule(
    key=FORM_KEY, title=FORM_TITLE, description=DESCRIPTION, content=data.content()
)
