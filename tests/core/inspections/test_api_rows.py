"""The API's inspection task list is written from plain rows
(``TASK_ROWS``, core.inspections.api): the same JSON as ``InspectionTaskSerializer``
row for row, every optional field empty and filled, over every role's scope
(a department's page read by key), pages by cursor, and a fixed number of
queries."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.forms.models import Submission
from core.inspections.api import InspectionTaskSerializer
from core.inspections.models import InspectionTask, MajorHazardSource, TaskStatus
from core.inspections.selectors import task_list
from core.inspections.services import tasks_generate
from core.organizations.scope import scope_for
from tests.core.base import api_pages
from tests.core.inspections.test_api import add_tasks
from tests.factories import api_as as api

pytestmark = pytest.mark.django_db
URL = "/api/v1/inspection-tasks/"


def serializer_rows(user, **filters) -> list[dict]:
    """What the serializer writes for every task the user sees, in order."""
    tasks = (
        task_list(scope=scope_for(user), user=user)
        .filter(**filters)
        .order_by("due_at", "pk")
    )
    return api_pages.serialized(InspectionTaskSerializer, tasks)


@pytest.fixture
def varied(world, daily_point, point_b, admin_user):
    """Tasks that exercise every branch of a row: generated ones (a risk
    point, an assignee, no submission), one without assignee or risk point,
    one done by a user with its submission, one of a major hazard source."""
    tasks_generate(now=timezone.now(), horizon=datetime.timedelta(days=3))
    a = InspectionTask.objects.filter(enterprise=world.enterprise_a)
    first, second, third = a.order_by("due_at", "pk")[:3]
    InspectionTask.objects.filter(pk=first.pk).update(assignee=None, risk_point=None)
    submission = Submission.objects.create(
        definition=second.version.definition,
        version=second.version,
        enterprise=world.enterprise_a,
        data={},
    )
    InspectionTask.objects.filter(pk=second.pk).update(
        status=TaskStatus.DONE,
        done_by=admin_user,
        done_at=timezone.now(),
        done_at_point=True,
        submission=submission,
    )
    source = MajorHazardSource.objects.create(
        enterprise=world.enterprise_a, name="罐区", risk_point=daily_point
    )
    InspectionTask.objects.filter(pk=third.pk).update(
        hazard_source=source, head_role="main"
    )
    return {"bare": first, "done": second, "source": third}


def test_the_rows_are_the_serializers_row_for_row(world, varied, admin_user):
    for role in api_pages.SCOPED_USERS:
        user = getattr(world, role)
        response = api(user).get(URL)
        assert response.status_code == 200, role
        assert response.json()["results"] == serializer_rows(user), role
    rows = {row["id"]: row for row in api(world.committee).get(URL).json()["results"]}
    bare, done, source = (rows[varied[key].pk] for key in ("bare", "done", "source"))
    assert bare["assignee"] is None and bare["assignee_name"] == ""
    assert bare["risk_point"] is None and bare["done_by"] == ""
    assert bare["submission"] is None and bare["done_at"] is None
    assert done["done_by"] == admin_user.username and done["done_at_point"] is True
    assert done["submission"] and done["done_at"]
    assert source["hazard_source"] and source["head_role"] == "main"
    assert source["assignee_name"] and source["checklist"]
    assert isinstance(source["checklist_version"], int)


def test_filtered_pages_keep_the_shape(world, varied):
    due = varied["done"].due_at
    for role in ("dept_chemicals", "committee", "manager_a"):
        user = getattr(world, role)
        client = api(user)
        for params, filters in (
            ({"status": "done"}, {"status": "done"}),
            ({"due_before": due.isoformat()}, {"due_at__lte": due}),
            ({"due_after": due.isoformat()}, {"due_at__gte": due}),
            ({"enterprise": world.enterprise_a.pk}, {"enterprise": world.enterprise_a}),
        ):
            expected = serializer_rows(user, **filters)
            assert client.get(URL, params).json()["results"] == expected, (
                role,
                params,
            )


def test_cursor_pages_are_the_serializers_rows_in_order(world, varied, admin_user):
    due = timezone.now() + datetime.timedelta(days=30)
    add_tasks(world.enterprise_a, 60, due=due, done_by=admin_user)
    for role in ("dept_chemicals", "committee", "manager_a"):
        user = getattr(world, role)
        assert api_pages.every_page(api(user), URL) == serializer_rows(user), role


def test_queries_do_not_grow_with_the_tasks(world, varied, django_assert_num_queries):
    due = timezone.now() + datetime.timedelta(days=30)
    api_pages.assert_queries_do_not_grow(
        [world.dept_chemicals, world.committee, world.manager_a],
        URL,
        add_rows=lambda: add_tasks(world.enterprise_a, 30, due=due),
        assert_num_queries=django_assert_num_queries,
        expected_rows=lambda user: len(serializer_rows(user)),
    )
