"""Overdue escalation, run for real through the database backend with a
frozen clock: responsible person, then the safety managers, then for a
major hazard the departments; a second run notifies nobody."""

from __future__ import annotations

import datetime

import pytest
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from core.hazards.models import HazardGrade, HazardStatus
from core.hazards.tasks import escalate_overdue_hazards
from core.jobs import enqueue_on_commit
from core.jobs.schedule import load_schedule, run_due
from core.jobs.worker import run_pending
from core.notifications.models import Notification

pytestmark = pytest.mark.django_db
S = HazardStatus
DEADLINE = datetime.date(2026, 3, 2)


def _run(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(escalate_overdue_hazards)
    assert run_pending() == 1


def _told(hazard) -> list[str]:
    return sorted(
        Notification.objects.filter(target_id=str(hazard.pk)).values_list(
            "recipient__username", flat=True
        )
    )


def test_escalation_step_by_step_and_idempotent(hz, django_capture_on_commit_callbacks):
    general = hz.hazard(S.RECTIFYING, deadline=DEADLINE)
    major = hz.hazard(S.CONFIRMED, grade=HazardGrade.MAJOR, deadline=DEADLINE)
    closed = hz.hazard(S.CLOSED, deadline=DEADLINE)
    with freeze_time("2026-03-02 12:00:00"):  # due today: not overdue yet
        _run(django_capture_on_commit_callbacks)
    assert _told(general) == [] and _told(major) == []
    with freeze_time("2026-03-03 12:00:00"):  # one day overdue
        _run(django_capture_on_commit_callbacks)
        _run(django_capture_on_commit_callbacks)  # a rerun: nothing more
    assert _told(general) == ["staff-a"] and _told(major) == ["staff-a"]
    with freeze_time("2026-03-05 12:00:00"):  # three days: the manager
        _run(django_capture_on_commit_callbacks)
    assert _told(general) == ["manager-a", "staff-a"]
    with freeze_time("2026-03-09 12:00:00"):  # seven: departments, major only
        _run(django_capture_on_commit_callbacks)
        _run(django_capture_on_commit_callbacks)
    assert _told(general) == ["manager-a", "staff-a"]
    assert _told(major) == ["dept-chem", "manager-a", "staff-a", "street-1"]
    assert _told(closed) == []
    major.refresh_from_db()
    assert major.escalation_level == 3


def test_a_late_first_run_notifies_every_level_once(
    hz, django_capture_on_commit_callbacks
):
    major = hz.hazard(S.RECTIFYING, grade=HazardGrade.MAJOR, deadline=DEADLINE)
    with freeze_time("2026-03-20 12:00:00"):
        _run(django_capture_on_commit_callbacks)
        _run(django_capture_on_commit_callbacks)
    assert _told(major) == ["dept-chem", "manager-a", "staff-a", "street-1"]


def test_the_escalation_is_in_the_one_schedule(django_capture_on_commit_callbacks):
    names = {entry.name for entry in load_schedule()}
    assert "hazards.escalate_overdue" in names
    with freeze_time("2026-03-04 09:00:00+08:00"):
        from django.utils import timezone

        with django_capture_on_commit_callbacks(execute=True):
            assert "hazards.escalate_overdue" in run_due(timezone.now())
            assert "hazards.escalate_overdue" not in run_due(timezone.now())
    assert DBTaskResult.objects.filter(
        task_path="core.hazards.tasks.escalate_overdue_hazards"
    ).exists()
