"""Government inspections: who plans and records, the hazards their findings
open at the enterprise, and the admin pages' scope."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.base.errors import Invalid, Refused
from core.hazards.models import Hazard, HazardStatus
from core.hazards.selectors import hazard_list
from core.inspections.government import (
    government_inspection_plan,
    government_inspection_record,
    government_inspections,
)
from core.inspections.models import GovernmentInspection
from core.notifications.models import Notification
from core.organizations.scope import scope_for
from tests.factories import logged_in as _client

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _plan(world, actor=None, enterprise=None):
    return government_inspection_plan(
        actor=actor or world.dept_chemicals,
        enterprise=enterprise or world.enterprise_a,
        planned_on=TODAY(),
        inspectors="王检查、李执法",
        purpose="危化品储存专项检查",
    )


FINDINGS = [
    {
        "description": "液氯钢瓶未固定",
        "location": "钢瓶库",
        "grade": "general",
        "deadline": TODAY() + datetime.timedelta(days=7),
    },
    {"description": "紧急切断阀失效", "grade": "major"},
]


def test_an_office_plans_inspections_of_its_own_scope_only(world):
    inspection = _plan(world)
    assert inspection.department == world.dept_chemicals.membership.department
    assert inspection.status == GovernmentInspection.Status.PLANNED
    _plan(world, actor=world.street1_office)  # A is in street 1
    _plan(world, actor=world.committee, enterprise=world.enterprise_b)
    for actor, enterprise in [
        (world.dept_chemicals, world.enterprise_b),  # construction: not theirs
        (world.street1_office, world.enterprise_b),  # street 2
        (world.manager_a, world.enterprise_a),  # an enterprise does not
        (world.staff_a, world.enterprise_a),
    ]:
        with pytest.raises(Refused):
            _plan(world, actor=actor, enterprise=enterprise)
    assert GovernmentInspection.objects.count() == 3


def test_planning_needs_a_date_and_inspectors(world):
    with pytest.raises(Invalid) as caught:
        government_inspection_plan(
            actor=world.dept_chemicals,
            enterprise=world.enterprise_a,
            planned_on="2026-13-40",
            inspectors=" ",
        )
    assert {e.path for e in caught.value.errors} == {"/planned_on", "/inspectors"}
    assert not GovernmentInspection.objects.exists()


def test_recording_opens_hazards_at_the_enterprise(world):
    inspection = _plan(world)
    opened = government_inspection_record(
        actor=world.dept_chemicals,
        inspection=inspection,
        inspected_on=TODAY(),
        summary="发现两项隐患，责令整改",
        findings=FINDINGS,
    )
    assert len(opened) == 2
    inspection.refresh_from_db()
    assert inspection.status == GovernmentInspection.Status.RECORDED
    assert inspection.recorded_by == world.dept_chemicals
    hazards = Hazard.objects.filter(government_inspection=inspection).order_by("pk")
    assert [h.grade for h in hazards] == ["general", "major"]
    assert all(h.enterprise == world.enterprise_a for h in hazards)
    assert all(h.status == HazardStatus.REPORTED for h in hazards)
    assert hazards[0].deadline == TODAY() + datetime.timedelta(days=7)
    assert "应急管理局" in hazards[0].transitions.get().comment
    # The enterprise's manager is told; the inspecting office and the
    # territorial office see them in their scope; another department does not.
    assert Notification.objects.filter(recipient=world.manager_a).count() == 1
    for user in (world.dept_chemicals, world.street1_office, world.manager_a):
        assert (
            hazard_list(scope=scope_for(user))
            .filter(government_inspection=inspection)
            .count()
            == 2
        )
    assert not hazard_list(scope=scope_for(world.dept_construction)).exists()
    # Once only.
    with pytest.raises(Invalid):
        government_inspection_record(
            actor=world.dept_chemicals,
            inspection=inspection,
            inspected_on=TODAY(),
            summary="",
        )


def test_a_wrong_finding_stores_nothing(world):
    inspection = _plan(world)
    with pytest.raises(Invalid) as caught:
        government_inspection_record(
            actor=world.dept_chemicals,
            inspection=inspection,
            inspected_on=TODAY(),
            summary="",
            findings=[
                FINDINGS[0],
                {"description": "", "location": "罐区"},
                {"description": "x", "grade": "nope", "deadline": "2020-01-01"},
            ],
        )
    assert {e.path for e in caught.value.errors} == {
        "/findings/1/description",
        "/findings/2/grade",
        "/findings/2/deadline",
    }
    inspection.refresh_from_db()
    assert inspection.status == GovernmentInspection.Status.PLANNED
    assert not Hazard.objects.exists()


def test_only_the_inspecting_office_records(world):
    inspection = _plan(world)
    for actor in (world.street1_office, world.committee, world.manager_a):
        with pytest.raises(Refused):
            government_inspection_record(
                actor=actor,
                inspection=inspection,
                inspected_on=TODAY(),
                summary="",
                findings=FINDINGS,
            )
    assert not Hazard.objects.exists()


def test_an_office_lists_its_own_inspections(world):
    mine = _plan(world)
    theirs = _plan(world, actor=world.street1_office)
    assert list(government_inspections(scope=scope_for(world.dept_chemicals))) == [mine]
    assert set(government_inspections(scope=scope_for(world.committee))) == {
        mine,
        theirs,
    }
    assert not government_inspections(scope=scope_for(world.manager_a)).exists()


# -- the admin pages -------------------------------------------------------------------


def test_plan_and_record_through_the_admin(world, django_assert_max_num_queries):
    client = _client(world.dept_chemicals)
    response = client.post(
        reverse("government_inspections:plan"),
        {
            "enterprise": str(world.enterprise_a.pk),
            "planned_on": TODAY().isoformat(),
            "inspectors": "王检查",
            "purpose": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    inspection = GovernmentInspection.objects.get()
    detail = reverse("government_inspections:detail", args=[inspection.pk])
    page = client.get(detail)
    assert page.status_code == 200 and 'data-testid="record-form"' in page.text
    data = {
        "inspected_on": TODAY().isoformat(),
        "summary": "一项隐患",
        "findings-TOTAL_FORMS": "3",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "50",
        "findings-0-description": "消防通道堵塞",
        "findings-0-location": "二号仓库",
        "findings-0-grade": "general",
        "findings-0-deadline": "2000-01-01",
        "findings-1-grade": "general",
        "findings-2-grade": "general",
    }
    # A deadline in the past: said at the field, nothing stored.
    wrong = client.post(detail, data)
    assert wrong.status_code == 400
    assert not Hazard.objects.exists()
    data["findings-0-deadline"] = (TODAY() + datetime.timedelta(days=3)).isoformat()
    assert client.post(detail, data).status_code == 302
    hazard = Hazard.objects.get()
    assert hazard.government_inspection == inspection
    page = client.get(detail)
    assert "消防通道堵塞" in page.text and 'data-testid="record-form"' not in page.text
    # The list: a bounded number of queries.
    for _ in range(5):
        _plan(world)
    with django_assert_max_num_queries(20):
        listing = client.get(reverse("government_inspections:list"))
    assert listing.status_code == 200
    assert listing.text.count("data-inspection=") == 6


def test_plan_refuses_an_enterprise_outside_the_scope(world):
    client = _client(world.dept_chemicals)
    response = client.post(
        reverse("government_inspections:plan"),
        {
            "enterprise": str(world.enterprise_b.pk),
            "planned_on": TODAY().isoformat(),
            "inspectors": "王检查",
        },
    )
    assert response.status_code == 400
    assert not GovernmentInspection.objects.exists()


@pytest.mark.parametrize("who", ["dept_construction", "street1_office"])
def test_another_office_cannot_open_or_record(world, who):
    inspection = _plan(world)
    client = _client(getattr(world, who))
    detail = reverse("government_inspections:detail", args=[inspection.pk])
    assert client.get(detail).status_code == 404
    response = client.post(
        detail,
        {
            "inspected_on": TODAY().isoformat(),
            "findings-TOTAL_FORMS": "0",
            "findings-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 404
    inspection.refresh_from_db()
    assert inspection.status == GovernmentInspection.Status.PLANNED


@pytest.mark.parametrize("who", ["manager_a", "staff_a", "outsider"])
def test_enterprise_users_are_refused(world, who):
    inspection = _plan(world)
    client = _client(getattr(world, who))
    for url in (
        reverse("government_inspections:list"),
        reverse("government_inspections:plan"),
        reverse("government_inspections:detail", args=[inspection.pk]),
    ):
        assert client.get(url).status_code in (302, 403, 404)
