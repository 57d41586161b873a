"""The admin's plain columns (core.base.admin_columns) write the markup of
the Wagtail templates they replace, whitespace aside, and leave every other
shape to those templates."""

from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test.html import parse_html
from django.utils import timezone, translation
from wagtail.admin.ui.tables import (
    ButtonsColumnMixin,
    Column,
    DateColumn,
    TitleColumn,
)
from wagtail.admin.widgets.button import Button, ButtonWithDropdown

from core.base.admin_columns import PlainColumn, PlainDateColumn, PlainTitleColumn

PARENT = {"row": None, "table": None, "request": None}


def same_html(fast, template) -> bool:
    return parse_html(str(fast)) == parse_html(str(template))


def _buttons(row):
    return [
        ButtonWithDropdown(
            buttons=[
                Button("删除", url=f"/d/{row.pk}/", icon_name="bin", priority=30),
                Button(
                    "Edit", url=f"/e/{row.pk}/?a=1&b=2", icon_name="edit", priority=10
                ),
                Button("查看", url=f"/i/{row.pk}/", priority=20),
            ],
            icon_name="dots-horizontal",
            attrs={"aria-label": f"More options for '{row.name}'"},
        )
    ]


def _with_buttons(column_class, get_buttons=_buttons):
    # As Wagtail's index view makes its default title column.
    return type(
        column_class.__name__,
        (ButtonsColumnMixin, column_class),
        {"get_buttons": lambda self, row, context: get_buttons(row)},
    )


ROWS = [
    SimpleNamespace(pk=1, name="基准<化工>有限公司 & “甲”"),
    SimpleNamespace(pk=2, name=""),
]


@pytest.mark.parametrize("row", ROWS)
@pytest.mark.parametrize("buttons", [True, False])
def test_title_cell_is_the_template_cell(row, buttons):
    options = {
        "label": "name",
        "get_url": lambda r: f"/x/{r.pk}/?q=a&b",
        "link_attrs": {"data-x": "1", "hidden": True, "gone": False},
        "classname": "wide",
    }
    fast_class, template_class = PlainTitleColumn, TitleColumn
    if buttons:
        fast_class, template_class = (
            _with_buttons(fast_class),
            _with_buttons(template_class),
        )
    with translation.override("zh-hans"):
        fast = fast_class("name", **options).render_cell_html(row, PARENT)
        template = template_class("name", **options).render_cell_html(row, PARENT)
    assert "<a" in str(fast) and ("w-dropdown" in str(fast)) == buttons
    assert same_html(fast, template)


def test_title_cell_with_a_title_id_or_a_class_on_the_link():
    row = ROWS[0]
    options = {
        "get_url": lambda r: f"/x/{r.pk}/",
        "get_title_id": lambda r: f"title-{r.pk}",
        "link_classname": "w-link",
    }
    fast = PlainTitleColumn("name", **options).render_cell_html(row, PARENT)
    template = TitleColumn("name", **options).render_cell_html(row, PARENT)
    assert 'id="title-1"' in str(fast) and same_html(fast, template)


def test_other_shapes_are_left_to_the_template():
    row = ROWS[0]
    # A <label> instead of a link.
    fast = PlainTitleColumn("name", label_prefix="pick").render_cell_html(row, PARENT)
    assert "<label" in str(fast)
    assert same_html(
        fast, TitleColumn("name", label_prefix="pick").render_cell_html(row, PARENT)
    )

    # Buttons outside a dropdown.
    def visible(row):
        return [Button("Edit", url="/e/", icon_name="edit", classname="button")]

    fast = _with_buttons(PlainTitleColumn, visible)(
        "name", get_url=lambda r: "/x/"
    ).render_cell_html(row, PARENT)
    template = _with_buttons(TitleColumn, visible)(
        "name", get_url=lambda r: "/x/"
    ).render_cell_html(row, PARENT)
    assert 'class="button"' in str(fast) and same_html(fast, template)


VALUES = [
    "甲 <b>",
    "",
    "   ",
    None,
    1234567,
    Decimal("12.50"),
    3.25,
    datetime.date(2026, 3, 4),
    datetime.datetime(2026, 3, 4, 5, 6, tzinfo=datetime.UTC),
    True,
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("value", VALUES)
def test_plain_cell_is_the_template_cell(language, value):
    row = SimpleNamespace(value=value)
    with translation.override(language), timezone.override("Asia/Shanghai"):
        fast = PlainColumn("value").render_cell_html(row, PARENT)
        template = Column("value").render_cell_html(row, PARENT)
    assert same_html(fast, template)


DATES = [
    None,
    datetime.date(2026, 3, 4),
    datetime.datetime(2026, 3, 4, 5, 6, tzinfo=datetime.UTC),
    timezone.now() - datetime.timedelta(seconds=5),  # "just now"
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("value", DATES)
@pytest.mark.parametrize("classname", [None, "narrow"])
def test_plain_date_cell_is_the_template_cell(language, value, classname):
    row = SimpleNamespace(value=value)
    with translation.override(language), timezone.override("Asia/Shanghai"):
        fast = PlainDateColumn("value", classname=classname).render_cell_html(
            row, PARENT
        )
        template = DateColumn("value", classname=classname).render_cell_html(
            row, PARENT
        )
    assert same_html(fast, template)
