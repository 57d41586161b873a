"""Reads of organizations, always through the user's scope."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from core.organizations.models import Enterprise, Industry, Jurisdiction, Unit
from core.organizations.scope import Scope


def enterprise_list(
    *,
    scope: Scope,
    industry: str | None = None,
    jurisdiction: int | None = None,
    search: str | None = None,
) -> QuerySet[Enterprise]:
    """The enterprises in scope, with what a list shows, in a fixed query count.

    ``industry`` is an industry code; ``jurisdiction`` a jurisdiction id whose
    whole subtree is included.
    """
    queryset = (
        scope.enterprises()
        .select_related("jurisdiction")
        .prefetch_related(
            Prefetch("industries", queryset=Industry.objects.order_by("code"))
        )
    )
    if industry:
        queryset = queryset.filter(
            pk__in=Enterprise.industries.through.objects.filter(
                industry__code=industry
            ).values("enterprise_id")
        )
    if jurisdiction:
        node = Jurisdiction.objects.filter(pk=jurisdiction).first()
        if node is None:
            return queryset.none()
        queryset = queryset.filter(jurisdiction__path__startswith=node.path)
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(uscc__icontains=search)
        )
    return queryset.order_by("name", "pk")


def unit_tree(*, enterprise: Enterprise) -> list[Unit]:
    """An enterprise's units in tree order (depth tells the indentation)."""
    return list(
        Unit.objects.filter(enterprise=enterprise)
        .order_by("path")
        .prefetch_related("holders")
    )
