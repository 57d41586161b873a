"""A broken pack: a hook that does not exist, and a bad industry code."""

from plugins import hookimpl
from plugins.contributions import I18nText, IndustryContribution


@hookimpl
def safegrid_no_such_hook():
    return []


@hookimpl
def safegrid_industries():
    return [IndustryContribution(code="Bad Code!", name=I18nText("", "Bad"))]
