"""The Urban gas pack's hook implementations; it contributes only through them."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
from safegrid_gas import gas_check


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="gas",
            name=I18nText(zh_hans="城镇燃气", en="Urban gas"),
            description=I18nText(
                zh_hans="城镇燃气经营企业：厂站、管网、瓶装气",
                en="Urban gas operators: stations, pipelines, bottled gas",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """Gas operator safety inspection score (our own method)."""
    return [gas_check.RULE]
