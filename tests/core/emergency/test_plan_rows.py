"""The emergency plan list's page is written from plain rows (``PLAN_ROWS``):
the same JSON as ``PlanSerializer`` on the same rows; its queries do not grow
with the plans; its cursor pages neither skip nor repeat plans added between
two requests; it counts exactly up to its own bound, then says "1,000+"."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.emergency.api import PLAN_ROWS, PlanPagination, PlanSerializer
from core.emergency.models import EmergencyPlan
from tests.core.base.api_pages import (
    api,
    as_json,
    assert_past_bound,
    assert_rows_as_serialized,
)

pytestmark = pytest.mark.django_db

PLANS = "/api/v1/emergency-plans/"
USERS = ("committee", "dept_chemicals", "street1_office", "manager_a")


def add_plans(world, count: int) -> list[EmergencyPlan]:
    return EmergencyPlan.objects.bulk_create(
        EmergencyPlan(
            enterprise=world.enterprise_a,
            kind="special" if i % 2 else "comprehensive",
            title=f"预案{i}",
        )
        for i in range(count)
    )


def test_plain_rows_equal_the_serializer_on_the_same_rows(world, plan_a, plan_b):
    bare = add_plans(world, 2)  # no current version
    keys = [plan_a.pk, plan_b.pk, *(plan.pk for plan in bare)]
    rows = EmergencyPlan.objects.filter(pk__in=keys).order_by("pk")
    objects = rows.select_related("enterprise", "current_version")
    assert_rows_as_serialized(PLAN_ROWS, PlanSerializer, rows, objects)
    plain = PLAN_ROWS.write(list(PLAN_ROWS.values(rows)))
    assert plain[0]["approved_on"] == "2026-01-05"
    assert plain[0]["current_version_number"] == 1
    assert plain[-1]["approved_on"] is None


@pytest.mark.parametrize("who", ["committee", "street1_office", "manager_a"])
def test_the_list_is_the_serializer_s_page(world, plan_a, who):
    add_plans(world, 3)
    body = api(getattr(world, who)).get(PLANS).json()
    objects = EmergencyPlan.objects.filter(enterprise=world.enterprise_a).order_by(
        "-pk"
    )
    expected = PlanSerializer(objects, many=True).data
    assert body["results"] == json.loads(as_json(expected))
    assert (body["count"], body["count_exact"]) == (4, True)


def test_queries_do_not_grow_with_the_plans(world):
    def read(user) -> int:
        fresh = type(user).objects.get(pk=user.pk)
        with CaptureQueriesContext(connection) as captured:
            response = api(fresh).get(PLANS)
        assert response.status_code == 200
        return len(captured)

    add_plans(world, 60)
    before = [read(getattr(world, user)) for user in USERS]
    add_plans(world, 120)
    assert [read(getattr(world, user)) for user in USERS] == before


def test_pages_neither_skip_nor_repeat_when_plans_arrive(world):
    made = add_plans(world, 60)
    client = api(world.street1_office)
    first = client.get(PLANS).json()
    assert len(first["results"]) == 50 and first["next"]
    add_plans(world, 3)  # newer than every listed plan
    EmergencyPlan.objects.filter(pk=made[-1].pk).delete()  # on the first page
    second = client.get(first["next"]).json()
    seen = [row["id"] for row in first["results"] + second["results"]]
    assert len(seen) == len(set(seen)) == 60
    assert seen == sorted((plan.pk for plan in made), reverse=True)
    assert second["next"] is None


def test_the_count_is_exact_to_the_list_s_bound(world, monkeypatch):
    add_plans(world, 8)
    monkeypatch.setattr(PlanPagination, "count_limit", 5)
    monkeypatch.setattr(PlanPagination, "page_size", 3)
    for who in USERS:
        body = api(getattr(world, who)).get(PLANS).json()
        assert_past_bound(body, 5)
    monkeypatch.setattr(PlanPagination, "count_limit", 10)
    body = api(world.committee).get(PLANS).json()
    assert (body["count"], body["count_exact"]) == (8, True)
