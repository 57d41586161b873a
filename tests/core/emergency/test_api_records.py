"""The API's drills, training sessions, training records and workplace
tests: every list and detail scoped (foreign enterprises and departments get
an empty list or 404), cursor pages, bounded queries."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from core.emergency.services import (
    drill_record,
    exposure_add,
    training_attendance_record,
    training_session_save,
    workplace_test_record,
)
from core.organizations.models import Person

pytestmark = pytest.mark.django_db
SEES_A = {
    "superuser",
    "committee",
    "dept_chemicals",
    "street1_office",
    "manager_a",
    "staff_a",
}
ROLES = (*sorted(SEES_A), "dept_construction", "manager_b", "outsider")


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def records(world):
    manager = world.manager_a
    person = Person.objects.get(name="张三")
    other = Person.objects.create(enterprise=world.enterprise_a, name="王五")
    drill = drill_record(
        actor=manager,
        enterprise=world.enterprise_a,
        held_on="2026-01-10",
        scenario="火灾疏散",
        participant_count=12,
        participants=[person],
    )
    session = training_session_save(
        actor=manager,
        enterprise=world.enterprise_a,
        topic="消防培训",
        held_on="2026-01-12",
        hours="4",
    )
    mine = training_attendance_record(
        actor=manager, session=session, person=person, passed=True, score=90
    )
    theirs = training_attendance_record(
        actor=manager, session=session, person=other, passed=False
    )
    exposure = exposure_add(actor=manager, post=world.post_a, factor="noise")
    test = workplace_test_record(
        actor=manager,
        enterprise=world.enterprise_a,
        tested_on="2025-01-01",
        next_due="2026-01-01",
        results=[{"exposure": exposure.pk, "measured": "82 dB", "compliant": True}],
    )
    return {
        "drills": drill.pk,
        "training-sessions": session.pk,
        "training-records": mine.pk,
        "workplace-tests": test.pk,
        "theirs": theirs.pk,
    }


def _ids(response):
    return {row["id"] for row in response.data["results"]}


@pytest.mark.parametrize("role", ROLES)
def test_every_list_and_detail_is_scoped(world, records, role):
    client = client_for(getattr(world, role))
    sees = role in SEES_A
    for path in ("drills", "training-sessions", "training-records", "workplace-tests"):
        listed = client.get(f"/api/v1/{path}/")
        assert listed.status_code == 200
        assert (records[path] in _ids(listed)) is sees, (role, path)
        detail = client.get(f"/api/v1/{path}/{records[path]}/")
        assert detail.status_code == (200 if sees else 404), (role, path)
        # Asking for enterprise A by filter changes nothing for an outsider.
        filtered = client.get(f"/api/v1/{path}/?enterprise={world.enterprise_a.pk}")
        assert (records[path] in _ids(filtered)) is sees


def test_a_worker_sees_only_their_own_training_record(world, records):
    staff = client_for(world.staff_a)
    assert _ids(staff.get("/api/v1/training-records/")) == {records["training-records"]}
    assert (
        staff.get(f"/api/v1/training-records/{records['theirs']}/").status_code == 404
    )
    session = staff.get(f"/api/v1/training-sessions/{records['training-sessions']}/")
    assert [a["id"] for a in session.data["attendances"]] == [
        records["training-records"]
    ]
    manager = client_for(world.manager_a)
    session = manager.get(f"/api/v1/training-sessions/{records['training-sessions']}/")
    assert len(session.data["attendances"]) == 2


def test_details_carry_their_rows(world, records):
    manager = client_for(world.manager_a)
    drill = manager.get(f"/api/v1/drills/{records['drills']}/").data
    assert drill["scenario"] == "火灾疏散" and len(drill["participants"]) == 1
    test = manager.get(f"/api/v1/workplace-tests/{records['workplace-tests']}/").data
    assert test["results"][0]["measured"] == "82 dB"
    assert test["results"][0]["post_name"] == world.post_a.name
    assert test["overdue"] is (datetime.date(2026, 1, 1) < datetime.date.today())


def test_cursor_pages_and_bounded_queries(
    world, records, django_assert_max_num_queries
):
    from core.emergency.models import TrainingSession

    TrainingSession.objects.bulk_create(
        TrainingSession(
            enterprise=world.enterprise_a,
            topic=f"培训{n}",
            planned_on=datetime.date(2026, 6, 1),
        )
        for n in range(55)
    )
    client = client_for(world.dept_chemicals)
    first = client.get("/api/v1/training-sessions/")
    assert len(first.data["results"]) == 50 and first.data["next"]
    seen = _ids(first)
    following = first.data["next"]
    while following:
        page = client.get(following)
        seen |= _ids(page)
        following = page.data["next"]
    assert len(seen) == 56
    for path in ("drills", "training-sessions", "training-records", "workplace-tests"):
        client.get(f"/api/v1/{path}/")
        with django_assert_max_num_queries(12):
            assert client.get(f"/api/v1/{path}/").status_code == 200
