"""The Road transport pack's hook implementations; it contributes only through them."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
from safegrid_road_transport import road_transport_check


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="road_transport",
            name=I18nText(zh_hans="道路运输", en="Road transport"),
            description=I18nText(
                zh_hans="道路旅客、普通货物和危险货物运输企业",
                en="Road passenger, general freight and dangerous goods transport",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """Enterprise safety inspection score (our own method)."""
    return [road_transport_check.RULE]
