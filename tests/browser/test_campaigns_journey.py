"""Campaigns in chromium: the committee office's progress page (desktop), the
manager reads and answers a directive at phone width, the sender sees the
receipt. With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.campaigns.services import campaign_create, directive_send
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import admin_sign_in, shot
from tests.browser.test_risk_wizard import sign_in
from tests.core.supervision.test_map import point
from tests.factories import build_world

pytestmark = pytest.mark.browser


def _world():
    world = build_world()
    point(world.enterprise_a, "major")
    today = timezone.localdate()
    campaign = campaign_create(
        actor=world.committee,
        title="双重预防机制建设推进",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=60),
        criteria=[{"key": "risk_list"}, {"key": "handbook"}],
        milestones=[{"title": "风险辨识完成", "deadline": today, "target_percent": 50}],
    )
    directive = directive_send(
        actor=world.committee,
        title="关于开展双重预防机制建设的通知",
        body="请于月底前完成风险辨识评估。",
        audience="all",
        reply_required=True,
    )
    return world, campaign, directive


def test_committee_sees_the_progress(page):
    from playwright.sync_api import expect

    _world_, campaign, _directive = _world()
    admin_sign_in(page, "committee")
    page.goto(f"/admin/campaigns/{campaign.pk}/")
    expect(page.get_by_test_id("campaign-overall")).to_contain_text("2")
    shot(page, "campaign-progress")


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_manager_reads_and_replies(page):
    from playwright.sync_api import expect

    world, _campaign, directive = _world()
    sign_in(page, "manager-a")
    page.goto("/portal/campaigns/")
    expect(page.get_by_test_id("campaign-checklist")).to_be_visible()
    shot(page, "campaign-portal")
    page.goto(f"/portal/campaigns/directives/{directive.pk}/")
    page.fill("#id_reply", "已完成风险辨识。")
    page.get_by_test_id("reply").click()
    expect(page.get_by_test_id("replied")).to_be_visible()
    shot(page, "directive-replied")
    copy = directive.recipients.get(enterprise=world.enterprise_a)
    assert copy.read_at is not None and copy.reply == "已完成风险辨识。"
