"""The Hazardous chemicals pack's hook implementations; it contributes only through them."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution


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
