"""The enterprise home is a to-do: returned submissions, forms overdue or due,
unfinished drafts, points to assess, each with its link; bounded queries; only
the user's own enterprise."""

import datetime

import pytest
from django.urls import reverse

from core.forms.services import submission_review, submission_submit
from core.risks.models import RiskDraft
from core.risks.services import RiskPointData, risk_point_create
from tests.core.notices.test_public_notice import ANSWERS, commitment  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms(commitment):  # noqa: F811 - the imported fixture
    """The chemicals commitment (daily), given to chemicals by its department."""
    return commitment.definition


def todo(client, user):
    client.force_login(user)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    return response


def kinds(response):
    return [(item.kind, item.title) for item in response.context["todo"]]


def test_the_stale_modules_line_is_gone(client, world):
    html = todo(client, world.manager_a).content.decode()
    assert "模块启用后将显示在这里" not in html
    assert "appear here as their modules are enabled" not in html


def test_a_form_due_today_is_listed_with_its_link(client, world, forms):
    response = todo(client, world.manager_a)
    items = [i for i in response.context["todo"] if i.title == forms.title]
    assert [i.kind for i in items] == ["due"]
    assert items[0].url == reverse("forms_portal:start", args=[forms.key])
    assert items[0].due is not None
    assert items[0].url in response.content.decode()


def test_a_returned_submission_comes_first(client, world, forms):
    submission = submission_submit(
        actor=world.manager_a,
        version=forms.published_version,
        enterprise=world.enterprise_a,
        data=ANSWERS,
    )
    submission_review(
        actor=world.dept_chemicals,
        submission=submission,
        decision="returned",
        comment="装置数之和不对",
    )
    response = todo(client, world.manager_a)
    first = response.context["todo"][0]
    assert first.kind == "returned"
    assert first.url == reverse("forms_portal:correct", args=[submission.pk])
    assert "装置数之和不对" in response.content.decode()


def test_unassessed_points_and_drafts_are_listed(client, world):
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="液氯罐区", kind="area"),
    )
    draft = RiskDraft.objects.create(
        owner=world.manager_a,
        enterprise=world.enterprise_a,
        data={"name": "二号仓库"},
    )
    response = todo(client, world.manager_a)
    assert ("unassessed", "液氯罐区") in kinds(response)
    assert ("draft", "二号仓库") in kinds(response)
    html = response.content.decode()
    assert reverse("risks:detail", args=[point.pk]) in html
    assert reverse("risks:wizard", args=[draft.draft_id]) in html


def test_nothing_of_another_enterprise_is_listed(client, world, forms):
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="液氯罐区", kind="area"),
    )
    response = todo(client, world.manager_b)  # construction: no chemicals form
    assert kinds(response) == []
    assert "液氯罐区" not in response.content.decode()


def test_staff_see_only_what_they_may_do(client, world, forms):
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="液氯罐区", kind="area"),
    )
    response = todo(client, world.staff_a)
    # The commitment is the principal's: a post worker neither fills it nor
    # assesses risk points.
    assert kinds(response) == []


def test_the_home_costs_a_bounded_number_of_queries(
    client, world, forms, django_assert_max_num_queries
):
    for number in range(12):
        risk_point_create(
            user=world.manager_a,
            enterprise=world.enterprise_a,
            data=RiskPointData(name=f"点{number:02d}", kind="area"),
        )
        RiskDraft.objects.create(owner=world.manager_a, enterprise=world.enterprise_a)
    client.force_login(world.manager_a)
    client.get(reverse("portal:home"))  # warm the session and caches
    with django_assert_max_num_queries(25):
        response = client.get(reverse("portal:home"))
    unassessed = [i for i in response.context["todo"] if i.kind == "unassessed"]
    assert len(unassessed) == 8  # the first few; the risk list shows the rest


def test_a_drafts_time_is_beijing_time(client, world, forms):
    """Stored in UTC, shown at Asia/Shanghai (TIME_ZONE): 16:30 UTC is 00:30
    the next day."""
    draft = RiskDraft.objects.create(
        owner=world.manager_a, enterprise=world.enterprise_a, data={"name": "二号仓库"}
    )
    sent = datetime.datetime(2026, 12, 6, 16, 30, tzinfo=datetime.UTC)
    RiskDraft.objects.filter(pk=draft.pk).update(updated_at=sent)
    response = todo(client, world.manager_a)
    details = {item.title: item.detail for item in response.context["todo"]}
    assert "2026-12-07 00:30" in details["二号仓库"]
