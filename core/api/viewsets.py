"""The one shape of the API's read viewsets: the rows of the caller's scope.

``ScopedReadViewSet`` lists and shows the rows ``rows(scope)`` returns for
the caller (``core.organizations.scope.scope_for``), so a row outside the
scope is absent from the list and a 404 in detail: by default what the app's
selector named in ``selector`` returns for the scope. ``detail_rows`` adds
what the detail needs (prefetches) and ``detail_serializer_class`` its
serializer. ``read_schema`` documents such a viewset's two operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.request import Request

from core.base.pagination import KeysetPagination
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
    #: The app's selector of the rows a scope may read, called as
    #: ``selector(scope=scope)``; a viewset whose rows need more overrides
    #: ``rows`` instead.
    selector: ClassVar[Callable[..., QuerySet] | None] = None
    #: A list from plain rows (``core.base.plain_rows.PlainRowsList``) whose
    #: page, for a department (its scope a sub-query, which planned together
    #: with the row's joins cost more than reading the page), is found on the
    #: bare table, then read by key.
    department_by_key = False

    def page_by_key(self, request: Request) -> bool:
        """Whether this caller's list page is found first, then read by key."""
        return (
            self.department_by_key
            and scope_for(request.user).role == Role.INDUSTRY_DEPARTMENT
        )

    def rows(self, scope: Scope) -> QuerySet:
        """The rows the caller may read (a selector of the app)."""
        # Read on the class: through the instance, the function would be
        # bound as a method, the viewset passed as its first argument.
        selector = type(self).selector
        if selector is None:
            raise NotImplementedError
        return selector(scope=scope)

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
