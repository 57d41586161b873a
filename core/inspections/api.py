"""REST API of the inspections: ``GET /api/v1/inspection-tasks/``.

Read-only and scoped by ``selectors.task_list``: enterprise staff see their
own to-do list, the safety manager the enterprise's tasks, government users
those of the enterprises in their scope. A task out of scope is a 404.
Filters: ``status`` (due, overdue, done), ``due_before`` / ``due_after``
(dates or date-times, on the due time), ``enterprise``, ``risk_point``.
Cursor pages, soonest due first (``due_at``, then id): indexes
``insptask_order`` and ``insptask_ent_order`` serve the order over a scope
and within one enterprise. A row reads only the columns it shows: the
checklist's key and version number, never the version's JSON documents or
the definition's draft blocks (docs/performance.md).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import serializers

from core.api.viewsets import ScopedReadViewSet
from core.base.filters import IdFilter
from core.base.pagination import KeysetPagination
from core.base.plain_rows import PlainRowsList, RowWriter, name_by_key
from core.base.serializers import ReadSerializer, related
from core.forms.models import FormVersion
from core.inspections.models import InspectionTask, TaskStatus
from core.inspections.selectors import task_list
from core.organizations.models import Person
from core.organizations.scope import Scope


class InspectionTaskSerializer(ReadSerializer):
    assignee_name = related("assignee.name", default="")
    checklist = related("version.definition.key")
    checklist_version = related("version.number", serializers.IntegerField)
    submission = related("submission_id", serializers.IntegerField)
    done_by = serializers.SerializerMethodField()

    class Meta:
        model = InspectionTask
        fields = [
            "id",
            "enterprise",
            "source",
            "title",
            "risk_point",
            "hazard_source",
            "head_role",
            "control_level",
            "assignee",
            "assignee_name",
            "checklist",
            "checklist_version",
            "period_start",
            "period_end",
            "due_at",
            "status",
            "submission",
            "done_by",
            "done_at",
            "done_at_point",
        ]

    def get_done_by(self, task: InspectionTask) -> str:
        return task.done_by.get_username() if task.done_by else ""


#: What a row shows, and nothing else (``.only``): the task's own columns and
#: the names and numbers of its assignee, its author and its checklist.
SHOWN = (
    *(
        name
        for name in InspectionTaskSerializer.Meta.fields
        if name not in ("assignee_name", "checklist", "checklist_version", "done_by")
    ),
    "version",
    "done_by",
    "assignee__name",
    "done_by__username",
    "version__number",
    "version__definition__key",
)


class InspectionTaskFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=TaskStatus.choices, label=_("status"))
    due_before = filters.IsoDateTimeFilter(
        field_name="due_at", lookup_expr="lte", label=_("due at or before")
    )
    due_after = filters.IsoDateTimeFilter(
        field_name="due_at", lookup_expr="gte", label=_("due at or after")
    )
    enterprise = IdFilter(field_name="enterprise_id", label=_("enterprise"))
    risk_point = IdFilter(field_name="risk_point_id", label=_("risk point"))

    class Meta:
        model = InspectionTask
        fields = ["status", "due_before", "due_after", "enterprise", "risk_point"]


def _task_sources() -> dict[str, Any]:
    """The names a task row shows, read by key per row (``name_by_key``), so
    a department's page read by key joins nothing; empty text for none."""
    user = get_user_model()
    return {
        "assignee_name": Coalesce(name_by_key(Person, "assignee_id"), Value("")),
        "checklist": name_by_key(FormVersion, "version_id", "definition__key"),
        "checklist_version": name_by_key(FormVersion, "version_id", "number"),
        "done_by": Coalesce(
            name_by_key(user, "done_by_id", user.USERNAME_FIELD), Value("")
        ),
    }


#: The list's rows, in ``InspectionTaskSerializer``'s shape (never the
#: version's JSON documents).
TASK_ROWS = RowWriter(InspectionTaskSerializer, _task_sources)


class InspectionTaskViewSet(PlainRowsList, ScopedReadViewSet):
    """Inspection tasks (排查任务) the caller may see, soonest due first."""

    serializer_class = InspectionTaskSerializer
    filterset_class = InspectionTaskFilter
    pagination_class = KeysetPagination
    row_writer = TASK_ROWS
    department_by_key = True

    def rows(self, scope: Scope) -> QuerySet[InspectionTask]:
        return (
            task_list(scope=scope, user=self.request.user)
            .select_related(None)
            .select_related("assignee", "done_by", "version__definition")
            .only(*SHOWN)
            .order_by("due_at", "pk")
        )
