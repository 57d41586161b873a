"""Doing a task (the service, the portal's guided filling, the QR scan), the
to-do list, the 包保 heads, and the scope of every page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.forms.models import Submission, SubmissionDraft
from core.forms.services import AnswersInvalid
from core.inspections.models import (
    HeadRole,
    InspectionTask,
    MajorHazardSource,
    TaskSource,
    TaskStatus,
)
from core.inspections.services import (
    TaskRefused,
    hazard_source_save,
    task_complete,
    tasks_generate,
)
from core.organizations.models import Person, Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def answers(task, result="compliant") -> dict:
    keys = [
        item["key"]
        for section in task.version.scoring["sections"]
        for item in section["items"]
    ]
    return {key: {"result": result} for key in keys}


@pytest.fixture
def task(daily_point):
    tasks_generate(now=timezone.now())
    return InspectionTask.objects.filter(risk_point=daily_point).earliest("due_at")


@pytest.fixture
def staff_2(world):
    user = user_with_role(
        "staff-a2", Role.ENTERPRISE_STAFF, enterprise=world.enterprise_a
    )
    Person.objects.create(enterprise=world.enterprise_a, name="王五", user=user)
    return user


# -- the service ---------------------------------------------------------------------


def test_the_assignee_completes_a_task(world, task):
    submission = task_complete(actor=world.staff_a, task=task, data=answers(task))
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.submission == submission
    assert task.done_by == world.staff_a
    assert not task.done_at_point
    assert submission.version == task.version
    assert submission.assignment is None
    with pytest.raises(TaskRefused):
        task_complete(actor=world.staff_a, task=task, data=answers(task))
    assert Submission.objects.count() == 1


def test_a_non_compliant_item_opens_a_hazard_on_the_tasks_point(
    world, task, daily_point
):
    from core.hazards.models import Hazard, HazardStatus

    data = answers(task)
    first = next(iter(data))
    data[first] = {"result": "non_compliant", "note": "探头未通电"}
    submission = task_complete(actor=world.staff_a, task=task, data=data)
    hazard = Hazard.objects.get(submission=submission)
    assert hazard.risk_point == daily_point
    assert hazard.enterprise == world.enterprise_a
    assert hazard.status == HazardStatus.REPORTED
    assert hazard.description.endswith("探头未通电")
    assert hazard.reported_by == world.staff_a


def test_invalid_answers_store_nothing(world, task):
    with pytest.raises(AnswersInvalid):
        task_complete(actor=world.staff_a, task=task, data={})
    task.refresh_from_db()
    assert task.status == TaskStatus.DUE and task.submission is None
    assert not Submission.objects.exists()


def test_a_failure_after_storing_rolls_the_submission_back(world, task, monkeypatch):
    """Storing the submission and marking the task done are one transaction."""

    def broken_save(self, *args, **kwargs):
        raise IntegrityError("boom")

    monkeypatch.setattr(InspectionTask, "save", broken_save)
    with pytest.raises(IntegrityError):
        task_complete(actor=world.staff_a, task=task, data=answers(task))
    assert not Submission.objects.exists()


@pytest.mark.parametrize("who", ["staff_2", "manager_b", "dept_chemicals", "outsider"])
def test_only_the_assignee_or_the_manager_does_a_task(world, task, staff_2, who):
    actor = staff_2 if who == "staff_2" else getattr(world, who)
    with pytest.raises(TaskRefused):
        task_complete(actor=actor, task=task, data=answers(task))
    assert not Submission.objects.exists()


def test_the_manager_may_do_a_task_and_is_recorded(world, task):
    task_complete(actor=world.manager_a, task=task, data=answers(task))
    task.refresh_from_db()
    assert task.done_by == world.manager_a


# -- the portal ----------------------------------------------------------------------


def test_the_todo_list_shows_own_tasks(
    world, task, staff_2, django_assert_max_num_queries
):
    client = signed_in(world.staff_a)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("inspections:todo"))
    assert page.status_code == 200
    assert task.title in page.text
    assert reverse("inspections:fill", args=[task.pk]) in page.text
    # Another worker of the same enterprise: not theirs.
    assert task.title not in signed_in(staff_2).get(reverse("inspections:todo")).text
    # The manager sees it with ?who=all.
    manager = signed_in(world.manager_a)
    assert task.title in manager.get(reverse("inspections:todo") + "?who=all").text


def test_the_todo_list_costs_the_same_with_more_tasks(world, task):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(world.staff_a)
    client.get(reverse("inspections:todo"))  # the session is written once
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("inspections:todo")).status_code == 200
    tasks_generate(now=timezone.now(), horizon=datetime.timedelta(days=20))
    assert InspectionTask.objects.count() > 10
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("inspections:todo")).status_code == 200
    assert len(many) == len(few) <= 30


def test_done_tasks_show_the_latest_and_page_through_the_rest(world, task, monkeypatch):
    from core.inspections import portal_views

    monkeypatch.setattr(portal_views, "DONE_PAGE", 7)
    tasks_generate(now=timezone.now(), horizon=datetime.timedelta(days=24))
    mine = InspectionTask.objects.filter(assignee__user=world.staff_a)
    assert mine.count() > 20
    mine.update(status=TaskStatus.DONE, done_at=timezone.now())
    client = signed_in(world.staff_a)
    todo = client.get(reverse("inspections:todo")).text
    assert todo.count('class="insp-task"') == 10  # only the latest done
    assert 'data-testid="all-done"' in todo
    newest = mine.order_by("-due_at", "-pk")
    seen: list[int] = []
    url = reverse("inspections:todo") + "?section=done"
    pages = 0
    while url:
        pages += 1
        page = client.get(url)
        assert page.status_code == 200
        seen += [int(pk) for pk in re.findall(r'data-task="(\d+)"', page.text)]
        found = re.search(r'href="([^"]+)" data-testid="next-done"', page.text)
        url = found.group(1).replace("&amp;", "&") if found else ""
    assert seen == list(newest.values_list("pk", flat=True))
    assert pages == -(-len(seen) // 7)
    assert (
        client.get(reverse("inspections:todo") + "?section=done&cursor=bad").status_code
        == 404
    )
    # Another enterprise's manager sees none of them.
    other = signed_in(world.manager_b).get(
        reverse("inspections:todo") + "?section=done&who=all"
    )
    assert 'data-task="' not in other.text


def test_home_todo_lists_the_task(world, task):
    page = signed_in(world.staff_a).get(reverse("portal:home"))
    assert reverse("inspections:fill", args=[task.pk]) in page.text


def _fill_all_steps(client, task, enterprise, result="compliant"):
    prefix = (
        f"form_{task.version.definition.key}_v{task.version.number}_e{enterprise.pk}"
    )
    steps = task.version.scoring["sections"]
    for index, section in enumerate(steps, start=1):
        data = {f"{prefix}-current_step": str(index)}
        for item in section["items"]:
            data[f"{index}-{item['key']}"] = result
        response = client.post(
            reverse("inspections:fill_step", args=[task.pk, str(index)]), data
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    return client.post(reverse("inspections:fill_step", args=[task.pk, "review"]))


def test_doing_a_task_through_the_guided_form(world, task):
    client = signed_in(world.staff_a)
    response = client.get(reverse("inspections:fill", args=[task.pk]))
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    response = _fill_all_steps(client, task, world.enterprise_a)
    assert response["Location"] == reverse("inspections:todo")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.submission_id
    assert not task.done_at_point
    assert not SubmissionDraft.objects.exists()
    # Done: the form does not open again.
    response = client.get(reverse("inspections:fill", args=[task.pk]))
    assert response["Location"] == reverse("inspections:todo")


def test_scanning_the_qr_code_records_the_point(world, task, daily_point):
    client = signed_in(world.staff_a)
    response = client.get(reverse("inspections:scan", args=[daily_point.pk]))
    assert response["Location"] == reverse("inspections:fill", args=[task.pk])
    _fill_all_steps(client, task, world.enterprise_a)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.done_at_point


def test_qr_code_png_and_card(world, daily_point):
    client = signed_in(world.manager_a)
    png = client.get(reverse("inspections:point_qr_png", args=[daily_point.pk]))
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    card = client.get(reverse("inspections:point_qr", args=[daily_point.pk]))
    assert card.status_code == 200 and "<svg" in card.text


@pytest.mark.parametrize("name", ["fill", "scan", "point_qr", "point_qr_png"])
def test_another_enterprise_gets_404(world, task, daily_point, name):
    pk = task.pk if name == "fill" else daily_point.pk
    response = signed_in(world.manager_b).get(reverse(f"inspections:{name}", args=[pk]))
    assert response.status_code == 404


def test_another_worker_cannot_open_a_task(world, task, staff_2):
    client = signed_in(staff_2)
    assert client.get(reverse("inspections:fill", args=[task.pk])).status_code == 404
    assert (
        client.post(reverse("inspections:discard", args=[task.pk])).status_code == 404
    )


def test_government_users_do_not_fill(world, task):
    response = signed_in(world.dept_chemicals).get(
        reverse("inspections:fill", args=[task.pk])
    )
    assert response.status_code in (302, 403)
    assert not Submission.objects.exists()


# -- 包保 heads -------------------------------------------------------------------


def test_heads_get_tasks_at_the_pack_frequencies(world, enable_packs, daily_point):
    enable_packs("chemicals")
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    technical = Person.objects.create(enterprise=world.enterprise_a, name="技术")
    source = hazard_source_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        data={
            "name": "罐区",
            "grade": "second",
            "risk_point": daily_point,
            "main_head": person,
            "technical_head": technical,
            "operational_head": person,
        },
    )
    now = timezone.make_aware(datetime.datetime(2026, 3, 10, 10))
    tasks_generate(now=now)
    head_tasks = InspectionTask.objects.filter(source=TaskSource.BAOBAO)
    roles = {(t.head_role, t.assignee.name) for t in head_tasks}
    # The main head's supervision has no fixed frequency: no periodic task.
    assert roles == {(HeadRole.TECHNICAL, "技术"), (HeadRole.OPERATIONAL, "张三")}
    technical_task = head_tasks.get(head_role=HeadRole.TECHNICAL)
    assert technical_task.period_end - technical_task.period_start > datetime.timedelta(
        days=80
    )
    assert all(t.hazard_source == source for t in head_tasks)
    assert tasks_generate(now=now) == 0


def test_naming_heads_is_the_managers(world):
    with pytest.raises(Exception) as refused:
        hazard_source_save(
            actor=world.staff_a, enterprise=world.enterprise_a, data={"name": "x"}
        )
    assert refused.value.__class__.__name__ == "Refused"
    foreign = Person.objects.create(enterprise=world.enterprise_b, name="外人")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        hazard_source_save(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            data={"name": "罐区", "main_head": foreign},
        )
    assert not MajorHazardSource.objects.exists()


def test_source_pages(world):
    client = signed_in(world.manager_a)
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    response = client.post(
        reverse("inspections:source_add"),
        {"name": "罐区", "grade": "first", "operational_head": person.pk},
    )
    assert response.status_code == 302
    source = MajorHazardSource.objects.get()
    assert source.operational_head == person
    assert "罐区" in client.get(reverse("inspections:sources")).text
    assert (
        client.post(reverse("inspections:source_add"), {"name": ""}).status_code == 400
    )
    # Staff may read, not change; another enterprise's manager sees nothing.
    assert (
        signed_in(world.staff_a).get(reverse("inspections:source_add")).status_code
        == 403
    )
    other = signed_in(world.manager_b)
    assert "罐区" not in other.get(reverse("inspections:sources")).text
    assert (
        other.get(reverse("inspections:source_edit", args=[source.pk])).status_code
        == 404
    )
