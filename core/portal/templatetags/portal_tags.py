"""Small template helpers of the portal: icons and initials."""

from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from core.portal.selectors import ICONS

register = template.Library()


@lru_cache(maxsize=1)
def _sprite() -> str:
    """The sprite's URL, asked of the static storage once per process (a
    page draws tens of icons; the URL cannot change while the process runs)."""
    return static("safegrid/img/icons.svg")


@register.simple_tag
def icon(name: str, css_class: str = "icon") -> str:
    """An icon from the local SVG sprite (unknown names show a dot)."""
    name = name if name in ICONS else "dot"
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false">'
        '<use href="{}#i-{}"></use></svg>',
        css_class,
        _sprite(),
        name,
    )


@register.filter
def initial(value) -> str:
    """The first character of a name, for an avatar."""
    text = str(value or "").strip()
    return text[:1].upper() if text else "?"


@register.filter
def minutes(value) -> int:
    """A timedelta in whole minutes (for the lock-out message)."""
    try:
        return max(1, round(value.total_seconds() / 60))
    except AttributeError:
        return 0
