"""GET /api/v1/inspection-tasks/: scoped, filtered, bounded queries."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.inspections.models import InspectionTask, TaskStatus
from core.inspections.services import tasks_generate
from tests.factories import api_as as api

pytestmark = pytest.mark.django_db
URL = "/api/v1/inspection-tasks/"


@pytest.fixture
def tasks(daily_point, point_b):
    tasks_generate(now=timezone.now(), horizon=datetime.timedelta(days=10))
    return InspectionTask.objects.all()


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_scope(world, tasks):
    a = set(tasks.filter(enterprise=world.enterprise_a).values_list("pk", flat=True))
    b = set(tasks.filter(enterprise=world.enterprise_b).values_list("pk", flat=True))
    assert a and b
    assert ids(api(world.staff_a).get(URL)) == a  # 张三's own
    assert ids(api(world.manager_a).get(URL)) == a
    assert ids(api(world.manager_b).get(URL)) == b
    assert ids(api(world.dept_chemicals).get(URL)) == a
    assert ids(api(world.dept_construction).get(URL)) == b
    assert ids(api(world.committee).get(URL)) == a | b
    assert ids(api(world.outsider).get(URL)) == set()
    pk = next(iter(a))
    assert api(world.manager_b).get(f"{URL}{pk}/").status_code == 404
    assert api(world.manager_a).get(f"{URL}{pk}/").status_code == 200
    assert APIClient().get(URL).status_code in (401, 403)


def test_read_only(world, tasks):
    pk = tasks.first().pk
    assert api(world.manager_a).post(URL, {}).status_code == 405
    assert api(world.manager_a).delete(f"{URL}{pk}/").status_code == 405


def test_filters(world, tasks):
    first = tasks.filter(enterprise=world.enterprise_a).earliest("due_at")
    InspectionTask.objects.filter(pk=first.pk).update(status=TaskStatus.DONE)
    client = api(world.manager_a)
    assert ids(client.get(URL, {"status": "done"})) == {first.pk}
    before = (first.due_at + datetime.timedelta(minutes=1)).isoformat()
    assert ids(client.get(URL, {"due_before": before})) == {first.pk}
    assert client.get(URL, {"status": "nonsense"}).status_code == 400
    assert client.get(URL, {"due_before": "tomorrow"}).status_code == 400


def test_query_count_is_bounded(world, tasks, django_assert_max_num_queries):
    assert tasks.count() > 10
    with django_assert_max_num_queries(8):
        response = api(world.committee).get(URL)
    assert response.status_code == 200
