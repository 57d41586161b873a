"""The built-in risk methods (LEC, LS, MES, direct determination), as a plugin.

Registered through the same hooks as an industry pack (``safegrid_scoring_rules``
and ``safegrid_direct_determination_conditions``), so a pack can add or
replace methods exactly as the platform does. The tables follow the common
published versions summarised in ``docs/risk-methods.md``; they are data
(``plugins.reference.risk_methods``, against which the packs' content is
checked too) and become JSON Schema ``enum``s here; the level thresholds are
configuration.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from plugins import hookimpl
from plugins.contributions import (
    DirectCondition,
    I18nText,
    LevelThresholds,
    ScoringRule,
)
from plugins.reference.risk_methods import (
    DIRECT_CONDITIONS,
    EXPOSURE,
    LEC_C,
    LEC_L,
    LS_L,
    LS_S,
    MES_M,
    MES_S,
    Scale,
)

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _scale_schema(scale: Scale, title: I18nText) -> dict[str, Any]:
    """A property accepting only the values of ``scale`` (``enum``).

    ``x-enum-titles`` labels each value in both languages for form builders;
    validators ignore unknown keywords.
    """
    return {
        "title": f"{title.zh_hans} / {title.en}",
        "enum": [value for value, _zh, _en in scale],
        "x-enum-titles": [{"zh-hans": zh, "en": en} for _v, zh, en in scale],
    }


def _object_schema(title: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": title,
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _number(value: Decimal) -> int | float:
    """A JSON number without float noise: 4.2, not 4.200000000000001."""
    normalised = value.normalize()
    if normalised == normalised.to_integral_value():
        return int(normalised)
    return float(normalised)


def _label(scale: Scale, value: float) -> dict[str, str]:
    for candidate, zh, en in scale:
        if Decimal(str(candidate)) == Decimal(str(value)):
            return {"zh-hans": zh, "en": en}
    return {}


def _product(
    inputs: dict[str, Any], factors: tuple[tuple[str, Scale], ...], formula: str
) -> dict[str, Any]:
    value = Decimal(1)
    factor_details = {}
    for name, scale in factors:
        factor = Decimal(str(inputs[name]))
        value *= factor
        factor_details[name] = {
            "value": _number(factor),
            "label": _label(scale, inputs[name]),
        }
    return {
        "value": _number(value),
        "details": {"formula": formula, "factors": factor_details},
    }


def evaluate_lec(inputs: dict[str, Any]) -> dict[str, Any]:
    """D = L × E × C (作业条件危险性分析法, Graham–Kinney)."""
    return _product(
        inputs, (("L", LEC_L), ("E", EXPOSURE), ("C", LEC_C)), "D = L × E × C"
    )


def evaluate_ls(inputs: dict[str, Any]) -> dict[str, Any]:
    """R = L × S (风险矩阵法), both on 1–5."""
    return _product(inputs, (("L", LS_L), ("S", LS_S)), "R = L × S")


def evaluate_mes(inputs: dict[str, Any]) -> dict[str, Any]:
    """R = M × E × S (作业条件风险程度评价)."""
    return _product(
        inputs, (("M", MES_M), ("E", EXPOSURE), ("S", MES_S)), "R = M × E × S"
    )


def evaluate_direct(inputs: dict[str, Any]) -> dict[str, Any]:
    """No score: the level comes from the conditions the assessor ticks."""
    return {"value": None, "level": None, "details": {}}


LEC = ScoringRule(
    key="lec",
    title=I18nText("作业条件危险性分析法（LEC）", "Job hazard analysis (LEC)"),
    description=I18nText(
        "D = L × E × C：L 事故发生的可能性，E 暴露于危险环境的频繁程度，C 发生事故可能造成的后果。",
        "D = L × E × C: L likelihood of an accident, E how often people are "
        "exposed, C the consequence of an accident.",
    ),
    input_schema=_object_schema(
        "LEC",
        {
            "L": _scale_schema(LEC_L, I18nText("可能性 L", "Likelihood L")),
            "E": _scale_schema(EXPOSURE, I18nText("暴露频率 E", "Exposure E")),
            "C": _scale_schema(LEC_C, I18nText("后果 C", "Consequence C")),
        },
    ),
    evaluate=evaluate_lec,
    # D > 320 重大; 160 < D ≤ 320 较大; 70 < D ≤ 160 一般; D ≤ 70 低.
    default_thresholds=LevelThresholds(
        major=320,
        significant=160,
        general=70,
        key="classic",
        title=I18nText("经典（>320 / >160 / >70）", "Classic (>320 / >160 / >70)"),
    ),
    threshold_presets=(
        LevelThresholds(
            major=320,
            significant=160,
            general=70,
            major_inclusive=True,
            significant_inclusive=True,
            general_inclusive=True,
            key="inclusive",
            title=I18nText(
                "含下限（≥320 / ≥160 / ≥70）", "Inclusive (≥320 / ≥160 / ≥70)"
            ),
        ),
    ),
    value_range=(0.05, 10000),
)

LS = ScoringRule(
    key="ls",
    title=I18nText("风险矩阵法（LS）", "Risk matrix (LS)"),
    description=I18nText(
        "R = L × S：L 事故发生的可能性（1～5），S 事故后果的严重程度（1～5）。",
        "R = L × S: L likelihood (1–5), S severity of the consequence (1–5).",
    ),
    input_schema=_object_schema(
        "LS",
        {
            "L": _scale_schema(LS_L, I18nText("可能性 L", "Likelihood L")),
            "S": _scale_schema(LS_S, I18nText("严重性 S", "Severity S")),
        },
    ),
    evaluate=evaluate_ls,
    # Scheme A (Shandong five bands): 20–25 / 15–16 / 9–12 / ≤8.
    default_thresholds=LevelThresholds(
        major=20,
        significant=15,
        general=9,
        major_inclusive=True,
        significant_inclusive=True,
        general_inclusive=True,
        key="a",
        title=I18nText(
            "方案A（20～25 / 15～16 / 9～12 / ≤8）",
            "Scheme A (20–25 / 15–16 / 9–12 / ≤8)",
        ),
    ),
    threshold_presets=(
        LevelThresholds(
            major=17,
            significant=11,
            general=5,
            major_inclusive=True,
            significant_inclusive=True,
            general_inclusive=True,
            key="b",
            title=I18nText(
                "方案B（17～25 / 11～16 / 5～10 / 1～4）",
                "Scheme B (17–25 / 11–16 / 5–10 / 1–4)",
            ),
        ),
        LevelThresholds(
            major=20,
            significant=9,
            general=4,
            major_inclusive=True,
            significant_inclusive=True,
            general_inclusive=True,
            key="c",
            title=I18nText(
                "方案C（20～25 / 9～16 / 4～8 / 1～3）",
                "Scheme C (20–25 / 9–16 / 4–8 / 1–3)",
            ),
        ),
    ),
    value_range=(1, 25),
)

MES = ScoringRule(
    key="mes",
    title=I18nText(
        "作业条件风险程度评价（MES）", "Risk degree of working conditions (MES)"
    ),
    description=I18nText(
        "R = M × E × S：M 控制措施的状态，E 人体暴露或危险状态出现的频次，S 事故的可能后果。",
        "R = M × E × S: M state of the control measures, E how often people "
        "are exposed or the hazardous state occurs, S possible consequence.",
    ),
    input_schema=_object_schema(
        "MES",
        {
            "M": _scale_schema(MES_M, I18nText("控制措施 M", "Control measures M")),
            "E": _scale_schema(EXPOSURE, I18nText("暴露频率 E", "Exposure E")),
            "S": _scale_schema(MES_S, I18nText("后果 S", "Consequence S")),
        },
    ),
    evaluate=evaluate_mes,
    # R ≥ 180 重大 (R = 180 = 3 × 6 × 10 is reachable but in no classic band:
    # it is graded up, the safer side); 90 ≤ R < 180 较大; 50 ≤ R < 90 一般.
    default_thresholds=LevelThresholds(
        major=180,
        significant=90,
        general=50,
        major_inclusive=True,
        significant_inclusive=True,
        general_inclusive=True,
        key="classic",
        title=I18nText("经典（≥180 / ≥90 / ≥50）", "Classic (≥180 / ≥90 / ≥50)"),
    ),
    threshold_presets=(
        LevelThresholds(
            major=180,
            significant=80,
            general=50,
            major_inclusive=True,
            significant_inclusive=True,
            general_inclusive=True,
            key="variant_80",
            title=I18nText("变体（≥180 / ≥80 / ≥50）", "Variant (≥180 / ≥80 / ≥50)"),
        ),
        LevelThresholds(
            major=180,
            significant=90,
            general=40,
            major_inclusive=False,
            significant_inclusive=True,
            general_inclusive=True,
            key="variant_40",
            title=I18nText("变体（>180 / ≥90 / ≥40）", "Variant (>180 / ≥90 / ≥40)"),
        ),
    ),
    value_range=(0.5, 500),
)

DIRECT = ScoringRule(
    key="direct",
    title=I18nText("直接判定法", "Direct determination"),
    description=I18nText(
        "不打分：符合任一直接判定条件即判定为重大风险。",
        "No score: any one of the direct-determination conditions makes the "
        "risk major.",
    ),
    input_schema={
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "direct",
        "type": "object",
        "properties": {"direct_conditions": {"type": "array", "minItems": 1}},
        "required": ["direct_conditions"],
        "additionalProperties": False,
    },
    evaluate=evaluate_direct,
)


def _scored_top_level(result: dict[str, Any]) -> bool:
    return result.get("level") == "major"


CONDITIONS = [
    *(DirectCondition(key=term.key, title=term.label) for term in DIRECT_CONDITIONS),
    DirectCondition(
        key="scored_top_level",
        title=I18nText(
            "经风险评价方法评定为最高级别",
            "The scored assessment already gives the top level",
        ),
        applies=_scored_top_level,
    ),
]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    return [LEC, LS, MES, DIRECT]


@hookimpl
def safegrid_direct_determination_conditions() -> list[DirectCondition]:
    return list(CONDITIONS)
