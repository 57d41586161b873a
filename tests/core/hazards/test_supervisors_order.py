"""The supervisors' order (under supervision, then major, then overdue, then
newest) is the stored ``Hazard.priority``: kept by every service step and by
the daily overdue job, served by an index, stable, and the same in the admin
list as in the selector."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from core.base.keyset import keyset_page
from core.hazards.models import Hazard, HazardGrade, HazardStatus
from core.hazards.selectors import hazard_list_for_supervisors
from core.hazards.services import hazard_report, hazard_transition
from core.hazards.tasks import escalate_overdue_hazards, mark_overdue_hazards
from core.jobs import enqueue_on_commit
from core.jobs.worker import run_pending
from core.organizations.scope import scope_for
from tests.factories import logged_in

pytestmark = pytest.mark.django_db
S = HazardStatus
MAJOR = HazardGrade.MAJOR
ADMIN = "/admin/hazards/"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a job for real (the database backend, as the schedule does) and
    return its result."""

    def run_job(job=mark_overdue_hazards):
        # The clock is frozen: the results' times tie, so keep only this one.
        DBTaskResult.objects.filter(task_path=job.module_path).delete()
        with django_capture_on_commit_callbacks(execute=True):
            enqueue_on_commit(job)
        assert run_pending() == 1
        return DBTaskResult.objects.get(task_path=job.module_path).return_value

    return run_job


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def _ids(user) -> list[int]:
    return list(
        hazard_list_for_supervisors(scope=scope_for(user)).values_list("pk", flat=True)
    )


def _admin_ids(client, url: str = ADMIN) -> list[int]:
    page = client.get(url).content.decode()
    return [int(pk) for pk in re.findall(r"/admin/hazards/inspect/(\d+)/", page)]


def _expected(hazards) -> list[int]:
    today = timezone.localdate()
    return [
        h.pk
        for h in sorted(
            hazards,
            key=lambda h: (
                not h.supervised,
                h.grade != MAJOR,
                not h.overdue_on(today),
                -h.reported_at.timestamp(),
                -h.pk,
            ),
        )
    ]


def _mixed(hz) -> list[Hazard]:
    """One hazard of each kind, the newest the least urgent; two reported
    at the same moment (the id decides)."""
    now = timezone.now()
    at = [now - datetime.timedelta(hours=n) for n in range(8)]
    return [
        hz.hazard(S.CONFIRMED, reported_at=at[7]),  # plain, oldest
        hz.hazard(S.RECTIFYING, deadline=_days(-2), reported_at=at[6]),  # overdue
        hz.hazard(S.CONFIRMED, grade=MAJOR, reported_at=at[5]),  # major
        hz.hazard(
            S.RECTIFYING, grade=MAJOR, supervised=True, reported_at=at[4]
        ),  # supervised
        hz.hazard(S.REPORTED, reported_at=at[0]),  # plain, newest
        hz.hazard(S.REPORTED, reported_at=at[0]),  # same moment: id decides
        hz.hazard(
            S.CLOSED, deadline=_days(-5), reported_at=at[1]
        ),  # closed: not overdue
        hz.hazard(
            S.CONFIRMED, grade=MAJOR, deadline=_days(-1), reported_at=at[3]
        ),  # major and overdue
        hz.hazard(S.REPORTED, enterprise=hz.world.enterprise_b, reported_at=at[2]),
    ]


def test_supervised_then_major_then_overdue_then_newest(hz):
    hazards = _mixed(hz)
    expected = _expected(hazards)
    assert [Hazard.objects.get(pk=pk).priority for pk in expected] == [
        6,
        3,
        2,
        1,
        0,
        0,
        0,
        0,
        0,
    ]
    world = hz.world
    assert _ids(world.committee) == expected
    assert _ids(world.committee) == expected  # stable between reads
    assert _admin_ids(logged_in(world.committee)) == expected
    # Each scope shape: its own rows, in the same order.
    in_a = [pk for pk in expected if pk != hazards[-1].pk]
    for user in (world.dept_chemicals, world.street1_office):
        assert _ids(user) == in_a
        assert _admin_ids(logged_in(user)) == in_a
    filtered = f"{ADMIN}?enterprise={world.enterprise_a.pk}"
    assert _admin_ids(logged_in(world.committee), filtered) == in_a


def test_the_overdue_job_moves_a_hazard_up_on_a_later_day(hz, run):
    world = hz.world
    with freeze_time("2026-03-02 10:00:00+08:00"):
        later = hz.hazard(S.RECTIFYING, deadline=datetime.date(2026, 3, 4))
        newer = hz.hazard(S.CONFIRMED, deadline=datetime.date(2026, 3, 20))
        assert _ids(world.committee) == [newer.pk, later.pk]
    with freeze_time("2026-03-05 00:10:00+08:00"):
        # Until the job runs, the order is the one stored.
        assert _ids(world.committee) == [newer.pk, later.pk]
        assert run() == {"hazards": 1}
        assert _ids(world.committee) == [later.pk, newer.pk]
        assert run() == {"hazards": 0}  # idempotent
        later.refresh_from_db()
        assert later.priority == 1 and later.is_overdue


def test_the_escalation_marks_overdue_hazards_too(hz, run):
    with freeze_time("2026-03-02 10:00:00+08:00"):
        hazard = hz.hazard(S.RECTIFYING, deadline=datetime.date(2026, 3, 4))
    with freeze_time("2026-03-06 08:00:00+08:00"):
        run(escalate_overdue_hazards)
    hazard.refresh_from_db()
    assert hazard.priority == 1


def test_every_service_step_keeps_the_priority(hz, run):
    world = hz.world

    def priority(hazard) -> int:
        return Hazard.objects.values_list("priority", flat=True).get(pk=hazard.pk)

    with freeze_time("2026-03-02 10:00:00+08:00"):
        hazard = hazard_report(
            actor=world.staff_a, enterprise=world.enterprise_a, description="阀门泄漏"
        )
        assert priority(hazard) == 0
        hazard_transition(
            actor=world.manager_a,
            hazard=hazard,
            action="confirm",
            data={
                "grade": MAJOR,
                "responsible": hz.person.pk,
                "deadline": "2026-03-04",
                "rectification_measures": "更换阀门",
                "rectification_cost": "800",
                "contingency_plan": "专人值守",
            },
        )
        assert priority(hazard) == 2  # major
        hazard_transition(actor=world.dept_chemicals, hazard=hazard, action="supervise")
        assert priority(hazard) == 6  # and under supervision
        hazard_transition(actor=world.staff_a, hazard=hazard, action="start")
        assert priority(hazard) == 6
    with freeze_time("2026-03-06 09:00:00+08:00"):
        assert run() == {"hazards": 1}
        assert priority(hazard) == 7  # and overdue
        hazard.refresh_from_db()
        hazard_transition(
            actor=world.staff_a,
            hazard=hazard,
            action="request_extension",
            comment="备件未到",
            data={"extension_until": "2026-03-20"},
        )
        assert priority(hazard) == 7  # still overdue until approved
        hazard_transition(
            actor=world.manager_a, hazard=hazard, action="approve_extension"
        )
        assert priority(hazard) == 6  # the new deadline runs
    with freeze_time("2026-03-22 09:00:00+08:00"):
        run()
        assert priority(hazard) == 7
        hazard.refresh_from_db()
        hazard_transition(
            actor=world.staff_a,
            hazard=hazard,
            action="submit",
            comment="已更换",
            evidence=[hz.photo()],
        )
        assert priority(hazard) == 6  # awaiting acceptance: the deadline stops
        hazard_transition(actor=world.dept_chemicals, hazard=hazard, action="accept")
        assert priority(hazard) == 6  # closed, still supervised and major
        assert run() == {"hazards": 0}


def test_rows_written_in_bulk_or_around_save_get_their_priority(hz, run):
    world = hz.world
    [bulk] = Hazard.objects.bulk_create(
        [
            Hazard(
                enterprise=world.enterprise_a,
                description="批量",
                status=S.RECTIFYING,
                grade=MAJOR,
                deadline=_days(-1),
            )
        ]
    )
    assert Hazard.objects.get(pk=bulk.pk).priority == 3
    plain = hz.hazard(S.CONFIRMED)
    Hazard.objects.filter(pk=plain.pk).update(deadline=_days(-3))  # around save
    assert run() == {"hazards": 1}
    assert Hazard.objects.get(pk=plain.pk).priority == 1


def test_cursor_pages_neither_skip_nor_repeat_rows_added_between_requests(hz):
    now = timezone.now()
    for n in range(30):
        hz.hazard(
            S.CONFIRMED,
            grade=MAJOR if n % 7 == 0 else HazardGrade.GENERAL,
            deadline=_days(-1 if n % 5 == 0 else 5),
            reported_at=now - datetime.timedelta(minutes=n),
        )
    rows = hazard_list_for_supervisors(scope=scope_for(hz.world.committee))
    first = keyset_page(rows, None, 10)
    seen = [h.pk for h in first.rows]
    # Added after the first page: one that sorts before the cursor, one after.
    before = hz.hazard(S.RECTIFYING, grade=MAJOR, supervised=True)
    after = hz.hazard(S.REPORTED, reported_at=now - datetime.timedelta(days=9))
    cursor = first.next_cursor
    while cursor:
        page = keyset_page(rows, cursor, 10)
        seen += [h.pk for h in page.rows]
        cursor = page.next_cursor
    assert len(seen) == len(set(seen))  # nothing twice
    everything = _ids(hz.world.committee)
    assert before.pk not in seen  # it sorts before the page already read
    assert seen == [pk for pk in everything if pk != before.pk]  # nothing skipped
    assert after.pk in seen


def test_the_admin_list_costs_the_same_queries_at_two_sizes(
    hz, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(client) -> int:
        client.get(ADMIN)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(ADMIN).status_code == 200
        for query in captured:
            sql = query["sql"].upper()
            if "HAZARDS_HAZARD" in sql and "COUNT(" in sql:
                assert "LIMIT" in sql, sql  # bounded, never the whole scope
        return len(captured)

    for n in range(5):
        hz.hazard(S.CONFIRMED, supervised=n == 0, grade=MAJOR if n < 2 else "general")
    counts = {}
    for user in ("committee", "dept_chemicals", "street1_office"):
        counts[user] = count(logged_in(getattr(hz.world, user)))
    for n in range(60):
        hz.hazard(S.RECTIFYING, deadline=_days(-1 if n % 2 else 3))
        hz.hazard(S.REPORTED, enterprise=hz.world.enterprise_b)
    for user, small in counts.items():
        assert count(logged_in(getattr(hz.world, user))) == small, user


def test_a_foreign_user_is_refused(hz):
    hazard = hz.hazard(S.CONFIRMED, grade=MAJOR)
    other = hz.hazard(S.REPORTED, enterprise=hz.world.enterprise_b)
    # An enterprise's manager has no admin list at all.
    response = logged_in(hz.world.manager_b).get(ADMIN)
    assert response.status_code in (302, 403)
    # The construction department neither sees nor opens enterprise A's hazard.
    client = logged_in(hz.world.dept_construction)
    assert _admin_ids(client) == [other.pk]
    assert client.get(f"{ADMIN}inspect/{hazard.pk}/").status_code == 404
    response = client.post(
        f"{ADMIN}{hazard.pk}/step/", {"action": "supervise"}, follow=False
    )
    assert response.status_code == 404
    hazard.refresh_from_db()
    assert not hazard.supervised and hazard.priority == 2


def test_a_later_admin_page_continues_the_order(hz):
    now = timezone.now()
    hazards = [
        hz.hazard(
            S.CONFIRMED,
            grade=MAJOR if n % 9 == 0 else HazardGrade.GENERAL,
            reported_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(55)
    ]
    client = logged_in(hz.world.committee)
    first, second = _admin_ids(client), _admin_ids(client, f"{ADMIN}?p=2")
    assert (len(first), len(second)) == (50, 5)
    assert first + second == _expected(hazards)
