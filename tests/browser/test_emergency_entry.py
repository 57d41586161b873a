"""The safety manager's emergency entry screens in chromium at phone width:
a workplace test with a result per factor, then a plan refused for a
missing field (the message at the field, what was typed kept) and saved.
Nothing overflows the phone's width.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import pytest

from core.emergency.models import EmergencyPlan, WorkplaceTest
from core.emergency.services import exposure_add
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.factories import build_world

pytestmark = pytest.mark.browser


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_record_a_test_and_a_plan_at_phone_width(page):
    from playwright.sync_api import expect

    world = build_world()
    exposure = exposure_add(
        actor=world.manager_a, post=world.post_a, factor="noise", agent="压缩机噪声"
    )
    sign_in(page, "manager-a")
    page.goto("/portal/emergency/occupational/")
    page.get_by_test_id("test-new").click()
    form = page.get_by_test_id("test-form")
    form.locator("input[name=tested_on]").fill("2026-03-01")
    form.locator("input[name=next_due]").fill("2027-03-01")
    form.locator("input[name=agency]").fill("吉林某检测技术有限公司")
    form.locator(f"input[name=measured_{exposure.pk}]").fill("82 dB(A)")
    form.locator(f"input[name=limit_{exposure.pk}]").fill("85 dB(A)")
    form.locator(f"select[name=compliant_{exposure.pk}]").select_option("yes")
    shot(page, "emergency-test-form-phone")
    _fits(page)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/portal/emergency/occupational/")
    expect(page.get_by_test_id("tests")).to_contain_text("吉林某检测技术有限公司")
    assert WorkplaceTest.objects.get().results.get().measured == "82 dB(A)"

    page.goto("/portal/emergency/plans/new/")
    form = page.get_by_test_id("emergency-form")
    form.locator("select[name=kind]").select_option("on_site")
    form.locator("input[name=title]").fill("反应釜泄漏现场处置方案")
    form.get_by_test_id("save").click()
    error = page.locator(".field.has-error .field-error").first
    expect(error).to_be_visible()
    expect(page.locator("input[name=title]")).to_have_value("反应釜泄漏现场处置方案")
    shot(page, "emergency-plan-error-phone")
    _fits(page)
    assert not EmergencyPlan.objects.exists()
    page.locator("textarea[name=content]").fill("一、事故风险描述\n二、应急工作职责")
    page.locator("input[name=approved_on]").fill("2026-02-01")
    page.get_by_test_id("save").click()
    page.wait_for_url("**/portal/emergency/plans/")
    expect(page.get_by_test_id("plan-list")).to_contain_text("反应釜泄漏现场处置方案")
    shot(page, "emergency-plans-phone")
    _fits(page)
    page.goto("/portal/emergency/rescue/team/")
    form = page.get_by_test_id("emergency-form")
    form.locator("input[name=name]").fill("兼职应急救援队")
    form.locator("select[name=kind]").select_option(index=1)
    form.locator("input[name=members]").first.check()
    form.locator("textarea[name=duties]").fill("张三：队长")
    shot(page, "emergency-team-form-phone")
    _fits(page)
    form.get_by_test_id("save").click()
    page.wait_for_url("**/portal/emergency/rescue/")
    expect(page.get_by_test_id("rescue-team")).to_contain_text("张三 (队长)")
