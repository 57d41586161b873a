"""API list pages written by hand from plain rows.

A list page read as model instances through DRF serializers spends most of
its time building and walking objects, not in the database
(docs/performance.md). A list that reads plain rows instead says which
columns a row shows (``RowColumns``: the row's own, and the names it shows
through a key), reads the cursor's page with ``values()`` and writes each
row as a dict in exactly its serializer's shape (the detail and the OpenAPI
schema keep the serializer; each list has a test comparing the two row by
row). ``plain_page`` is the list view's body: the page, by cursor, read
either joined or by key, then the rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, OuterRef, QuerySet, Subquery
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.pagination import KeysetPagination

# DRF's own fields, so that dates read exactly as the serializers write them
# (ISO 8601, date-times in the current time zone, "Z" for UTC).
_DATETIME = serializers.DateTimeField()
_DATE = serializers.DateField()


def datetime_text(value: datetime.datetime | None) -> str | None:
    """A date-time as a serializer's ``DateTimeField`` writes it."""
    return _DATETIME.to_representation(value) if value else None


def date_text(value: datetime.date | None) -> str | None:
    """A date as a serializer's ``DateField`` writes it."""
    return _DATE.to_representation(value) if value else None


@dataclass(frozen=True)
class RowColumns:
    """The columns a list's row shows: the row's own ``fields`` (a
    ``values()`` name each, joins allowed) and ``names``, the values read
    through a key — ``values()`` name → (model, the row's key column, the
    model's column), e.g. ``"enterprise__name": (Enterprise, "enterprise_id",
    "name")``."""

    fields: tuple[str, ...]
    names: Mapping[str, tuple[type[Model], str, str]] = field(default_factory=dict)

    def values(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` (filtered and ordered) reading the row's columns, the
        names joined."""
        return queryset.values(*self.fields, *self.names)

    def values_by_key(self, queryset: QuerySet) -> QuerySet:
        """The same rows and keys as ``values``, each name read by key per
        row: for a page already chosen by key (``keyset_page_joined``).
        Joined, 50 rows of ``id IN (…)`` were planned as hash joins over
        every related table (a scan of each, growing with the data)."""
        names = {
            name: Subquery(
                model._default_manager.filter(pk=OuterRef(key)).values(column)[:1]
            )
            for name, (model, key, column) in self.names.items()
        }
        return queryset.order_by().values(*self.fields, **names)


def names_of(**models: type[Model]) -> dict[str, tuple[type[Model], str, str]]:
    """``RowColumns.names`` for the names a row shows of what its keys point
    to: ``enterprise=Enterprise`` reads ``enterprise__name`` (by
    ``enterprise_id``)."""
    return {
        f"{key}__name": (model, f"{key}_id", "name") for key, model in models.items()
    }


def plain_page(
    view: Any,
    request: Request,
    queryset: QuerySet,
    *,
    columns: RowColumns,
    rows: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
    by_key: bool = False,
) -> Response:
    """One cursor page of ``queryset`` (filtered, scoped) as ``view``'s
    paginated response: read with ``columns`` and written by ``rows`` (the
    page's ``values()`` rows → the serializer's shape). ``by_key``: find the
    page on the bare table, then read its rows by key — for a scope that is
    a sub-query (a department's), which planned together with the row's
    joins cost more than reading the page (docs/performance.md); one query
    more."""
    paginator = view.paginator
    assert isinstance(paginator, KeysetPagination)  # noqa: S101
    paginator.join_page_only = by_key
    page = paginator.paginate_queryset(
        queryset,
        request,
        view=view,
        counted=queryset,
        read=columns.values_by_key if by_key else columns.values,
    )
    return view.get_paginated_response(rows(page))
