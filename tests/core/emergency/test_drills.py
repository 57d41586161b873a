"""Drills: the annual plan, records with photos (the forms' checked uploads),
an improvement opening a hazard, and planned drills not held flagged by the
daily job (frozen clock, run twice)."""

from __future__ import annotations

import datetime

import pytest
from freezegun import freeze_time

from core.base.errors import Invalid, Refused
from core.emergency.models import Drill, DrillPlanItem
from core.emergency.services import (
    drill_open_hazard,
    drill_plan_add,
    drill_record,
)
from core.emergency.tasks import flag_overdue_drills
from core.forms.services import upload_store
from core.hazards.models import Hazard
from core.jobs import enqueue_on_commit
from core.jobs.worker import run_pending
from core.notifications.models import Notification
from core.organizations.models import Person
from tests.factories import image_upload

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def test_a_drill_with_photos_participants_and_an_improvement(world, plan_a):
    item = drill_plan_add(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        year=2026,
        scenario="反应釜泄漏",
        due_on="2026-05-30",
        plan=plan_a,
    )
    photo = upload_store(
        actor=world.manager_a, enterprise=world.enterprise_a, file=image_upload()
    )
    person = Person.objects.get(name="张三")
    drill = drill_record(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        held_on="2026-05-28",
        scenario="反应釜泄漏",
        participant_count="12",
        plan=plan_a,
        planned=item,
        participants=[person],
        photos=[photo],
        evaluation="响应及时，呼吸器佩戴偏慢",
        improvements="增配空气呼吸器",
        today=TODAY,
    )
    assert list(drill.photos.all()) == [photo]
    assert list(drill.participants.all()) == [person]
    item.refresh_from_db()
    assert item.drill == drill
    hazard = drill_open_hazard(
        actor=world.manager_a, drill=drill, description="空气呼吸器数量不足"
    )
    assert list(drill.hazards.all()) == [hazard]
    assert hazard.enterprise == world.enterprise_a
    with pytest.raises(Invalid):  # a planned drill is recorded once
        drill_record(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            held_on="2026-05-29",
            scenario="x",
            participant_count=3,
            planned=item,
            today=TODAY,
        )


def test_bad_drill_input_is_refused_by_field(world):
    foreign_photo = upload_store(
        actor=world.manager_b, enterprise=world.enterprise_b, file=image_upload()
    )
    with pytest.raises(Invalid) as caught:
        drill_record(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            held_on="2026-07-01",
            scenario="",
            participant_count="many",
            photos=[foreign_photo],
            today=TODAY,
        )
    assert set(caught.value.message_dict) == {
        "/held_on",
        "/scenario",
        "/participant_count",
        "/photos",
    }
    with pytest.raises(Invalid) as caught:
        drill_plan_add(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            year=2026,
            scenario="火灾",
            due_on="2027-01-10",
        )
    assert set(caught.value.message_dict) == {"/due_on"}
    assert not Drill.objects.exists() and not DrillPlanItem.objects.exists()


@pytest.mark.parametrize(
    "role", ["dept_chemicals", "committee", "street1_office", "staff_a", "manager_b"]
)
def test_only_the_manager_records_drills(world, role):
    user = getattr(world, role)
    with pytest.raises(Refused):
        drill_plan_add(
            actor=user,
            enterprise=world.enterprise_a,
            year=2026,
            scenario="火灾",
            due_on="2026-09-01",
        )
    with pytest.raises(Refused):
        drill_record(
            actor=user,
            enterprise=world.enterprise_a,
            held_on="2026-05-01",
            scenario="火灾",
            participant_count=5,
            today=TODAY,
        )
    assert not Hazard.objects.exists()


def _run(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(flag_overdue_drills)
    assert run_pending() == 1


def test_planned_drills_not_held_are_flagged_once(
    world, django_capture_on_commit_callbacks
):
    late = drill_plan_add(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        year=2026,
        scenario="火灾疏散",
        due_on="2026-04-30",
    )
    held = drill_plan_add(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        year=2026,
        scenario="泄漏",
        due_on="2026-04-30",
    )
    drill_record(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        held_on="2026-04-20",
        scenario="泄漏",
        participant_count=8,
        planned=held,
        today=TODAY,
    )
    with freeze_time("2026-04-30 10:00:00"):  # due today: not late
        _run(django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()
    with freeze_time("2026-05-01 10:00:00"):
        _run(django_capture_on_commit_callbacks)
        _run(django_capture_on_commit_callbacks)  # a rerun: nothing more
    told = Notification.objects.filter(target_id=str(late.pk))
    assert [n.recipient.username for n in told] == ["manager-a"]
    assert Notification.objects.count() == 1
    late.refresh_from_db()
    assert late.flagged_on == datetime.date(2026, 5, 1)
