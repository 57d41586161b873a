"""The tables of the risk methods: the values each factor may take, with labels.

FACTS §1: LEC (D = L × E × C, Graham–Kinney), LS (R = L × S, the risk
matrix) and MES (R = M × E × S); E is shared by LEC and MES. The built-in
scoring plugin (``core.risks.default_scoring``) turns each scale into a JSON
Schema ``enum``; pack content validation (``plugins.pack_support``) accepts a
suggested assessment's inputs only from these values. docs/risk-methods.md
prints them.
"""

from __future__ import annotations

from plugins.texts import I18nText
from plugins.vocabularies import Term, Vocabulary

# Each scale: (value, Chinese label, English label), highest value first.
Scale = tuple[tuple[float, str, str], ...]

LEC_L: Scale = (
    (10, "完全可以预料", "Fully expected"),
    (6, "相当可能", "Quite possible"),
    (3, "可能，但不经常", "Possible but unusual"),
    (1, "可能性小，完全意外", "Unlikely, a pure coincidence"),
    (0.5, "很不可能，可以设想", "Very unlikely but conceivable"),
    (0.2, "极不可能", "Extremely unlikely"),
    (0.1, "实际不可能", "Practically impossible"),
)
EXPOSURE: Scale = (
    (10, "连续暴露", "Continuous exposure"),
    (6, "每天工作时间内暴露", "Daily, during working hours"),
    (3, "每周一次或偶然暴露", "Weekly or now and then"),
    (2, "每月一次暴露", "Once a month"),
    (1, "每年几次暴露", "A few times a year"),
    (0.5, "非常罕见地暴露", "Very rarely"),
)
LEC_C: Scale = (
    (100, "大灾难，许多人死亡（≥10人死亡）", "Catastrophe, many deaths (≥10)"),
    (40, "灾难，数人死亡（3～9人死亡）", "Disaster, several deaths (3–9)"),
    (15, "非常严重，一人死亡（1～2人死亡）", "Very serious, one or two deaths"),
    (7, "严重，重伤", "Serious injury"),
    (3, "重大，致残", "Disabling injury"),
    (1, "引人注目，需要救护", "Noticeable, needs first aid"),
)
LS_L: Scale = (
    (
        5,
        "偏差每次作业或每月发生；无检查、无规程或从不执行；无证上岗；无控制措施",
        "Deviation every job or monthly; no checks or procedures, or never "
        "followed; unqualified staff; no controls",
    ),
    (
        4,
        "偏差每季度发生；检查、规程不全或很少执行；培训无效；措施部分投用，应急未演练",
        "Deviation quarterly; incomplete or rarely followed checks and "
        "procedures; ineffective training; controls partly in use, no drills",
    ),
    (
        3,
        "偏差每年发生；变更后检查、规程未更新；重复犯错；应急措施过时或不为人知",
        "Deviation yearly; checks and procedures not updated after change; "
        "repeated errors; emergency measures outdated or unknown",
    ),
    (
        2,
        "曾经发生偏差；偶尔不执行；偶有差错；措施充分，联锁偶尔停用，每年演练一次",
        "Deviation has happened; occasionally not followed; occasional errors; "
        "adequate controls, interlocks occasionally off, drilled once a year",
    ),
    (
        1,
        "从未发生偏差；检查、规程完善并执行；高度胜任；措施充分未失效，每年演练两次以上",
        "Never deviated; complete checks and procedures, followed; highly "
        "competent; adequate controls never failed, drilled twice a year or more",
    ),
)
LS_S: Scale = (
    (
        5,
        "≥3人死亡或≥7人重伤；损失>100万元",
        "≥3 deaths or ≥7 serious injuries; loss >1,000,000 yuan",
    ),
    (
        4,
        "1～2人死亡或3～6人重伤；损失10万～100万元",
        "1–2 deaths or 3–6 serious injuries; loss 100,000–1,000,000 yuan",
    ),
    (
        3,
        "1～2人重伤或3～6人轻伤；损失1万～10万元",
        "1–2 serious or 3–6 minor injuries; loss 10,000–100,000 yuan",
    ),
    (2, "1～2人轻伤；损失5千～1万元", "1–2 minor injuries; loss 5,000–10,000 yuan"),
    (1, "无人员伤亡；损失<5千元", "No injury; loss <5,000 yuan"),
)
MES_M: Scale = (
    (5, "无控制措施", "No control measures"),
    (
        3,
        "有减轻后果的应急措施（如报警系统、个体防护）",
        "Measures that only reduce consequences (alarms, PPE)",
    ),
    (
        1,
        "有预防性措施（如机械防护装置），且保持有效",
        "Preventive measures (e.g. machine guards), kept effective",
    ),
)
MES_S: Scale = (
    (
        10,
        "有多人死亡；财产损失>1000万元；重大环境影响的不可控排放",
        "Several deaths; loss >10 million yuan; major uncontrolled release",
    ),
    (
        8,
        "一人死亡或多人永久失能；多人职业病；100万～1000万元",
        "One death or several permanently disabled; occupational disease in several; 1–10 million yuan",
    ),
    (
        4,
        "一人永久失能；一人职业病；10万～100万元",
        "One permanently disabled; occupational disease in one; 100,000–1 million yuan",
    ),
    (
        2,
        "需医院治疗，缺工；职业性多发病；1万～10万元",
        "Hospital treatment, lost time; work-related illness; 10,000–100,000 yuan",
    ),
    (
        1,
        "轻微，仅需急救；身体不适；<1万元；无环境影响",
        "Minor, first aid only; discomfort; <10,000 yuan; no environmental impact",
    ),
)

# Direct determination (直接判定, FACTS §1.4): the provincial general rules'
# conditions that make a risk major whatever its score. The built-in plugin
# offers them to assessors; pack content names those worth checking for an
# event. The aliases are the keys pack content first used for them.
DIRECT_CONDITIONS = Vocabulary(
    "direct-determination condition",
    [
        Term(
            "violates_law",
            I18nText(
                "违反法律、法规及国家标准中强制性条款",
                "Violates a law, a regulation or a mandatory clause of a national "
                "standard",
            ),
            aliases=("law_violation",),
        ),
        Term(
            "accident_history",
            I18nText(
                "发生过死亡、重伤、重大财产损失事故，或三次及以上轻伤、一般财产损失事故，"
                "且现在发生事故的条件依然存在",
                "A fatal, serious-injury or major-loss accident, or three or more "
                "minor ones, has happened, and the conditions that caused it still "
                "exist",
            ),
            aliases=("accident_recurrence",),
        ),
        Term(
            "major_hazard_installation",
            I18nText(
                "涉及危险化学品重大危险源（GB 18218）",
                "Involves a major hazard installation of hazardous chemicals "
                "(GB 18218)",
            ),
        ),
        Term(
            "ten_or_more_people",
            I18nText(
                "具有中毒、爆炸、火灾等危险的场所，同一时间作业人员在10人及以上",
                "A place with poisoning, explosion or fire hazards where 10 or more "
                "people work at the same time",
            ),
            aliases=("ten_or_more_exposed",),
        ),
    ],
)


def values(scale: Scale) -> tuple[float, ...]:
    """The values a factor may take, highest first."""
    return tuple(value for value, _zh, _en in scale)
