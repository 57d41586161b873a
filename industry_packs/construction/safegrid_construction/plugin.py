"""The Construction pack's hook implementations; it contributes only through them."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution, ScoringRule
from safegrid_construction import jgj59


@hookimpl
def safegrid_industries() -> list[IndustryContribution]:
    return [
        IndustryContribution(
            code="construction",
            name=I18nText(zh_hans="建筑施工", en="Construction"),
            description=I18nText(
                zh_hans="房屋建筑和市政基础设施工程施工",
                en="Building and municipal infrastructure construction",
            ),
        )
    ]


@hookimpl
def safegrid_scoring_rules() -> list[ScoringRule]:
    """JGJ 59-2011 construction site safety inspection score."""
    return [jgj59.RULE]
