"""A risk notice from the enterprise to the public, in chromium: the safety
manager generates and sends it from the portal (phone width), the chemicals
department rejects it with a reason in the admin, the manager reads the
reason and sends it again, the department approves, and an anonymous visitor
reads it on a phone (the QR code's landing page) — no horizontal scrolling.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import pytest

from core.notices.models import EnterpriseRiskNoticePage
from core.risks.services import risk_point_create
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import admin_sign_in, shot
from tests.browser.test_risk_wizard import sign_in
from tests.core.risks.conftest import reactor_data
from tests.factories import build_world

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_review_and_publication_of_a_risk_notice(page, browser, live_server):
    from playwright.sync_api import expect

    world = build_world()
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    sign_in(page, "manager-a")
    page.goto("/notices/mine/")
    page.get_by_role("button", name="生成公告").click()
    expect(page.get_by_test_id("risk-notice-state")).to_have_attribute(
        "data-state", "draft"
    )
    page.get_by_test_id("risk-submit").click()
    expect(page.get_by_test_id("risk-notice-state")).to_have_attribute(
        "data-state", "in_review"
    )
    shot(page, "notice-portal-in-review")
    notice = EnterpriseRiskNoticePage.objects.get()

    desk = browser.new_context(
        viewport={"width": 1280, "height": 860},
        base_url=live_server.url,
        locale="zh-CN",
    )
    admin = desk.new_page()
    admin_sign_in(admin, "dept-chem")
    admin.goto("/admin/notices/review/")
    admin.get_by_role("link", name=notice.title).click()
    admin.fill("#reason", "请补充应急处置电话")
    admin.get_by_test_id("reject").click()
    expect(admin.get_by_test_id("review-empty")).to_be_visible()

    page.goto("/notices/mine/")
    expect(page.get_by_test_id("rejection-reason")).to_contain_text(
        "请补充应急处置电话"
    )
    shot(page, "notice-portal-rejected")
    page.get_by_test_id("risk-submit").click()
    expect(page.get_by_test_id("risk-notice-state")).to_have_attribute(
        "data-state", "in_review"
    )

    admin.goto("/admin/notices/review/")
    admin.get_by_role("link", name=notice.title).click()
    shot(admin, "notice-admin-review")
    admin.get_by_test_id("approve").click()
    expect(admin.get_by_test_id("review-empty")).to_be_visible()
    desk.close()

    visitor = browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="zh-CN"
    )
    public = visitor.new_page()
    public.goto("/")
    assert public.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(public, "notice-public-home")
    public.get_by_role("link", name=notice.title).click()
    expect(public.get_by_test_id("risk-point")).to_contain_text("1号反应釜")
    expect(public.locator("body")).to_contain_text("泄漏应急处置卡")
    assert public.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(public, "notice-public-page")
    public.goto("/risk-notices/")
    shot(public, "notice-public-index")
    assert public.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    visitor.close()
