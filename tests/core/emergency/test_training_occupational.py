"""Training (requirements per post, sessions, attendance, each person's
record, reminders when missing or expired) and occupational hazards
(exposed posts, workplace tests, overdue flagged), with a frozen clock."""

from __future__ import annotations

import datetime

import pytest
from freezegun import freeze_time

from core.base.errors import Invalid, Refused
from core.emergency.models import TrainingReminder, WorkplaceTest
from core.emergency.selectors import (
    training_record,
    training_status,
    workplace_tests_overdue,
)
from core.emergency.services import (
    exposure_add,
    training_attendance_record,
    training_requirement_add,
    training_session_save,
    workplace_test_record,
)
from core.emergency.tasks import flag_overdue_workplace_tests, remind_training_gaps
from core.jobs import enqueue_on_commit
from core.jobs.worker import run_pending
from core.notifications.models import Notification
from core.organizations.models import Person
from core.organizations.scope import scope_for

pytestmark = pytest.mark.django_db


def _run(job, capture) -> None:
    with capture(execute=True):
        enqueue_on_commit(job)
    assert run_pending() == 1


@pytest.fixture
def certificate(world):
    return training_requirement_add(
        actor=world.manager_a,
        post=world.post_a,
        topic="危险化工工艺作业（特种作业操作证）",
        is_certificate=True,
        valid_months=36,
    )


def _states(scope, today):
    return [
        (r["person_name"], r["state"])
        for r in training_status(scope=scope, today=today)
    ]


def test_missing_then_current_then_expired(world, certificate):
    scope = scope_for(world.manager_a)
    today = datetime.date(2026, 3, 1)
    assert _states(scope, today) == [("张三", "missing")]
    session = training_session_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        topic="特种作业复审培训",
        trainer="市安全培训中心",
        hours="16",
        held_on="2026-02-10",
        requirement=certificate,
    )
    person = Person.objects.get(name="张三")
    attendance = training_attendance_record(
        actor=world.manager_a,
        session=session,
        person=person,
        passed=True,
        score=92,
        certificate_number="T2202600001",
    )
    assert attendance.valid_until == datetime.date(2029, 2, 10)
    assert _states(scope, today) == [("张三", "current")]
    assert _states(scope, datetime.date(2029, 2, 11)) == [("张三", "expired")]
    assert [
        a.session.topic
        for a in training_record(scope=scope_for(world.staff_a), person=person)
    ] == ["特种作业复审培训"]
    assert training_record(scope=scope_for(world.manager_b), person=person) == []
    assert _states(scope_for(world.dept_construction), today) == []


def test_training_writes_are_the_managers_and_checked(world, certificate):
    with pytest.raises(Refused):
        training_session_save(
            actor=world.dept_chemicals,
            enterprise=world.enterprise_a,
            topic="x",
            held_on="2026-01-01",
        )
    with pytest.raises(Invalid) as caught:
        training_session_save(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            topic="",
            hours="-3",
        )
    assert set(caught.value.message_dict) == {"/topic", "/planned_on", "/hours"}
    planned = training_session_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        topic="新员工三级教育",
        planned_on="2026-09-01",
    )
    with pytest.raises(Invalid):  # not held yet
        training_attendance_record(
            actor=world.manager_a,
            session=planned,
            person=Person.objects.get(name="张三"),
        )
    with pytest.raises(Invalid):  # once per post and topic
        training_requirement_add(
            actor=world.manager_a, post=world.post_a, topic=certificate.topic
        )


def test_reminders_once_per_state(
    world, certificate, django_capture_on_commit_callbacks
):
    with freeze_time("2026-03-01 09:00:00"):
        _run(remind_training_gaps, django_capture_on_commit_callbacks)
        _run(remind_training_gaps, django_capture_on_commit_callbacks)
    told = sorted(Notification.objects.values_list("recipient__username", flat=True))
    assert told == ["manager-a", "staff-a"]
    assert TrainingReminder.objects.count() == 1


def test_occupational_exposure_and_overdue_tests(
    world, django_capture_on_commit_callbacks
):
    noise = exposure_add(
        actor=world.manager_a,
        post=world.post_a,
        factor="noise",
        agent="压缩机噪声",
        warning_signs="噪声有害、戴护耳器",
    )
    with pytest.raises(Invalid) as caught:
        exposure_add(actor=world.manager_a, post=world.post_a, factor="boredom")
    assert set(caught.value.message_dict) == {"/factor"}
    with pytest.raises(Refused):
        exposure_add(actor=world.street1_office, post=world.post_a, factor="dust")
    with pytest.raises(Invalid) as caught:
        workplace_test_record(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            tested_on="2026-01-10",
            next_due="2025-01-10",
            results=[{"exposure": noise.pk, "measured": ""}],
        )
    assert set(caught.value.message_dict) == {"/next_due", "/results"}
    old = workplace_test_record(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        tested_on="2025-01-10",
        next_due="2026-01-10",
        agency="某职业卫生技术服务机构",
        results=[
            {
                "exposure": noise,
                "measured": "88 dB(A)",
                "limit": "85 dB(A)",
                "compliant": False,
            }
        ],
    )
    today = datetime.date(2026, 2, 1)
    assert list(
        workplace_tests_overdue(scope=scope_for(world.dept_chemicals), today=today)
    ) == [old]
    assert (
        list(
            workplace_tests_overdue(
                scope=scope_for(world.dept_construction), today=today
            )
        )
        == []
    )
    with freeze_time("2026-02-01 09:00:00"):
        _run(flag_overdue_workplace_tests, django_capture_on_commit_callbacks)
        _run(flag_overdue_workplace_tests, django_capture_on_commit_callbacks)
    assert [n.recipient.username for n in Notification.objects.all()] == ["manager-a"]
    assert WorkplaceTest.objects.get(pk=old.pk).flagged_on == today
    workplace_test_record(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        tested_on="2026-02-05",
        next_due="2027-02-05",
        results=[{"exposure": noise.pk, "measured": "83 dB(A)", "compliant": True}],
    )
    assert (
        list(workplace_tests_overdue(scope=scope_for(world.committee), today=today))
        == []
    )


def test_reminders_reach_every_enterprise_one_at_a_time(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    """Several enterprises, batches smaller than their number: every gap is
    reminded, each read is one enterprise's, the queries grow with the
    enterprises and reminders only."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.emergency import selectors, tasks
    from core.organizations.models import Role, Unit
    from tests.factories import EnterpriseFactory, user_with_role

    training_requirement_add(actor=world.manager_a, post=world.post_a, topic="安全培训")
    for n in range(4):
        enterprise = EnterpriseFactory(name=f"提醒企业{n}", jurisdiction=world.grid1)
        enterprise.industries.set([world.chemicals])
        manager = user_with_role(
            f"remind-{n}", Role.ENTERPRISE_MANAGER, enterprise=enterprise
        )
        post = Unit.add_root(
            enterprise=enterprise, name=f"岗位{n}", kind=Unit.Kind.POST
        )
        for k in range(3):
            Person.objects.create(enterprise=enterprise, name=f"工人{n}-{k}").posts.set(
                [post]
            )
        training_requirement_add(actor=manager, post=post, topic="安全培训")
    reads = []
    real = selectors.training_status

    def spy(**kwargs):
        reads.append(kwargs.get("enterprise"))
        return real(**kwargs)

    monkeypatch.setattr(selectors, "training_status", spy)
    monkeypatch.setattr(tasks, "BATCH", 2)
    with (
        freeze_time("2026-03-01 09:00:00"),
        CaptureQueriesContext(connection) as queries,
    ):
        _run(remind_training_gaps, django_capture_on_commit_callbacks)
    assert None not in reads and len(reads) == len(set(reads)) == 5
    assert TrainingReminder.objects.count() == 1 + 4 * 3
    # Per enterprise a fixed number of reads; per reminder its row and notices.
    assert len(queries) <= 40 + 10 * 5 + 8 * 13
    with freeze_time("2026-03-02 09:00:00"):
        _run(remind_training_gaps, django_capture_on_commit_callbacks)
    assert TrainingReminder.objects.count() == 13
