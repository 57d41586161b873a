"""Background work run for real: enqueued through the database backend, then
claimed and run by django-tasks-db's worker in this thread (``run_pending``)."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.jobs import enqueue_on_commit
from core.jobs.checks import check_schedule
from core.jobs.models import JobRun, ScheduledRun
from core.jobs.schedule import ScheduleEntry, load_schedule, run_due
from core.jobs.tasks import prune_job_history
from core.jobs.worker import run_pending
from tests.core.admin_helpers import assert_permission_denied, assert_sent_to_login
from tests.core.jobs import sample_jobs
from tests.dummy_pack import plugin as dummy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _only_the_jobs_apps_schedule(settings):
    """These tests are about the scheduler: the other apps' periodic jobs
    (hazard escalation, tested in tests/core/hazards) are switched off the
    way a deployment would, with None."""
    settings.SAFEGRID_SCHEDULE = {
        **settings.SAFEGRID_SCHEDULE,
        "hazards.escalate_overdue": None,
        "hazards.mark_overdue": None,
        "supervision.recompute_ratings": None,
        "monitoring.check_sensors": None,
        "monitoring.thin_readings": None,
        "emergency.warn_expiring_agreements": None,
        "emergency.flag_overdue_drills": None,
        "emergency.remind_training_gaps": None,
        "emergency.flag_overdue_workplace_tests": None,
        "campaigns.remind_directives": None,
        "campaigns.record_progress": None,
    }


SHANGHAI = ZoneInfo("Asia/Shanghai")
PRUNE = "core.jobs.tasks.prune_job_history"


@pytest.fixture(autouse=True)
def _only_housekeeping_scheduled(settings):
    """These tests are about the scheduler: the schedule holds only the jobs
    app's own entry (other apps' entries have their own tests)."""
    settings.SAFEGRID_SCHEDULE = {
        "jobs.prune_history": settings.SAFEGRID_SCHEDULE["jobs.prune_history"]
    }


def runs(task):
    path = f"{task.func.__module__}.{task.func.__qualname__}"
    return list(
        JobRun.objects.filter(task_path=path)
        .order_by("started_at", "pk")
        .values_list("attempt", "status")
    )


# -- enqueue and run -----------------------------------------------------------------


def test_a_job_enqueued_on_commit_runs_through_the_database_backend(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_on_commit(sample_jobs.add, 2, b=3)
        assert not DBTaskResult.objects.exists()  # not before the commit
    stored = DBTaskResult.objects.get()
    assert stored.status == TaskResultStatus.READY

    assert run_pending() == 1

    stored.refresh_from_db()
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert stored.return_value == 5
    assert runs(sample_jobs.add) == [(1, JobRun.Status.SUCCEEDED)]
    assert run_pending() == 0


def test_a_rolled_back_write_enqueues_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue_on_commit(sample_jobs.add, 1, 1)
        raise RuntimeError("the write fails")
    assert callbacks == []
    assert not DBTaskResult.objects.exists()
    assert run_pending() == 0


# -- retries -------------------------------------------------------------------------


def test_a_failed_attempt_is_retried_until_it_succeeds():
    sample_jobs.fails_until.enqueue(2)
    assert run_pending() == 2
    assert runs(sample_jobs.fails_until) == [
        (1, JobRun.Status.RETRYING),
        (2, JobRun.Status.SUCCEEDED),
    ]
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
    retried = DBTaskResult.objects.get(status=TaskResultStatus.SUCCESSFUL)
    assert retried.return_value == "succeeded on attempt 2"
    first = JobRun.objects.get(attempt=1)
    assert first.error == "RuntimeError: attempt 1 failed"
    assert "RuntimeError" in first.traceback


def test_a_job_that_keeps_failing_is_recorded_as_failed_after_its_attempts():
    sample_jobs.always_fails.enqueue()
    assert run_pending() == 2  # two attempts, then no more
    assert runs(sample_jobs.always_fails) == [
        (1, JobRun.Status.RETRYING),
        (2, JobRun.Status.FAILED),
    ]
    last = JobRun.objects.get(attempt=2)
    assert last.error == "ValueError: 储罐液位数据缺失"
    assert last.finished_at is not None
    assert run_pending() == 0


def test_a_retry_waits_for_its_delay():
    sample_jobs.fails_later_retry.enqueue()
    assert run_pending() == 1
    waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert waiting.run_after > timezone.now() + timedelta(seconds=500)
    assert run_pending() == 0  # not due yet
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
    assert run_pending() == 1
    assert runs(sample_jobs.fails_later_retry)[-1] == (2, JobRun.Status.FAILED)


# -- the administrator's list --------------------------------------------------------


@pytest.mark.parametrize("role", ["committee", "superuser"])
def test_committee_and_superuser_see_failed_runs_with_their_error(client, world, role):
    sample_jobs.always_fails.enqueue()
    run_pending()
    client.force_login(getattr(world, role))
    response = client.get(reverse("job_runs:index"), {"status": "failed"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "储罐液位数据缺失" in html
    failed = JobRun.objects.get(status=JobRun.Status.FAILED)
    inspect = client.get(reverse("job_runs:inspect", args=[failed.pk]))
    assert inspect.status_code == 200
    assert "Traceback" in inspect.content.decode()


@pytest.mark.parametrize(
    "role", ["dept_chemicals", "dept_construction", "street1_office"]
)
def test_other_government_roles_cannot_see_job_runs(client, world, role):
    sample_jobs.always_fails.enqueue()
    run_pending()
    client.force_login(getattr(world, role))
    assert_permission_denied(client.get(reverse("job_runs:index")))
    run = JobRun.objects.first()
    assert_permission_denied(client.get(reverse("job_runs:inspect", args=[run.pk])))


@pytest.mark.parametrize("role", ["manager_a", "staff_a", "outsider"])
def test_enterprise_users_cannot_reach_job_runs(client, world, role):
    client.force_login(getattr(world, role))
    assert_sent_to_login(client.get(reverse("job_runs:index")))


def test_job_runs_are_read_only(client, world):
    sample_jobs.add.enqueue(1, 2)
    run_pending()
    run = JobRun.objects.get()
    client.force_login(world.superuser)
    assert_permission_denied(client.get(reverse("job_runs:add")))
    for view in ("edit", "delete"):
        assert_permission_denied(client.get(reverse(f"job_runs:{view}", args=[run.pk])))


def test_job_run_list_runs_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.committee)
    url = reverse("job_runs:index")
    sample_jobs.add.enqueue(1, 2)
    run_pending()
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for n in range(40):
        sample_jobs.add.enqueue(n, n)
    run_pending()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


# -- the schedule --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("every", "at", "now", "slot"),
    [
        ("hour", None, datetime(2026, 3, 4, 10, 59), datetime(2026, 3, 4, 10, 0)),
        ("day", "03:30", datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 4, 3, 30)),
        ("day", "03:30", datetime(2026, 3, 4, 2, 0), datetime(2026, 3, 3, 3, 30)),
        ("week", None, datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 2, 0, 0)),
        ("week", "08:00", datetime(2026, 3, 2, 7, 0), datetime(2026, 2, 23, 8, 0)),
        ("month", None, datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 1, 0, 0)),
        ("month", "06:00", datetime(2026, 3, 1, 5, 0), datetime(2026, 2, 1, 6, 0)),
        (900, None, datetime(2026, 3, 4, 10, 44), datetime(2026, 3, 4, 10, 30)),
    ],
)
def test_slots_are_the_start_of_the_local_period(every, at, now, slot):
    entry = ScheduleEntry(name="x.y", task=PRUNE, every=every, at=at)
    assert entry.slot(now.replace(tzinfo=SHANGHAI)) == slot.replace(tzinfo=SHANGHAI)


def test_the_scheduler_enqueues_a_slot_once_however_often_it_runs(
    django_capture_on_commit_callbacks,
):
    now = datetime(2026, 3, 4, 10, 0, tzinfo=SHANGHAI)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_due(now) == ["jobs.prune_history"]
        assert run_due(now) == []  # a rerun, or a second scheduler
        assert run_due(now + timedelta(hours=12)) == []  # the same day's slot
    assert ScheduledRun.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    assert run_pending() == 1
    assert runs(prune_job_history) == [(1, JobRun.Status.SUCCEEDED)]

    with django_capture_on_commit_callbacks(execute=True):
        assert run_due(now + timedelta(days=1)) == ["jobs.prune_history"]
    assert ScheduledRun.objects.count() == 2
    assert run_pending() == 1


def test_run_scheduler_once_enqueues_the_due_jobs(django_capture_on_commit_callbacks):
    from io import StringIO

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once", stdout=out)
        call_command("run_scheduler", "--once", stdout=out)
    assert out.getvalue() == "enqueued jobs.prune_history\n"
    assert DBTaskResult.objects.get().task_path == PRUNE


def test_a_plugin_adds_a_scheduled_job_and_settings_can_switch_it_off(
    enable_packs, django_capture_on_commit_callbacks
):
    """safegrid_scheduled_jobs: the dummy pack's hourly heartbeat."""
    enable_packs(extra=[("dummy", dummy)])
    entries = {entry.name: entry for entry in load_schedule()}
    heartbeat = entries["dummy.heartbeat"]
    assert (heartbeat.source, heartbeat.every) == ("dummy", "hour")
    assert check_schedule() == []

    with django_capture_on_commit_callbacks(execute=True):
        assert "dummy.heartbeat" in run_due()
    assert run_pending() == 2  # the heartbeat and the housekeeping
    assert (
        DBTaskResult.objects.get(
            task_path="tests.dummy_pack.jobs.dummy_heartbeat"
        ).return_value
        == "alive"
    )

    off = {
        "dummy.heartbeat": None,
        "hazards.escalate_overdue": None,
        "hazards.mark_overdue": None,
        "supervision.recompute_ratings": None,
        "monitoring.check_sensors": None,
        "monitoring.thin_readings": None,
        "emergency.warn_expiring_agreements": None,
        "emergency.flag_overdue_drills": None,
        "emergency.remind_training_gaps": None,
        "emergency.flag_overdue_workplace_tests": None,
        "campaigns.remind_directives": None,
        "campaigns.record_progress": None,
    }
    with override_settings(SAFEGRID_SCHEDULE=off):
        assert [entry.name for entry in load_schedule()] == []


def test_a_malformed_schedule_stops_start_up():
    bad = {
        "Bad Name": {"task": "core.jobs.tasks.no_such_job", "every": "fortnight"},
        "ok.but_not_a_task": {"task": "core.jobs.schedule.run_due", "every": 3600},
        "ok.at_on_an_hour": {"task": PRUNE, "every": "hour", "at": "03:00"},
    }
    with override_settings(SAFEGRID_SCHEDULE=bad):
        messages = [error.msg for error in check_schedule()]
        ids = {error.id for error in check_schedule()}
    assert ids == {"safegrid.E023"}
    text = "\n".join(messages)
    assert "'Bad Name': the name" in text
    assert "every must be one of" in text
    assert "cannot be imported" in text
    assert "is not a task" in text
    assert "at must be HH:MM" in text


# -- housekeeping --------------------------------------------------------------------


def test_housekeeping_prunes_old_finished_work_and_is_idempotent():
    sample_jobs.add.enqueue(1, 1)
    sample_jobs.add.enqueue(2, 2)
    run_pending()
    old = timezone.now() - timedelta(days=31)
    kept, aged = DBTaskResult.objects.order_by("enqueued_at", "pk")
    DBTaskResult.objects.filter(pk=aged.pk).update(finished_at=old)
    JobRun.objects.filter(task_result_id=str(aged.pk)).update(finished_at=old)
    for days in (90, 60):
        ScheduledRun.objects.create(
            name="jobs.prune_history", slot=timezone.now() - timedelta(days=days)
        )
    ScheduledRun.objects.create(
        name="monthly.report", slot=timezone.now() - timedelta(days=45)
    )
    sample_jobs.add.enqueue(3, 3)  # still waiting: never pruned

    prune_job_history.enqueue()
    ran = run_pending()
    assert ran == 2
    pruned = DBTaskResult.objects.get(task_path=PRUNE)
    assert pruned.return_value == {
        "task_results": 1,
        "job_runs": 1,
        "schedule_claims": 1,  # the older claim; each entry's latest stays
    }
    assert not DBTaskResult.objects.filter(pk=aged.pk).exists()
    assert DBTaskResult.objects.filter(pk=kept.pk).exists()
    assert ScheduledRun.objects.filter(name="monthly.report").exists()

    prune_job_history.enqueue()
    run_pending()
    again = DBTaskResult.objects.filter(task_path=PRUNE).order_by("-enqueued_at")[0]
    assert again.return_value == {
        "task_results": 0,
        "job_runs": 0,
        "schedule_claims": 0,
    }


# -- Redis ---------------------------------------------------------------------------


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_reachable(), reason="Redis is not reachable")
def test_a_job_runs_through_rq_on_redis():
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    queue = django_rq.get_queue(settings.RQ_TEST_QUEUE, job_class=Job)
    queue.empty()
    result = sample_jobs.add.using(
        backend="rq", queue_name=settings.RQ_TEST_QUEUE
    ).enqueue(20, 22)
    worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
    assert worker.work(burst=True)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 42
    run = JobRun.objects.get()
    assert (run.backend, run.status) == ("rq", JobRun.Status.SUCCEEDED)
