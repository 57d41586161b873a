"""GET /api/v1/inspection-tasks/: scoped, filtered, bounded queries."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def add_tasks(enterprise, count, *, due, done_by=None):
    """``count`` more tasks of ``enterprise`` like its first, due at one of
    three times from ``due`` (ties: the id decides)."""
    model = InspectionTask.objects.filter(enterprise=enterprise).first()
    return InspectionTask.objects.bulk_create(
        InspectionTask(
            enterprise=enterprise,
            source=model.source,
            origin=f"test:{due.isoformat()}:{n}",
            title=f"排查 {n}",
            assignee=model.assignee,
            version=model.version,
            period_start=due - datetime.timedelta(days=1),
            period_end=due,
            due_at=due + datetime.timedelta(hours=n % 3),
            status=TaskStatus.DONE if done_by else TaskStatus.DUE,
            done_by=done_by,
            done_at=due if done_by else None,
        )
        for n in range(count)
    )


def read_all(client, *, between=None):
    seen, url = [], URL
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
        if between is not None:
            between()
    return seen


def test_cursor_pages_follow_the_due_order_and_neither_skip_nor_repeat(world, tasks):
    due = timezone.now() + datetime.timedelta(days=30)
    add_tasks(world.enterprise_a, 70, due=due)
    mine = InspectionTask.objects.filter(enterprise=world.enterprise_a)
    expected = list(mine.order_by("due_at", "pk").values_list("pk", flat=True))
    client = api(world.manager_a)
    first = client.get(URL).json()
    assert first["count"] == len(expected) and first["count_exact"] is True
    assert len(first["results"]) == 50 and first["next"]
    early = iter(range(100))

    def add_an_earlier_task():
        # Due before every row read so far: on no later page.
        add_tasks(
            world.enterprise_a,
            1,
            due=timezone.now() - datetime.timedelta(days=400 + next(early)),
        )

    assert read_all(client, between=add_an_earlier_task) == expected
    assert client.get(URL, {"cursor": "not-a-cursor"}).status_code == 400


def test_queries_do_not_grow_with_the_tasks_and_rows_show_their_names(
    world, tasks, admin_user
):
    def queries(user):
        fresh = type(user).objects.get(pk=user.pk)  # no scope kept on it
        with CaptureQueriesContext(connection) as captured:
            response = api(fresh).get(URL)
        assert response.status_code == 200
        return len(captured), response.json()["results"]

    users = (
        world.manager_a,
        world.dept_chemicals,
        world.street1_office,
        world.committee,
    )
    before = [queries(user)[0] for user in users]
    due = timezone.now() + datetime.timedelta(days=30)
    done = add_tasks(world.enterprise_a, 80, due=due, done_by=admin_user)
    # One more, the count: a first page holding the whole list needs none.
    assert [queries(user)[0] for user in users] == [count + 1 for count in before]
    row = api(world.committee).get(URL, {"status": "done"}).json()["results"][0]
    task = InspectionTask.objects.select_related("assignee", "version__definition").get(
        pk=row["id"]
    )
    assert task.pk in {t.pk for t in done}
    assert row["checklist"] == task.version.definition.key
    assert row["checklist_version"] == task.version.number
    assert row["assignee_name"] == (task.assignee.name if task.assignee else "")
    assert row["done_by"] == admin_user.username
    assert row["enterprise"] == world.enterprise_a.pk
