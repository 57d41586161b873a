"""The Construction pack's hook implementations; it contributes only through them."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution


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
