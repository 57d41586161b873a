"""Reads of the documents, always through the user's scope."""

from __future__ import annotations

from django.db.models import QuerySet

from core.documents.models import (
    GenerationStatus,
    HandbookVersion,
    ScopeHandbook,
    ScopeKind,
)
from core.organizations.models import Enterprise, Industry, Jurisdiction, Role
from core.organizations.scope import Scope

#: The versions a page lists (the newest first); older ones stay downloadable.
VERSIONS_SHOWN = 50


def handbook_versions(
    *, scope: Scope, enterprise: Enterprise | int
) -> QuerySet[HandbookVersion]:
    """The enterprise's handbook versions, newest first (none out of scope).

    Served by the unique index (enterprise, number).
    """
    pk = enterprise if isinstance(enterprise, int) else enterprise.pk
    return (
        scope.filter(HandbookVersion.objects.filter(enterprise_id=pk))
        .select_related("requested_by")
        .order_by("-number")
    )


def handbook_version(
    *, scope: Scope, enterprise: Enterprise | int, number: int
) -> HandbookVersion | None:
    """One ready version of the enterprise's handbook, if in scope."""
    return (
        handbook_versions(scope=scope, enterprise=enterprise)
        .filter(number=number, status=GenerationStatus.READY)
        .first()
    )


def current_handbook(
    *, scope: Scope, enterprise: Enterprise | int
) -> HandbookVersion | None:
    """The newest ready version of the enterprise's handbook, if in scope."""
    return (
        handbook_versions(scope=scope, enterprise=enterprise)
        .filter(status=GenerationStatus.READY)
        .first()
    )


def handbooks_for_supervisors(*, scope: Scope) -> QuerySet[HandbookVersion]:
    """Every ready version in the government user's scope, newest first."""
    return (
        scope.filter(HandbookVersion.objects.filter(status=GenerationStatus.READY))
        .select_related("enterprise")
        .order_by("-requested_at", "-pk")
    )


def scope_handbooks(*, scope: Scope) -> QuerySet[ScopeHandbook]:
    """The industry and territory handbooks the government user may see.

    The committee office (and the superuser) sees all; a department the
    handbooks of its industries; a street or town office those of its
    territory and the territories below it; anyone else none.
    """
    queryset = ScopeHandbook.objects.select_related(
        "industry", "territory", "requested_by"
    ).order_by("-requested_at", "-pk")
    if scope.sees_everything:
        return queryset
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        return queryset.filter(
            kind=ScopeKind.INDUSTRY, industry_id__in=scope.industry_ids
        )
    if scope.role == Role.TERRITORIAL_OFFICE and scope.jurisdiction_path:
        return queryset.filter(
            kind=ScopeKind.TERRITORY,
            territory__path__startswith=scope.jurisdiction_path,
        )
    return queryset.none()


def handbook_industries(*, scope: Scope) -> QuerySet[Industry]:
    """The industries whose handbook the user may request (government only)."""
    queryset = Industry.objects.filter(is_active=True).order_by("code")
    if scope.sees_everything and scope.is_government:
        return queryset
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        return queryset.filter(pk__in=scope.industry_ids)
    return queryset.none()


def handbook_territories(*, scope: Scope) -> QuerySet[Jurisdiction]:
    """The territories whose handbook the user may request: the district,
    streets and towns in the user's scope (grids are too small to matter)."""
    queryset = Jurisdiction.objects.exclude(level=Jurisdiction.Level.GRID).order_by(
        "path"
    )
    if scope.sees_everything and scope.is_government:
        return queryset
    if scope.role == Role.TERRITORIAL_OFFICE and scope.jurisdiction_path:
        return queryset.filter(path__startswith=scope.jurisdiction_path)
    return queryset.none()
