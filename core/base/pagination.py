"""Cursor (keyset) pages for the API lists that span a scope.

The shape (docs/api.md)::

    {"count": 10000, "count_exact": false, "count_estimate": 498230,
     "next": "https://…/?cursor=…", "previous": null, "results": [...]}

``next``/``previous`` are links carrying an opaque ``cursor``; a page reads
the rows after (or before) the cursor in the list's order, so deep pages cost
what the first costs and rows added between two requests are neither
repeated nor skipped. ``count`` is exact up to 10,000 (``count_exact``);
beyond it ``count`` is 10,000 and ``count_estimate`` PostgreSQL's estimate
(``null`` on SQLite). A text search (``?search=``) counts exactly up to
1,000 only: its matches are found by reading rows one by one, so a higher
bound would read more of the scope the larger it grows. A list may set a
lower bound of its own (``count_limit``): the alarms, the emergency plans and
one enterprise's risk points count exactly up to 1,000 (``SHORT_COUNT_LIMIT``),
so their count reads at most 1,001 index entries whatever the scope's size.
A first page that holds the whole list is counted from its rows, without a
count query. A list that spans a scope may keep its count
(``count_seconds``): the bounded count of the same filtered query (its SQL)
is then read once per that many seconds, not per page, as the level counts
are (docs/performance.md).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.base.keyset import (
    BadCursor,
    BoundedCount,
    bounded_count,
    keyset_page,
    keyset_page_joined,
)
from core.base.scope_cache import cached

#: The exact count's bound for a list searched by text (``?search=``).
SEARCH_COUNT_LIMIT = 1_000
#: The exact count's bound of a list that sets it (``count_limit``): one read
#: newest first or within one enterprise, whose total matters as "1,000+".
SHORT_COUNT_LIMIT = 1_000


class KeysetPagination(BasePagination):
    page_size = 50
    cursor_query_param = "cursor"
    #: The order the pages follow; empty: the queryset's own (which the
    #: keyset completes with the primary key).
    ordering: tuple[str, ...] = ()
    #: Find the page without the queryset's joins, then read its rows with
    #: them (``keyset_page_joined``): for a list whose scope is a sub-query.
    join_page_only = False
    #: The exact count's bound (beyond it ``count_exact`` is false and
    #: ``count_estimate`` the planner's estimate); ``None``: ``COUNT_LIMIT``.
    count_limit: int | None = None
    #: Keep the count of the same filtered query this many seconds (0: count
    #: on every page): for a list that spans a scope.
    count_seconds = 0

    def paginate_queryset(
        self, queryset, request, view=None, *, counted=None, read=None
    ):
        """One page of ``queryset``; ``counted`` (default ``queryset``) is what
        the bounded count counts, e.g. the rows without the page's joins;
        ``read`` (a queryset → its rows, e.g. a ``values()``) what a page's
        rows are read with."""
        self.request = request
        if self.ordering:
            queryset = queryset.order_by(*self.ordering)
        cursor = request.query_params.get(self.cursor_query_param) or None
        try:
            if self.join_page_only:
                page = keyset_page_joined(queryset, cursor, self.page_size, read=read)
            else:
                rows = queryset if read is None else read(queryset)
                page = keyset_page(rows, cursor, self.page_size)
        except BadCursor:
            raise ValidationError(
                {self.cursor_query_param: [_("This cursor is not valid.")]}
            ) from None
        self.page = page
        counted = queryset if counted is None else counted
        if cursor is None and page.next_cursor is None:
            # The first page holds the whole list: its rows are the count
            # (a small scope, e.g. one enterprise's, pays no count query).
            self.count = BoundedCount(len(page.rows), True)
        elif request.query_params.get("search"):
            limit = min(self.count_limit or SEARCH_COUNT_LIMIT, SEARCH_COUNT_LIMIT)
            self.count = self.bounded_count(counted, limit)
        elif self.count_limit is not None:
            self.count = self.bounded_count(counted, self.count_limit)
        else:
            self.count = self.bounded_count(counted)
        return page.rows

    def bounded_count(self, counted, limit: int | None = None) -> BoundedCount:
        """``bounded_count`` (to its own default bound without ``limit``),
        kept ``count_seconds`` under the counted query's SQL."""
        bound = () if limit is None else (limit,)
        if not self.count_seconds:
            return bounded_count(counted, *bound)
        try:
            sql, params = counted.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            # A query Django knows matches nothing (``none()``, ``IN ()``)
            # has no SQL to key on, and nothing to count.
            return BoundedCount(0, True)
        return cached(
            "keyset:count",
            (sql, params, bound),
            self.count_seconds,
            lambda: bounded_count(counted, *bound),
        )

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        url = remove_query_param(url, "page")
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data) -> Response:
        return Response(
            {
                "count": self.count.value,
                "count_exact": self.count.exact,
                "count_estimate": self.count.estimate,
                "next": self._link(self.page.next_cursor),
                "previous": self._link(self.page.previous_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["count", "count_exact", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "count_exact": {"type": "boolean"},
                "count_estimate": {"type": "integer", "nullable": True},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": str(_("The page's cursor, from next or previous.")),
                "schema": {"type": "string"},
            }
        ]
