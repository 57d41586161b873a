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

    from core.campaigns.models import Milestone
    from core.campaigns.progress import progress_record_running

    _world_, campaign, _directive = _world()
    # A milestone already passed, recorded on its deadline, and a few days of
    # trend.
    today = timezone.localdate()
    Milestone.objects.create(
        campaign=campaign,
        title="重点企业先行",
        deadline=today - datetime.timedelta(days=3),
        target_percent=40,
    )
    for days in (5, 4, 3, 2, 1, 0):
        progress_record_running(today - datetime.timedelta(days=days))
    admin_sign_in(page, "committee")
    page.goto(f"/admin/campaigns/{campaign.pk}/")
    expect(page.get_by_test_id("campaign-overall")).to_contain_text("2")
    expect(page.get_by_test_id("milestone-recorded").first).to_contain_text("当时")
    expect(page.get_by_test_id("campaign-trend")).to_contain_text(
        today.strftime("%Y-%m-%d")
    )
    shot(page, "campaign-progress")


def test_committee_draws_a_sample_and_records_a_spot_check(page):
    """Sample → the sampled enterprises with their status → record → back."""
    from playwright.sync_api import expect

    from core.campaigns.models import AcceptanceCheck, CheckKind

    _world()
    admin_sign_in(page, "committee")
    page.goto("/admin/campaigns/checks/")
    page.fill("#id_size", "2")
    page.fill("#id_seed", "20261207")
    shot(page, "spot-1-draw")
    with page.expect_navigation():
        page.get_by_test_id("sample-form").locator("button[type=submit]").click()
    expect(page.get_by_test_id("sample-progress")).to_contain_text("0")
    shot(page, "spot-2-sample")
    with page.expect_navigation():
        page.get_by_test_id("record-spot-check").first.click()
    expect(page.get_by_test_id("spot-target")).to_be_visible()
    page.check("input[name=passed][value='1']")
    page.fill("#id_score", "88")
    page.fill("#id_remarks", "台账齐全，现场抽查合格。")
    shot(page, "spot-3-record")
    with page.expect_navigation():
        page.get_by_test_id("check-form").locator("button[type=submit]").click()
    expect(page.get_by_test_id("sample-progress")).to_contain_text("1")
    shot(page, "spot-4-checked")
    check = AcceptanceCheck.objects.get()
    assert check.kind == CheckKind.SPOT and check.sample is not None


def test_rating_pages_and_dashboard_tiles(page):
    from playwright.sync_api import expect

    from core.supervision.models import EnterpriseRating
    from core.supervision.rating import ratings_recompute

    world, _campaign, _directive = _world()
    ratings_recompute()
    admin_sign_in(page, "committee")
    page.goto("/admin/supervision/ratings/")
    expect(page.locator("table.listing")).to_contain_text("甲化工有限公司")
    shot(page, "rating-list")
    rating = EnterpriseRating.objects.get(enterprise=world.enterprise_a)
    page.goto(f"/admin/supervision/ratings/inspect/{rating.pk}/")
    expect(page.get_by_test_id("rating-changes")).to_be_visible()
    shot(page, "rating-inspect")
    page.goto("/admin/organizations/enterprises/?ordering=-rating__rating_class")
    expect(page.locator("table.listing")).to_contain_text("甲化工有限公司")
    shot(page, "enterprise-list-by-class")
    page.goto("/admin/")
    expect(page.get_by_test_id("tile-rating-A")).to_be_visible()
    shot(page, "dashboard")


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
