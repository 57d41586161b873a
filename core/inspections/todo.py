"""What the inspections put on the enterprise home's to-do: the user's own
open tasks, overdue first."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.inspections.models import TaskStatus
from core.inspections.selectors import task_list
from core.portal.todo import TODO_LIMIT, TodoItem


def inspection_todo(*, scope, enterprise, user, today) -> list[TodoItem]:
    now = timezone.now()
    tasks = task_list(scope=scope, user=user, own_only=True)
    # The first few open tasks are picked from the bare table (a sort of the
    # user's open tasks' keys), then only those are joined to what the item
    # shows: joining every open task before the sort grew with the
    # enterprise's tasks (one query all the same, the pick is a sub-query).
    first = (
        tasks.exclude(status=TaskStatus.DONE)
        .filter(period_start__lte=now)
        .order_by("due_at", "pk")
        .values("pk")[:TODO_LIMIT]
    )
    tasks = tasks.filter(pk__in=first).order_by("due_at", "pk")
    items = []
    for task in tasks:
        overdue = task.due_at <= now
        due = timezone.localtime(task.due_at)
        items.append(
            TodoItem(
                kind="overdue" if overdue else "due",
                title=task.title,
                detail=(
                    _("Inspection overdue since %(when)s")
                    if overdue
                    else _("Inspection due by %(when)s")
                )
                % {"when": due.strftime("%Y-%m-%d %H:%M")},
                url=reverse("inspections:fill", args=[task.pk]),
                action=_("Inspect"),
                urgency=1 if overdue else 4,
                due=due.date(),
            )
        )
    return items
