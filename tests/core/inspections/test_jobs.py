"""The periodic jobs, run for real through the database backend with a frozen
clock: generation and the overdue flag with its escalation, each idempotent."""

from __future__ import annotations

import datetime

import pytest
from freezegun import freeze_time

from core.inspections.jobs import flag_overdue_inspections, generate_inspection_tasks
from core.inspections.models import InspectionTask, TaskStatus
from core.jobs import enqueue_on_commit
from core.jobs.schedule import run_due
from core.jobs.worker import run_pending
from core.notifications.models import Notification

from .conftest import NOW

pytestmark = pytest.mark.django_db


def run(job, capture):
    with capture(execute=True):
        enqueue_on_commit(job)
    assert run_pending() == 1


def test_the_schedule_generates_the_tasks_once(
    daily_point, django_capture_on_commit_callbacks
):
    with freeze_time(NOW):
        with django_capture_on_commit_callbacks(execute=True):
            due = run_due(NOW)
        assert {"inspections.generate", "inspections.flag_overdue"} <= set(due)
        run_pending()
        tasks = list(
            InspectionTask.objects.order_by("pk").values_list("pk", "period_start")
        )
        assert len(tasks) == 2  # today and tomorrow
        with django_capture_on_commit_callbacks(execute=True):
            assert run_due(NOW) == []  # the slot is claimed
        run(generate_inspection_tasks, django_capture_on_commit_callbacks)
        assert (
            list(
                InspectionTask.objects.order_by("pk").values_list("pk", "period_start")
            )
            == tasks
        )


def test_overdue_tasks_are_flagged_and_escalated_once(
    world, daily_point, django_capture_on_commit_callbacks
):
    with freeze_time(NOW):
        run(generate_inspection_tasks, django_capture_on_commit_callbacks)
    today = InspectionTask.objects.earliest("due_at")
    late = NOW + datetime.timedelta(days=1, hours=1)  # today's slot ended at 0:00
    with freeze_time(late):
        run(flag_overdue_inspections, django_capture_on_commit_callbacks)
        run(flag_overdue_inspections, django_capture_on_commit_callbacks)
    today.refresh_from_db()
    assert (today.status, today.escalation) == (TaskStatus.OVERDUE, 1)
    assert Notification.objects.filter(recipient=world.staff_a).count() == 1
    assert not Notification.objects.filter(recipient=world.manager_a).exists()

    with freeze_time(late + datetime.timedelta(days=1)):
        run(flag_overdue_inspections, django_capture_on_commit_callbacks)
        run(flag_overdue_inspections, django_capture_on_commit_callbacks)
    today.refresh_from_db()
    assert today.escalation == 2
    # The next level: the enterprise's safety manager, once.
    assert Notification.objects.filter(recipient=world.manager_a).count() == 1
    # Tomorrow's task became overdue too, and told its assignee once.
    assert Notification.objects.filter(recipient=world.staff_a).count() == 2


def test_a_done_task_is_never_flagged(
    world, daily_point, django_capture_on_commit_callbacks
):
    with freeze_time(NOW):
        run(generate_inspection_tasks, django_capture_on_commit_callbacks)
    InspectionTask.objects.update(status=TaskStatus.DONE)
    with freeze_time(NOW + datetime.timedelta(days=5)):
        run(flag_overdue_inspections, django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()
    assert set(InspectionTask.objects.values_list("status", flat=True)) == {
        TaskStatus.DONE
    }
