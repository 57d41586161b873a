"""Template helpers of the risk pages: level classes and labels, bilingual texts."""

from django import template
from django.utils.translation import gettext as _

from core.risks.forms import localised as localised_text
from core.risks.models import RiskLevel
from core.scoring import number

register = template.Library()


@register.filter
def level_class(level) -> str:
    """The CSS class of a level (``risk-levels.css``); unassessed when empty."""
    return f"level-{level}" if level in RiskLevel.values else "level-unassessed"


@register.filter
def level_label(level) -> str:
    if level in RiskLevel.values:
        return str(RiskLevel(level).label)
    return _("Not assessed yet")


@register.filter
def localised(value) -> str:
    """A ``{"zh-hans": ..., "en": ...}`` text (or "中文 / English") in the
    current language."""
    return localised_text(value)


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (None when missing)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def num(value) -> str:
    """A stored value without trailing zeros (``126.0000`` → ``126``)."""
    if value is None or value == "":
        return "—"
    return str(number(value))


@register.filter
def level_keys(value: str) -> list[str]:
    """``"major,low"`` → ``["major", "low"]`` (for loops over levels)."""
    return [key for key in str(value).split(",") if key]


@register.filter
def ticked_reasons(reasons) -> list:
    """The direct-determination conditions the assessor ticked."""
    return [r for r in reasons or () if not r.get("automatic")]


@register.filter
def automatic_reasons(reasons) -> list:
    """The conditions that raised the level from the enterprise's own data."""
    return [r for r in reasons or () if r.get("automatic")]
