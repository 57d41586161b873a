"""Table columns for long admin lists that render without a template.

Wagtail renders every cell through a template (``wagtailadmin/tables/cell.html``,
``boolean_cell.html``): a list of 50 rows and 8 columns is 400 template
renders, most of the page's time. These columns write the same markup with
``format_html`` (the value escaped the same way); a boolean column renders its
three icons once per process.
"""

from __future__ import annotations

from functools import cache

from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.admin.ui.tables import BooleanColumn, Column


def _cell(column: Column, value) -> SafeString:
    if column.classname:
        return format_html('<td class="{}">{}</td>', column.classname, value)
    return format_html("<td>{}</td>", value)


class PlainColumn(Column):
    """``Column`` with the cell written directly (no template per cell)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is None or not str(value).strip():
            value = self.empty_value_display
        return _cell(self, value)


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
