"""The inspections' periodic jobs, on the one schedule (``SAFEGRID_SCHEDULE``,
docs/architecture.md "Background work"). Both are idempotent: generation
inserts only the slots that do not exist yet, the overdue flag records the
escalation step it reached on each task."""

from __future__ import annotations

from core.inspections.services import tasks_flag_overdue, tasks_generate
from core.jobs import job


@job
def generate_inspection_tasks() -> int:
    """Create the tasks of the coming period slots; return how many were new."""
    return tasks_generate()


@job
def flag_overdue_inspections() -> dict[str, int]:
    """Flag overdue tasks, notify their assignees, then the next level."""
    return tasks_flag_overdue()
