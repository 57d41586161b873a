"""``PlainSelect`` writes what Django's ``Select`` writes, without a template
per option."""

import pytest
from django import forms
from django.test.html import parse_html

from core.base.widgets import PlainSelect

CHOICES = [("", "全部"), (1, '一 <车间> & "x"'), (2, "　二班"), ("3", "三")]
GROUPED = [("车间", [(1, "a"), (2, "b")]), (3, "c")]


@pytest.mark.parametrize("value", [None, "", "2", 1])
@pytest.mark.parametrize("attrs", [{}, {"id": "id_unit", "class": "x"}])
def test_the_same_markup_as_djangos_select(value, attrs):
    for choices in (CHOICES, GROUPED):
        django = forms.Select(choices=choices).render("unit", value, attrs)
        plain = PlainSelect(choices=choices).render("unit", value, attrs)
        assert parse_html(plain) == parse_html(django)
    escaped = PlainSelect(choices=CHOICES).render("unit", None)
    assert "一 &lt;车间&gt; &amp; &quot;x&quot;" in escaped
