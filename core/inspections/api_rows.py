"""The API's inspection task list, written by hand from plain rows.

``GET /api/v1/inspection-tasks/`` shows 50 tasks of twenty fields with their
assignee's name, their checklist's key and version number and the username
of whoever did them. Read as model instances through
``InspectionTaskSerializer``, most of the page's time went into building and
walking objects (docs/performance.md). Here the cursor's page is read with
``values()`` (one query, the names joined; a department's by key,
``core.base.plain_rows``) and each row is a dict in exactly the shape of
``InspectionTaskSerializer``, which the detail and the schema keep (a test
compares the two row by row). Never the version's JSON documents.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from core.base.plain_rows import RowColumns, datetime_text, names_of
from core.forms.models import FormVersion
from core.organizations.models import Person

TASK_COLUMNS = RowColumns(
    fields=(
        "id",
        "enterprise_id",
        "source",
        "title",
        "risk_point_id",
        "hazard_source_id",
        "head_role",
        "control_level",
        "assignee_id",
        "period_start",
        "period_end",
        "due_at",
        "status",
        "submission_id",
        "done_at",
        "done_at_point",
    ),
    names={
        **names_of(assignee=Person),
        "done_by__username": (get_user_model(), "done_by_id", "username"),
        "version__number": (FormVersion, "version_id", "number"),
        "version__definition__key": (FormVersion, "version_id", "definition__key"),
    },
)


def task_rows(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's rows (``values()`` of ``TASK_COLUMNS``) in the shape of
    ``InspectionTaskSerializer``."""
    return [
        {
            "id": task["id"],
            "enterprise": task["enterprise_id"],
            "source": task["source"],
            "title": task["title"],
            "risk_point": task["risk_point_id"],
            "hazard_source": task["hazard_source_id"],
            "head_role": task["head_role"],
            "control_level": task["control_level"],
            "assignee": task["assignee_id"],
            "assignee_name": task["assignee__name"] or "",
            "checklist": task["version__definition__key"],
            "checklist_version": task["version__number"],
            "period_start": datetime_text(task["period_start"]),
            "period_end": datetime_text(task["period_end"]),
            "due_at": datetime_text(task["due_at"]),
            "status": task["status"],
            "submission": task["submission_id"],
            "done_by": task["done_by__username"] or "",
            "done_at": datetime_text(task["done_at"]),
            "done_at_point": task["done_at_point"],
        }
        for task in tasks
    ]
