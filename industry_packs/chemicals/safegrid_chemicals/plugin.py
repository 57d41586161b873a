"""The Hazardous chemicals pack's hook implementations; it contributes only through them."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
from safegrid_chemicals import gb18218


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="chemicals",
            name=I18nText(zh_hans="危险化学品", en="Hazardous chemicals"),
            description=I18nText(
                zh_hans="危险化学品生产、储存、使用和经营企业",
                en="Enterprises that produce, store, use or trade hazardous chemicals",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """GB 18218-2018 identification and grading of major hazard sources."""
    return [gb18218.RULE]
