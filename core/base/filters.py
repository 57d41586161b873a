"""Filters shared by the API's filtersets."""

from __future__ import annotations

from django import forms
from django_filters import rest_framework as filters

MAX_ID = 2**63 - 1


class IdField(forms.IntegerField):
    """A database id: a positive integer that fits a signed 64-bit column, so
    an id beyond any database's range is a 400, not an overflow deep down."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class IdFilter(filters.NumberFilter):
    field_class = IdField


def parse_id(text: str | None) -> int | None:
    """``text`` as a database id, or ``None`` when it is not one."""
    if not text or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None
