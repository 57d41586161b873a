"""A pack whose hooks exist but whose contributions are invalid."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution


@hookimpl
def safegrid_industries():
    return [
        IndustryContribution(code="Bad Code!", name=I18nText("", "Bad")),
        IndustryContribution(code="chemicals", name=I18nText("重复", "Duplicate")),
    ]
