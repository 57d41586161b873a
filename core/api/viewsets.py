"""The one shape of the API's read viewsets: the rows of the caller's scope.

``ScopedReadViewSet`` lists and shows the rows ``rows(scope)`` returns for
the caller (``core.organizations.scope.scope_for``), so a row outside the
scope is absent from the list and a 404 in detail; ``detail_rows`` adds what
the detail needs (prefetches) and ``detail_serializer_class`` its serializer.
A list may be written from plain rows instead of its serializer
(``list_columns``, ``list_rows``: ``core.base.plain_rows``).
``read_schema`` documents such a viewset's two operations.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.pagination import KeysetPagination
from core.base.plain_rows import RowColumns, plain_page
from core.organizations.models import Role
from core.organizations.scope import Scope, scope_for


class NewestFirst(KeysetPagination):
    """Cursor pages, newest row first, in the API's one page shape."""

    ordering = ("-id",)
    page_size = 50


class ScopedReadViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """List and retrieve the rows of the caller's scope."""

    detail_serializer_class: type[serializers.BaseSerializer] | None = None
    #: A list written from plain rows (``core.base.plain_rows``): the columns
    #: a row shows, which ``list_rows`` writes in the serializer's shape.
    #: None: the serializer writes the list.
    list_columns: RowColumns | None = None

    def list_rows(self, page: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The page's ``values()`` rows as the serializer writes them."""
        raise NotImplementedError

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if self.list_columns is None:
            return super().list(request, *args, **kwargs)
        # A department's scope is a sub-query: its page is found on the bare
        # table, then read by key (``plain_page``).
        return plain_page(
            self,
            request,
            self.filter_queryset(self.get_queryset()),
            columns=self.list_columns,
            rows=self.list_rows,
            by_key=scope_for(request.user).role == Role.INDUSTRY_DEPARTMENT,
        )

    def rows(self, scope: Scope) -> QuerySet:
        """The rows the caller may read (a selector of the app)."""
        raise NotImplementedError

    def detail_rows(self, rows: QuerySet, scope: Scope) -> QuerySet:
        """``rows`` with what the detail shows loaded with them."""
        return rows

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def get_queryset(self) -> QuerySet:
        scope = scope_for(self.request.user)
        rows = self.rows(scope)
        return self.detail_rows(rows, scope) if self.action == "retrieve" else rows


NOT_IN_SCOPE = _("404 when it does not exist or is outside the caller's scope.")


def read_schema(
    list_summary, retrieve_summary, *, list_description=None, retrieve_description=None
):
    """The OpenAPI summaries of a scoped list and detail (a decorator); the
    detail also says that a row outside the scope is a 404."""
    return extend_schema_view(
        list=extend_schema(summary=list_summary, description=list_description),
        retrieve=extend_schema(
            summary=retrieve_summary,
            description=retrieve_description or NOT_IN_SCOPE,
        ),
    )
