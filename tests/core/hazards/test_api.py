"""The hazards API: scope, filters, report, history, steps refused with a
clear message and nothing changed, bounded queries."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from core.hazards.models import Hazard, HazardGrade, HazardStatus
from tests.factories import api_as as client_for

pytestmark = pytest.mark.django_db
S = HazardStatus
URL = "/api/v1/hazards/"


def test_the_list_is_scoped_and_filtered(hz):
    world = hz.world
    mine = hz.hazard(
        S.RECTIFYING, deadline=timezone.localdate() - datetime.timedelta(1)
    )
    hz.hazard(S.REPORTED, grade=HazardGrade.MAJOR)
    foreign = hz.hazard(S.REPORTED, enterprise=world.enterprise_b)
    ids = {row["id"] for row in client_for(world.staff_a).get(URL).data["results"]}
    assert foreign.pk not in ids and mine.pk in ids and len(ids) == 2
    ids = {
        row["id"]
        for row in client_for(world.dept_construction).get(URL).data["results"]
    }
    assert ids == {foreign.pk}
    overdue = client_for(world.manager_a).get(URL, {"overdue": "true"}).data
    assert [row["id"] for row in overdue["results"]] == [mine.pk]
    assert overdue["results"][0]["overdue"] is True
    major = client_for(world.street1_office).get(URL, {"grade": "major"}).data
    assert len(major["results"]) == 1
    bad = client_for(world.manager_a).get(URL, {"status": "nonsense"})
    assert bad.status_code == 400
    row = client_for(world.manager_a).get(URL).data["results"][0]
    assert {"id", "enterprise", "status", "grade", "deadline", "risk_point"} <= set(row)


def test_a_foreign_hazard_is_not_found(hz):
    foreign = hz.hazard(S.REPORTED, enterprise=hz.world.enterprise_b)
    for role in (
        "manager_a",
        "staff_a",
        "dept_chemicals",
        "street1_office",
        "outsider",
    ):
        response = client_for(getattr(hz.world, role)).get(f"{URL}{foreign.pk}/")
        assert response.status_code == 404, role
        response = client_for(getattr(hz.world, role)).post(
            f"{URL}{foreign.pk}/transitions/", {"action": "reject", "comment": "x"}
        )
        assert response.status_code == 404, role
    assert Hazard.objects.get(pk=foreign.pk).status == S.REPORTED


def test_the_list_costs_a_bounded_number_of_queries(hz, django_assert_max_num_queries):
    for _n in range(30):
        hz.hazard(S.CONFIRMED)
    client = client_for(hz.world.dept_chemicals)
    with django_assert_max_num_queries(8):
        response = client.get(URL)
    assert len(response.data["results"]) == 30


def test_report_then_detail_with_history(hz):
    world = hz.world
    photo = hz.photo()
    response = client_for(world.staff_a).post(
        URL,
        {
            "enterprise": world.enterprise_a.pk,
            "description": "梯子损坏",
            "photos": [str(photo.pk)],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    detail = client_for(world.manager_a).get(f"{URL}{response.data['id']}/").data
    assert [t["action"] for t in detail["transitions"]] == ["report"]
    assert detail["photos"][0]["id"] == str(photo.pk)
    assert {a["action"] for a in detail["available_actions"]} == {"confirm", "reject"}
    refused = client_for(world.dept_chemicals).post(
        URL,
        {"enterprise": world.enterprise_a.pk, "description": "x"},
        format="json",
    )
    assert refused.status_code == 403


def test_steps_through_the_api(hz):
    world = hz.world
    hazard = hz.hazard(S.REPORTED)
    url = f"{URL}{hazard.pk}/transitions/"
    deadline = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client_for(world.manager_a).post(
        url,
        {
            "action": "confirm",
            "grade": "general",
            "responsible": hz.person.pk,
            "deadline": deadline,
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.data["status"] == S.CONFIRMED
    assert [a["action"] for a in response.data["transitions"]] == ["report", "confirm"]


@pytest.mark.parametrize(
    ("role", "action", "code"),
    [
        ("staff_a", "confirm", 403),  # not the manager's
        ("dept_chemicals", "reject", 403),  # government: not its step
        ("manager_a", "accept", 400),  # not awaiting acceptance
        ("manager_a", "fly", 400),  # no such step
    ],
)
def test_a_forbidden_step_answers_clearly_and_changes_nothing(hz, role, action, code):
    hazard = hz.hazard(S.REPORTED)
    with translation.override("en"):
        response = client_for(getattr(hz.world, role)).post(
            f"{URL}{hazard.pk}/transitions/",
            {"action": action, "comment": "x"},
            format="json",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == code, response.content
    text = str(response.data)
    assert len(text) > 20
    fresh = Hazard.objects.get(pk=hazard.pk)
    assert fresh.status == S.REPORTED and fresh.transitions.count() == 1


def test_the_refusal_is_in_chinese_by_default(hz):
    hazard = hz.hazard(S.REPORTED)
    response = client_for(hz.world.staff_a).post(
        f"{URL}{hazard.pk}/transitions/",
        {"action": "confirm"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 403
    assert "安全" in response.data["detail"] or "管理" in response.data["detail"]
