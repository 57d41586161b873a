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


def evaluate_direct(inputs: dict[str, Any]) -> dict[str, Any]:
    """No score: the level comes from the conditions the assessor ticks."""
    return {"value": None, "level": None, "details": {}}


# A scale of a method: its input name, its table and its label.
Factor = tuple[str, Scale, I18nText]


def _bands(
    key: str,
    title: I18nText,
    major: float,
    significant: float,
    general: float,
    inclusive: tuple[bool, bool, bool] = (True, True, True),
) -> LevelThresholds:
    """Level cut-offs, highest first; ``inclusive``: each cut-off is ``≥``."""
    return LevelThresholds(
        major=major,
        significant=significant,
        general=general,
        major_inclusive=inclusive[0],
        significant_inclusive=inclusive[1],
        general_inclusive=inclusive[2],
        key=key,
        title=title,
    )


def _product_rule(
    key: str,
    title: I18nText,
    description: I18nText,
    formula: str,
    factors: tuple[Factor, ...],
    *,
    default_thresholds: LevelThresholds,
    threshold_presets: tuple[LevelThresholds, ...],
    value_range: tuple[float, float],
) -> ScoringRule:
    """A method whose value is the product of its factors (``formula``)."""
    scales = tuple((name, scale) for name, scale, _label in factors)

    def evaluate(inputs: dict[str, Any]) -> dict[str, Any]:
        return _product(inputs, scales, formula)

    evaluate.__doc__ = f"{formula} ({title.zh_hans})."
    return ScoringRule(
        key=key,
        title=title,
        description=description,
        input_schema=_object_schema(
            key.upper(),
            {name: _scale_schema(scale, label) for name, scale, label in factors},
        ),
        evaluate=evaluate,
        default_thresholds=default_thresholds,
        threshold_presets=threshold_presets,
        value_range=value_range,
    )


LIKELIHOOD = I18nText("可能性 L", "Likelihood L")
EXPOSURE_E = ("E", EXPOSURE, I18nText("暴露频率 E", "Exposure E"))

# 作业条件危险性分析法 (Graham–Kinney).
LEC = _product_rule(
    "lec",
    I18nText("作业条件危险性分析法（LEC）", "Job hazard analysis (LEC)"),
    I18nText(
        "D = L × E × C：L 事故发生的可能性，E 暴露于危险环境的频繁程度，C 发生事故可能造成的后果。",
        "D = L × E × C: L likelihood of an accident, E how often people are "
        "exposed, C the consequence of an accident.",
    ),
    "D = L × E × C",
    (
        ("L", LEC_L, LIKELIHOOD),
        EXPOSURE_E,
        ("C", LEC_C, I18nText("后果 C", "Consequence C")),
    ),
    # D > 320 重大; 160 < D ≤ 320 较大; 70 < D ≤ 160 一般; D ≤ 70 低.
    default_thresholds=_bands(
        "classic",
        I18nText("经典（>320 / >160 / >70）", "Classic (>320 / >160 / >70)"),
        320,
        160,
        70,
        inclusive=(False, False, False),
    ),
    threshold_presets=(
        _bands(
            "inclusive",
            I18nText("含下限（≥320 / ≥160 / ≥70）", "Inclusive (≥320 / ≥160 / ≥70)"),
            320,
            160,
            70,
        ),
    ),
    value_range=(0.05, 10000),
)

# 风险矩阵法.
LS = _product_rule(
    "ls",
    I18nText("风险矩阵法（LS）", "Risk matrix (LS)"),
    I18nText(
        "R = L × S：L 事故发生的可能性（1～5），S 事故后果的严重程度（1～5）。",
        "R = L × S: L likelihood (1–5), S severity of the consequence (1–5).",
    ),
    "R = L × S",
    (
        ("L", LS_L, LIKELIHOOD),
        ("S", LS_S, I18nText("严重性 S", "Severity S")),
    ),
    # Scheme A (Shandong five bands): 20–25 / 15–16 / 9–12 / ≤8.
    default_thresholds=_bands(
        "a",
        I18nText(
            "方案A（20～25 / 15～16 / 9～12 / ≤8）",
            "Scheme A (20–25 / 15–16 / 9–12 / ≤8)",
        ),
        20,
        15,
        9,
    ),
    threshold_presets=(
        _bands(
            "b",
            I18nText(
                "方案B（17～25 / 11～16 / 5～10 / 1～4）",
                "Scheme B (17–25 / 11–16 / 5–10 / 1–4)",
            ),
            17,
            11,
            5,
        ),
        _bands(
            "c",
            I18nText(
                "方案C（20～25 / 9～16 / 4～8 / 1～3）",
                "Scheme C (20–25 / 9–16 / 4–8 / 1–3)",
            ),
            20,
            9,
            4,
        ),
    ),
    value_range=(1, 25),
)

# 作业条件风险程度评价.
MES = _product_rule(
    "mes",
    I18nText("作业条件风险程度评价（MES）", "Risk degree of working conditions (MES)"),
    I18nText(
        "R = M × E × S：M 控制措施的状态，E 人体暴露或危险状态出现的频次，S 事故的可能后果。",
        "R = M × E × S: M state of the control measures, E how often people "
        "are exposed or the hazardous state occurs, S possible consequence.",
    ),
    "R = M × E × S",
    (
        ("M", MES_M, I18nText("控制措施 M", "Control measures M")),
        EXPOSURE_E,
        ("S", MES_S, I18nText("后果 S", "Consequence S")),
    ),
    # R ≥ 180 重大 (R = 180 = 3 × 6 × 10 is reachable but in no classic band:
    # it is graded up, the safer side); 90 ≤ R < 180 较大; 50 ≤ R < 90 一般.
    default_thresholds=_bands(
        "classic",
        I18nText("经典（≥180 / ≥90 / ≥50）", "Classic (≥180 / ≥90 / ≥50)"),
        180,
        90,
        50,
    ),
    threshold_presets=(
        _bands(
            "variant_80",
            I18nText("变体（≥180 / ≥80 / ≥50）", "Variant (≥180 / ≥80 / ≥50)"),
            180,
            80,
            50,
        ),
        _bands(
            "variant_40",
            I18nText("变体（>180 / ≥90 / ≥40）", "Variant (>180 / ≥90 / ≥40)"),
            180,
            90,
            40,
            inclusive=(False, True, True),
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
