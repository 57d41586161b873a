"""Template helpers of the risk pages: level classes and labels, bilingual texts."""

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
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


#: A placeholder id, replaced by each point's in the one reversed URL.
_PK = 987654321


@register.simple_tag
def plot_items(shapes, show_labels=False) -> SafeString:
    """The site plan's shapes (up to 500 on the overview) as SVG, in one pass:
    the markup the loop of ``includes/plot.html`` wrote, without a URL
    reversed and four filters applied per point (docs/performance.md)."""
    detail = reverse("risks:detail", args=[_PK])
    classes: dict[str, str] = {}
    labels: dict[str, str] = {}

    def item(shape) -> tuple:
        point = shape["point"]
        level = shape["level"]
        if level not in classes:
            classes[level] = level_class(level)
        if point.level not in labels:
            labels[point.level] = level_label(point.level)
        polygon = (
            format_html('<polygon class="level-area" points="{}"/>', shape["points"])
            if shape.get("points")
            else ""
        )
        text = (
            format_html(
                '<text class="plot-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                localize(shape["cx"]),
                localize(shape["label_y"]),
                Truncator(point.name).chars(14),
            )
            if show_labels
            else ""
        )
        return (
            detail.replace(str(_PK), str(point.pk)),
            classes[level],
            level,
            point.pk,
            point.name,
            labels[point.level],
            polygon,
            localize(shape["cx"]),
            localize(shape["cy"]),
            localize(shape["r"]),
            text,
        )

    return format_html_join(
        "\n",
        '<a href="{}" class="plot-item {}" data-level="{}" data-point="{}">'
        "<title>{} · {}</title>{}"
        '<circle class="level-fill" cx="{}" cy="{}" r="{}"/>{}</a>',
        (item(shape) for shape in shapes),
    )
