"""Reads of the documents, always through the user's scope."""

from __future__ import annotations

from django.db.models import QuerySet

from core.documents.models import GenerationStatus, HandbookVersion
from core.organizations.models import Enterprise
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
