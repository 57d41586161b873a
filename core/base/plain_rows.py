"""API list pages written from plain rows, in a serializer's exact shape.

A list page read as model instances through a DRF serializer spends most of
its time building and walking objects: the rows with every column of their
``select_related`` tables, then each field's ``get_attribute`` and
``to_representation`` through the serializer's machinery
(docs/performance.md). A list written from plain rows reads the page with
``values()`` — only the columns the row shows, the names of related rows
joined in or read by key (``name_by_key``) — and writes each row as a dict
with the serializer's own fields' ``to_representation`` (``RowWriter``), so
the JSON is the serializer's; the detail and the OpenAPI schema keep the
serializer. ``PlainRowsList`` is the ``list`` of a viewset whose page is
written so. ``core.risks.api_rows`` (the risk point page, with its nested
events) uses the same helpers.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db.models import Expression, OuterRef, QuerySet, Subquery
from django.utils import timezone
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.pagination import KeysetPagination

# DRF's own field, so that a date and time reads exactly as a serializer
# writes it (ISO 8601 in the current time zone, "Z" for UTC).
_DATETIME = serializers.DateTimeField()


def datetime_text(value: Any, zone: Any = None) -> str | None:
    """A date and time as a serializer writes it (``None`` stays ``None``).

    An aware datetime (what the database gives) is written directly in
    ``zone`` (default: the current time zone; a page looks it up once and
    passes it): the field's own checks cost more than a page's rows."""
    if not value:
        return None
    if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        local = value.astimezone(zone or timezone.get_current_timezone())
        text = local.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    return _DATETIME.to_representation(value)


def name_by_key(model: Any, key: str, column: str = "name") -> Subquery:
    """``column`` of the ``model`` row whose key is the outer row's ``key``,
    as a scalar sub-query: read per row by primary key. A page chosen by key
    (``id IN (…)``) joined to its related tables was planned as hash joins
    over each whole table; by key it reads one index entry per row."""
    return Subquery(model.objects.filter(pk=OuterRef(key)).values(column)[:1])


def grouped(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, list[Any]]:
    """``(key, value)`` pairs as the list of values of each key, in the
    pairs' order (e.g. the codes of each row's many-to-many, read as one
    ``values_list`` ordered by code): for a row a ``RowWriter`` cannot write
    (nested, many-to-many), written by hand from plain rows."""
    found: dict[Any, list[Any]] = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


#: What a row's field reads: a ``values()`` key, or an expression.
Source = str | Expression | Subquery

#: Fields whose ``to_representation`` gives back a column's value as it is
#: (for a value that is not ``None``): no call needed.
_AS_IS = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.PrimaryKeyRelatedField,
)


class RowWriter:
    """Writes ``values()`` rows in the shape of ``serializer_class``.

    Each of the serializer's fields reads the ``values()`` key named by its
    source (``enterprise.name`` → ``enterprise__name``), or the key or
    expression ``sources`` gives for it (a function returning them, called at
    first use, may stand for ``sources``). A ``SerializerMethodField`` needs
    a source, whose value is written as it is. ``None`` is written as
    ``None`` (as DRF does), any other value through the field's own
    ``to_representation``, or as it is for fields that return it unchanged
    (text, numbers, booleans, keys). ``values(qs)`` reads what the rows
    need. The fields are the serializer's, built once (at first use, when
    the apps are ready)."""

    def __init__(
        self,
        serializer_class: type[serializers.Serializer],
        sources: Mapping[str, Source]
        | Callable[[], Mapping[str, Source]]
        | None = None,
    ) -> None:
        self.serializer_class = serializer_class
        self.sources = sources or {}
        self._plan: list[tuple[str, str, Callable[[Any], Any] | None]] | None = None
        self._columns: list[str] = []
        self._expressions: dict[str, Any] = {}

    def _build(self) -> list[tuple[str, str, Callable[[Any], Any] | None]]:
        if self._plan is not None:
            return self._plan
        plan = []
        sources = self.sources() if callable(self.sources) else self.sources
        for name, field in self.serializer_class().fields.items():
            source = sources.get(name)
            if source is None:
                if isinstance(field, serializers.SerializerMethodField):
                    raise ValueError(f"{name}: a method field needs a source")
                source = field.source.replace(".", "__")
            if isinstance(source, str):
                key = source
                self._columns.append(source)
            else:
                key = f"_{name}"
                self._expressions[key] = source
            # A method field's source gives its value as it is shown.
            as_is = isinstance(field, (*_AS_IS, serializers.SerializerMethodField))
            convert = None if as_is else field.to_representation
            plan.append((name, key, convert))
        self._columns = list(dict.fromkeys(self._columns))
        self._plan = plan
        return plan

    def values(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` reading only what the rows show (its order kept)."""
        self._build()
        return queryset.values(*self._columns, **self._expressions)

    def write(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        plan = self._build()
        return [
            {
                name: value if value is None or convert is None else convert(value)
                for name, key, convert in plan
                for value in (row[key],)
            }
            for row in rows
        ]


class PlainRowsList:
    """A list viewset (cursor pages) whose page is written from plain rows:
    ``row_writer`` reads the page's rows (as ``read``: by key after
    ``keyset_page_joined`` when the paginator finds the page without joins)
    and writes them. The serializer stays the detail's and the schema's.
    A view's ``page_by_key(request)`` (``core.api.viewsets``: a department's
    scope, a sub-query) may ask for the page to be found on the bare table,
    then read by key (``KeysetPagination.join_page_only``)."""

    row_writer: RowWriter

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        view: Any = self
        queryset = view.filter_queryset(view.get_queryset())
        paginator = view.paginator
        assert isinstance(paginator, KeysetPagination)  # noqa: S101
        page_by_key = getattr(view, "page_by_key", None)
        if page_by_key is not None and page_by_key(request):
            paginator.join_page_only = True
        page = paginator.paginate_queryset(
            queryset, request, view=view, read=self.row_writer.values
        )
        return view.get_paginated_response(self.row_writer.write(page))


__all__ = [
    "PlainRowsList",
    "RowWriter",
    "datetime_text",
    "grouped",
    "name_by_key",
]
