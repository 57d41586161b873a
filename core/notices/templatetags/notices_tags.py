from django import template

from core.documents.content import level_label as _level_label

register = template.Library()


@register.filter
def level_label(level: str) -> str:
    """The risk level's name (重大风险 …) for a public page."""
    return _level_label(level)
