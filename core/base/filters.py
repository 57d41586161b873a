"""Filters shared by the API's filtersets; the filterset whose values go to
a selector, and that of a record filtered on its enterprise alone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
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


class SelectorFilterSet(filters.FilterSet):
    """A filterset whose filters the app's selector applies: ``values()``
    gives them as the selector's keyword arguments."""

    #: The filters whose value is a row's id (a model choice gives its key).
    id_filters: tuple[str, ...] = ()

    def values(self) -> dict[str, Any]:
        """The filters given, valid and cleaned (empty ones left out)."""
        if not self.is_bound or not self.form.is_valid():
            return {}
        found = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "")
        }
        for name in self.id_filters:
            if name in found:
                found[name] = int(getattr(found[name], "pk", found[name]))
        return found


class EnterpriseFilter(filters.FilterSet):
    """``enterprise``: one enterprise in scope (others give an empty page).
    ``Meta.enterprise_field`` names the column when the row reaches its
    enterprise through another row (``session__enterprise_id``)."""

    enterprise = IdFilter(label=_("enterprise"))

    def filter_queryset(self, queryset):
        enterprise = self.form.cleaned_data.get("enterprise")
        if enterprise:
            field = getattr(self.Meta, "enterprise_field", "enterprise_id")
            queryset = queryset.filter(**{field: int(enterprise)})
        return queryset


def enterprise_filter(record: type[Model]) -> type[EnterpriseFilter]:
    """The filterset of ``record``, a model with an ``enterprise``, that
    filters on the enterprise and nothing else."""

    class Filter(EnterpriseFilter):
        class Meta:
            model = record
            fields = ["enterprise"]

    Filter.__name__ = Filter.__qualname__ = f"{record.__name__}Filter"
    return Filter


def parse_id(text: str | None) -> int | None:
    """``text`` as a database id, or ``None`` when it is not one."""
    if not text or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None
