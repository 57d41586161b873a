"""The enterprise's risk notice: generated, edited, reviewed by its industry
department through the Wagtail workflow, published, withdrawn."""

from __future__ import annotations

import pytest
from wagtail.models import PageLogEntry, WorkflowState

from core.base.errors import Invalid, Refused
from core.notices.models import EnterpriseRiskNoticePage
from core.notices.services import (
    notice_withdraw,
    rejection_reason,
    risk_notice_generate,
    risk_notice_review,
    risk_notice_submit,
    risk_notice_update,
)

pytestmark = pytest.mark.django_db


def edit(world, page, **changes):
    data = {
        "title": page.title,
        "intro_html": "<p>本企业主要风险如下。</p>",
        "points": page.points,
        **changes,
    }
    return risk_notice_update(actor=world.manager_a, page=page, **data)


def test_the_notice_is_generated_from_the_enterprise_data(draft, notice_world):
    assert not draft.live
    assert draft.enterprise == notice_world.enterprise_a
    assert draft.territory == notice_world.grid1
    assert draft.industry == notice_world.chemicals
    [point] = draft.points
    assert point["name"] == "1号反应釜" and point["level"] == "general"
    assert point["control"] == ["可燃气体检测报警", "岗位培训"]
    assert point["emergency"] == ["泄漏应急处置卡"]
    # No person, phone or unit travels into the notice.
    assert set(point) == {"name", "level", "control", "emergency"}


@pytest.mark.parametrize(
    "user", ["manager_b", "staff_a", "dept_chemicals", "committee", "outsider"]
)
def test_only_the_enterprise_manager_generates_and_edits(notice_world, draft, user):
    actor = getattr(notice_world, user)
    with pytest.raises(Refused):
        risk_notice_generate(actor=actor, enterprise=notice_world.enterprise_a)
    with pytest.raises(Refused):
        risk_notice_update(
            actor=actor, page=draft, title="改", intro_html="", points=draft.points
        )
    with pytest.raises(Refused):
        risk_notice_submit(actor=actor, page=draft)
    assert EnterpriseRiskNoticePage.objects.get().title == draft.title


def test_bad_edits_are_refused_at_their_field(notice_world, draft):
    with pytest.raises(Invalid) as error:
        edit(notice_world, draft, title="")
    assert "title" in str(error.value.message_dict)
    with pytest.raises(Invalid) as error:
        edit(notice_world, draft, points=[{"name": "x", "level": "purple"}])
    assert "/points/0/level" in error.value.message_dict


def test_submit_reject_resubmit_approve_publishes(notice_world, draft, client):
    world = notice_world
    edit(world, draft)
    risk_notice_submit(actor=world.manager_a, page=draft)
    assert draft.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # Under review the enterprise cannot change it, nor submit it twice.
    with pytest.raises(Invalid):
        edit(world, draft, title="改标题")
    with pytest.raises(Invalid):
        risk_notice_submit(actor=world.manager_a, page=draft)
    # A reason is required to reject.
    with pytest.raises(Invalid):
        risk_notice_review(actor=world.dept_chemicals, page=draft, approve=False)
    risk_notice_review(
        actor=world.dept_chemicals, page=draft, approve=False, reason="应急措施不全"
    )
    page = EnterpriseRiskNoticePage.objects.get(pk=draft.pk)
    assert not page.live
    assert rejection_reason(page) == "应急措施不全"
    assert client.get("/risk-notices/").text.count(page.title) == 0
    # The enterprise changes it and sends it back.
    edit(world, page, title="甲化工安全风险公告（修订）")
    risk_notice_submit(actor=world.manager_a, page=page)
    assert rejection_reason(page) == ""
    risk_notice_review(actor=world.dept_chemicals, page=page, approve=True)
    page = EnterpriseRiskNoticePage.objects.get(pk=draft.pk)
    assert page.live and page.title == "甲化工安全风险公告（修订）"
    response = client.get(page.url)
    assert response.status_code == 200
    assert "1号反应釜" in response.text and "泄漏应急处置卡" in response.text
    actions = set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )
    assert {
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions


@pytest.mark.parametrize(
    "user",
    ["dept_construction", "street1_office", "committee", "manager_a", "outsider"],
)
def test_only_the_enterprise_industry_department_reviews(notice_world, draft, user):
    risk_notice_submit(actor=notice_world.manager_a, page=draft)
    with pytest.raises(Refused):
        risk_notice_review(actor=getattr(notice_world, user), page=draft, approve=True)
    page = EnterpriseRiskNoticePage.objects.get(pk=draft.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_review_task_lists_reviewers_by_scope(notice_world, draft):
    risk_notice_submit(actor=notice_world.manager_a, page=draft)
    task = draft.current_workflow_state.current_task_state.task.specific
    assert task.get_actions(draft, notice_world.dept_chemicals)
    assert not task.get_actions(draft, notice_world.dept_construction)
    assert (
        task.get_task_states_user_can_moderate(notice_world.dept_chemicals).count() == 1
    )
    assert not task.get_task_states_user_can_moderate(
        notice_world.dept_construction
    ).exists()
    # The department never reaches the editor of the enterprise's text.
    assert not task.user_can_access_editor(draft, notice_world.dept_chemicals)


def test_withdrawal_unpublishes_and_is_logged(notice_world, draft, client):
    world = notice_world
    risk_notice_submit(actor=world.manager_a, page=draft)
    risk_notice_review(actor=world.dept_chemicals, page=draft, approve=True)
    page = EnterpriseRiskNoticePage.objects.get(pk=draft.pk)
    url = page.url
    with pytest.raises(Refused):
        notice_withdraw(actor=world.manager_b, page=page)
    with pytest.raises(Refused):
        notice_withdraw(actor=world.dept_construction, page=page)
    notice_withdraw(actor=world.manager_a, page=page)
    assert client.get(url).status_code == 404
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()
    with pytest.raises(Invalid):
        notice_withdraw(actor=world.manager_a, page=page)
