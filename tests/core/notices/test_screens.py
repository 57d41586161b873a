"""The portal and admin screens of the notices, the neighbours, and what a
public page prints."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from core.notices.models import (
    CircularPage,
    EnterpriseRiskNoticePage,
    GuidancePage,
    NoticePage,
)
from core.notices.selectors import great_circle_m, neighbour_notices
from core.notices.services import (
    create_circular,
    create_guidance,
    risk_notice_review,
    risk_notice_submit,
)
from core.organizations.models import Department, EnterpriseContact

pytestmark = pytest.mark.django_db
MINE = "/notices/mine/"


def test_the_enterprise_generates_edits_and_submits_in_its_portal(notice_world, client):
    world = notice_world
    client.force_login(world.manager_a)
    assert 'data-testid="no-risk-notice"' in client.get(MINE).text
    client.post(reverse("notices:risk_generate"))
    page = EnterpriseRiskNoticePage.objects.get(enterprise=world.enterprise_a)
    response = client.post(
        reverse("notices:risk_edit"),
        {
            "count": "1",
            "title": "甲化工风险公告",
            "intro": "第一段<script>alert(1)</script>",
            "points-0-name": "1号反应釜",
            "points-0-level": "significant",
            "points-0-control": "可燃气体检测报警\n岗位培训",
            "points-0-emergency": "泄漏应急处置卡",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.title == "甲化工风险公告"
    assert draft.points[0]["level"] == "significant"
    assert draft.points[0]["control"] == ["可燃气体检测报警", "岗位培训"]
    assert "<script>" not in draft.intro
    client.post(reverse("notices:risk_submit"))
    assert 'data-state="in_review"' in client.get(MINE).text
    risk_notice_review(
        actor=world.dept_chemicals, page=page, approve=False, reason="请补充应急电话"
    )
    text = client.get(MINE).text
    assert 'data-state="rejected"' in text and "请补充应急电话" in text


@pytest.mark.parametrize(
    "route", ["risk_generate", "risk_edit", "risk_submit", "risk_withdraw"]
)
def test_portal_writes_refuse_others(notice_world, draft, client, route):
    url = reverse(f"notices:{route}")
    client.force_login(notice_world.staff_a)
    assert client.post(url, {"count": "0", "title": "x"}).status_code == 403
    client.force_login(notice_world.dept_chemicals)
    assert client.post(url).status_code in (302, 403)
    assert client.post(url).url != MINE if client.post(url).status_code == 302 else True
    # manager B has no notice: nothing of A's is reachable
    client.force_login(notice_world.manager_b)
    if route != "risk_generate":
        assert client.post(url).status_code == 404
    assert EnterpriseRiskNoticePage.objects.get().title == draft.title


def test_the_department_reviews_in_the_admin(notice_world, draft, client):
    world = notice_world
    risk_notice_submit(actor=world.manager_a, page=draft)
    client.force_login(world.dept_construction)
    assert draft.title not in client.get(reverse("notices_admin_review")).text
    detail = reverse("notices_admin_review_detail", args=[draft.pk])
    assert client.get(detail).status_code == 404
    decide = reverse("notices_admin_review_decide", args=[draft.pk])
    # Refused (Wagtail's admin answers a refusal with a redirect and a message).
    assert client.post(decide, {"decision": "approve"}).status_code in (302, 403)
    assert not EnterpriseRiskNoticePage.objects.get().live
    client.force_login(world.manager_a)
    assert client.get(reverse("notices_admin_review")).status_code in (302, 403)
    client.force_login(world.dept_chemicals)
    assert draft.title in client.get(reverse("notices_admin_review")).text
    assert client.get(detail).status_code == 200
    client.post(decide, {"decision": "reject", "reason": ""})
    rejected = EnterpriseRiskNoticePage.objects.get().current_workflow_state
    assert rejected.status == "in_progress"  # a rejection needs a reason
    client.post(decide, {"decision": "approve"})
    assert EnterpriseRiskNoticePage.objects.get().live


def test_a_department_issues_from_the_admin(world, client):
    client.force_login(world.dept_chemicals)
    url = reverse("notices_admin_issue")
    bad = client.post(url, {"kind": "circular", "title": "", "body": "<p>x</p>"})
    assert bad.status_code == 400 and not CircularPage.objects.exists()
    client.post(
        url,
        {
            "kind": "guidance",
            "industry": world.chemicals.pk,
            "title": "指导",
            "body": "<p>x</p>",
            "publish": "1",
        },
    )
    assert GuidancePage.objects.get().live
    wrong = client.post(
        url,
        {
            "kind": "guidance",
            "industry": world.construction.pk,
            "title": "t",
            "body": "<p>x</p>",
        },
    )
    assert wrong.status_code == 400 and GuidancePage.objects.count() == 1
    client.force_login(world.manager_a)
    assert client.post(url, {"title": "t", "body": "<p>x</p>"}).status_code in (
        302,
        403,
    )
    assert not CircularPage.objects.exists()


def place(enterprise, lat, lon):
    enterprise.latitude, enterprise.longitude = Decimal(lat), Decimal(lon)
    enterprise.save()


def test_neighbours_within_the_distance_see_the_notice(
    notice_world, draft, client, settings, django_assert_max_num_queries
):
    world = notice_world
    place(world.enterprise_a, "31.230000", "121.470000")
    place(world.enterprise_b, "31.232700", "121.470000")  # ≈ 300 m north
    risk_notice_submit(actor=world.manager_a, page=draft)
    risk_notice_review(actor=world.dept_chemicals, page=draft, approve=True)
    with django_assert_max_num_queries(4):
        near = neighbour_notices(enterprise=world.enterprise_b, distance_m=500)
    assert [n.enterprise_name for n in near] == [world.enterprise_a.name]
    assert 290 <= near[0].distance_m <= 310
    assert neighbour_notices(enterprise=world.enterprise_b, distance_m=200) == []
    # An enterprise never sees its own notice as a neighbour's.
    assert neighbour_notices(enterprise=world.enterprise_a, distance_m=500) == []
    client.force_login(world.manager_b)
    settings.SAFEGRID_NEIGHBOUR_DISTANCE_M = 500
    assert draft.title in client.get(MINE).text
    settings.SAFEGRID_NEIGHBOUR_DISTANCE_M = 100
    assert draft.title not in client.get(MINE).text


def test_the_distance_is_the_great_circle():
    assert round(great_circle_m(31.23, 121.47, 31.24, 121.47)) == 1112


PRIVATE = re.compile(r"1[3-9]\d{9}")


def test_public_pages_print_their_public_fields_only(notice_world, draft, client):
    """Every public page type, with private data present in the database:
    the rendered page shows none of it."""
    world = notice_world
    EnterpriseContact.objects.create(
        enterprise=world.enterprise_a,
        name="李四",
        title="安全科长",
        phone="13800000001",
    )
    risk_notice_submit(actor=world.manager_a, page=draft)
    risk_notice_review(actor=world.dept_chemicals, page=draft, approve=True)
    create_circular(
        actor=world.committee,
        title="通报",
        body_html="<p>表扬</p>",
        issuer=Department.objects.get(name="安委办"),
        publish=True,
    )
    create_guidance(
        actor=world.dept_chemicals,
        title="指导",
        body_html="<p>要求</p>",
        issuer=Department.objects.get(name="应急管理局"),
        industry=world.chemicals,
        publish=True,
    )
    private = [
        world.enterprise_a.uscc,
        world.enterprise_a.address or "没有地址",
        "张三",  # the risk point's responsible person
        "李四",
        "13800000001",
        world.manager_a.username,
        world.dept_chemicals.username,
    ]
    pages = list(NoticePage.objects.live().specific())
    assert {type(page).__name__ for page in pages} >= {
        "EnterpriseRiskNoticePage",
        "CircularPage",
        "GuidancePage",
    }
    urls = ["/", "/risk-notices/", "/circulars/", "/guidance/", "/commitments/"]
    for page in pages:
        # The fields a page type may print, and nothing more.
        model_fields = {f.name for f in type(page)._meta.get_fields() if f.concrete}
        assert set(type(page).public_fields) <= model_fields | {"points"}
        urls.append(page.url)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for value in private:
            assert value not in response.text, (url, value)
        assert not PRIVATE.search(response.text), url
