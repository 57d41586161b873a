"""Reads of organizations, always through the user's scope."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Substr

from core.organizations.models import Enterprise, Industry, Jurisdiction, Role
from core.organizations.scope import Scope


def enterprise_managers(enterprise_id: int) -> QuerySet:
    """The active accounts of the enterprise's safety managers: whom the
    enterprise's reminders, warnings and alarms are sent to."""
    return get_user_model().objects.filter(
        membership__enterprise_id=enterprise_id,
        membership__role=Role.ENTERPRISE_MANAGER,
        is_active=True,
    )


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
    queryset = enterprise_filter(
        queryset, industry=industry, jurisdiction=jurisdiction, search=search
    )
    return queryset.order_by("name", "pk")


def enterprise_filter(
    queryset: QuerySet[Enterprise],
    *,
    industry: str | None = None,
    jurisdiction: Jurisdiction | int | None = None,
    search: str | None = None,
) -> QuerySet[Enterprise]:
    """Narrow an already scoped queryset of enterprises; never widens it.

    Shared by ``enterprise_list`` and the filters of the API and the admin, so
    that "of this industry" and "in this territory" mean the same everywhere. An
    unknown jurisdiction id selects nothing.
    """
    if industry:
        queryset = queryset.filter(
            pk__in=Enterprise.industries.through.objects.filter(
                industry__code=industry
            ).values("enterprise_id")
        )
    if jurisdiction:
        node = (
            jurisdiction
            if isinstance(jurisdiction, Jurisdiction)
            else Jurisdiction.objects.filter(pk=jurisdiction).first()
        )
        if node is None:
            return queryset.none()
        queryset = queryset.filter(jurisdiction__path__startswith=node.path)
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(uscc__icontains=search)
        )
    return queryset


def enterprise_counts_by_industry(*, scope: Scope) -> list[Industry]:
    """The industries of the enterprises in scope, each with ``enterprise_count``.

    An enterprise of two industries counts in both. One query.
    """
    return list(
        Industry.objects.filter(enterprises__in=scope.enterprises().values("pk"))
        .annotate(enterprise_count=Count("enterprises"))
        .order_by("code")
    )


def enterprise_counts_by_territory(*, scope: Scope) -> list[tuple[Jurisdiction, int]]:
    """How many enterprises in scope lie in each territory one level below the
    user's own: the streets and towns of the district for the committee and the
    departments, the grids of its street for a territorial office.

    An enterprise registered on the upper node itself counts under that node.
    With several districts, the districts themselves are counted. Three queries.
    """
    steplen = Jurisdiction.steplen
    if scope.jurisdiction_path:
        depth = len(scope.jurisdiction_path) // steplen + 1
    else:
        single_root = Jurisdiction.get_root_nodes()[:2].count() == 1
        depth = 2 if single_root else 1
    counts = dict(
        scope.enterprises()
        .annotate(territory=Substr("jurisdiction__path", 1, depth * steplen))
        .values("territory")
        .annotate(enterprise_count=Count("pk"))
        .order_by()
        .values_list("territory", "enterprise_count")
    )
    nodes = Jurisdiction.objects.in_bulk(list(counts), field_name="path")
    return [
        (nodes[path], count) for path, count in sorted(counts.items()) if path in nodes
    ]
