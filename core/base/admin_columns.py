"""Table columns for long admin lists that render without a template.

Wagtail renders every cell through a template (``wagtailadmin/tables/cell.html``,
``boolean_cell.html``): a list of 50 rows and 8 columns is 400 template
renders, most of the page's time. These columns write the same markup with
``format_html`` (the value escaped the same way); a boolean column renders its
three icons once per process.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from django.template.loader import get_template
from django.templatetags.l10n import unlocalize
from django.utils.formats import date_format, get_format, localize
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.widgets.button import Button, ButtonWithDropdown


def _cell(column: Column, value) -> SafeString:
    if column.classname:
        return format_html('<td class="{}">{}</td>', column.classname, value)
    return format_html("<td>{}</td>", value)


class PlainColumn(Column):
    """``Column`` with the cell written directly (no template per cell); the
    value is shown as the template shows it (numbers unlocalised as Wagtail
    does, dates and times in the local zone and format)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is None or not str(value).strip():
            value = self.empty_value_display
        elif isinstance(value, int) and not isinstance(value, bool):
            value = unlocalize(value)
        else:
            value = localize(template_localtime(value))
        return _cell(self, value)


class PlainDateColumn(DateColumn):
    """``DateColumn`` with the cell written directly: the date as time since
    ("3 days ago") with the full date and time in a tooltip, as Wagtail's
    ``{% human_readable_date %}`` writes it (two templates per row)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return _cell(self, "")
        tooltip_format = get_format(
            "DATETIME_FORMAT" if isinstance(value, datetime) else "DATE_FORMAT"
        )
        local = template_localtime(value)
        return _cell(
            self,
            format_html(
                '<button type="button" class="w-human-readable-date"'
                ' data-controller="w-tooltip" data-w-tooltip-content-value="{}"'
                ' data-w-tooltip-placement-value="top">'
                '<time class="w-human-readable-date__date" datetime="{}">{}</time>'
                "</button>",
                date_format(local, tooltip_format),
                date_format(local, "c"),
                capfirst(timesince_simple(value)),
            ),
        )


@cache
def _boolean_cell(value: bool | None) -> SafeString:
    # The icon markup is the same for every row: rendered once, reused.
    return get_template("wagtailadmin/tables/boolean_cell.html").render(
        {"column": None, "value": value}
    )


class PlainBooleanColumn(BooleanColumn):
    """``BooleanColumn`` with the tick / cross / question icons rendered once."""

    def render_cell_html(self, instance, parent_context):
        if self.classname:  # rare: render as Wagtail does
            return super().render_cell_html(instance, parent_context)
        return _boolean_cell(self.get_value(instance))


def _attrs(attrs: dict) -> SafeString:
    # wagtailadmin/shared/attrs.html: ``name="value"``, a bare name for True,
    # nothing for False.
    parts = [
        format_html(" {}", name)
        if value is True
        else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items()
        if value is not False
    ]
    return SafeString("".join(parts))


def _icon(name: str, classname: str = "icon") -> SafeString:
    # wagtailadmin/shared/icon.html without a title.
    return format_html(
        '<svg class="icon icon-{} {}" aria-hidden="true"><use href="#icon-{}"></use></svg>',
        name,
        classname,
        name,
    )


def _more_dropdown(buttons: list) -> SafeString | None:
    """The row's "more" dropdown of an index view (one ``ButtonWithDropdown``
    of link ``Button``\\ s: edit, inspect, delete …) as Wagtail's templates
    write it; ``None`` for any other shape of buttons (left to the templates)."""
    if len(buttons) != 1 or type(buttons[0]) is not ButtonWithDropdown:
        return None
    dropdown = buttons[0]
    if (
        not dropdown.show
        or dropdown.label
        or dropdown.classname
        or set(dropdown.attrs) - {"type", "aria-label"}
    ):
        return None
    items = []
    for button in sorted(dropdown.dropdown_buttons):
        if type(button) is not Button or not button.url or button.attrs:
            return None
        icon = _icon(button.icon_name) if button.icon_name else ""
        items.append(
            format_html(
                '<a href="{}" class="{}">{}{}</a>',
                button.url,
                button.classname,
                icon,
                button.label,
            )
        )
    aria_label = dropdown.aria_label
    return format_html(
        '<ul class="actions"><li><div data-controller="w-dropdown" class="w-dropdown"{}>'
        '<button type="button" class="w-dropdown__toggle w-dropdown__toggle--icon"'
        ' data-w-dropdown-target="toggle"{}>{}</button>'
        '<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>'
        "{}</div></div></li></ul>",
        dropdown.base_attrs_string,
        format_html(' aria-label="{}"', aria_label) if aria_label else "",
        _icon(dropdown.icon_name or "arrow-down", "w-dropdown__toggle-icon"),
        SafeString("".join(items)),
    )


class PlainTitleColumn(TitleColumn):
    """``TitleColumn`` with the cell written directly: the linked title and,
    in an index view's default title column, the row's "more" dropdown.
    Fifty rows rendered about ten templates each (cell, attributes, buttons,
    dropdown, one per button, icons). Any other shape (a ``<label>``, other
    buttons) is rendered by Wagtail's template as before."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        buttons = context.get("buttons") or []
        actions = _more_dropdown(buttons) if buttons else SafeString("")
        if not context.get("link_url") or actions is None:
            return self.cell_template.render(context)
        title = context["value"]
        if context.get("title_id"):
            title = format_html('<span id="{}">{}</span>', context["title_id"], title)
        classname = f"{self.classname} title" if self.classname else "title"
        return format_html(
            '<td class="{}"><div class="title-wrapper"><a{}>{}</a></div>{}</td>',
            classname,
            _attrs(context["link_attrs"]),
            title,
            actions,
        )
