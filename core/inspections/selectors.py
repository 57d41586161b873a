"""Reads of the inspections, always through the user's scope.

Who sees which tasks: enterprise staff their own (assigned to their person),
the enterprise's safety manager all of the enterprise's, government users
those of the enterprises in their scope (read-only).
"""

from __future__ import annotations

from django.db.models import QuerySet

from core.inspections.models import InspectionTask, MajorHazardSource, TaskStatus
from core.organizations.models import Role
from core.organizations.scope import Scope


def _base() -> QuerySet[InspectionTask]:
    return InspectionTask.objects.select_related(
        "enterprise", "risk_point", "assignee", "hazard_source", "done_by"
    )


def task_list(
    *, scope: Scope, user, own_only: bool = False
) -> QuerySet[InspectionTask]:
    """The tasks ``user`` may see; ``own_only`` keeps those assigned to them."""
    tasks = scope.filter(_base())
    if scope.is_enterprise and (own_only or scope.role != Role.ENTERPRISE_MANAGER):
        tasks = tasks.filter(assignee__user=user)
    if not scope.is_enterprise and not scope.is_government:
        return tasks.none()
    return tasks


def task_for(*, scope: Scope, user, pk: int) -> InspectionTask | None:
    """One task the user may see, else None (a 404 for the caller)."""
    return task_list(scope=scope, user=user).filter(pk=pk).first()


def open_task_at_point(*, scope: Scope, user, point_id: int) -> InspectionTask | None:
    """The user's most urgent open task of a risk point (the QR code's)."""
    return (
        task_list(scope=scope, user=user, own_only=True)
        .filter(risk_point_id=point_id)
        .exclude(status=TaskStatus.DONE)
        .order_by("due_at", "pk")
        .first()
    )


def hazard_sources(*, scope: Scope, enterprise) -> QuerySet[MajorHazardSource]:
    return scope.filter(
        MajorHazardSource.objects.filter(enterprise=enterprise).select_related(
            "risk_point", "main_head", "technical_head", "operational_head"
        )
    )
