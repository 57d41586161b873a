"""The hazard closed loop in chromium at phone width: staff-a reports a
hazard with a photo, the safety manager confirms it, staff-a uploads the
rectification evidence, the manager accepts, the hazard closes and the
counts on the hazards page change.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import datetime

import pytest

from core.hazards.models import Hazard, HazardStatus
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.factories import build_world, image_bytes

pytestmark = pytest.mark.browser


def _photo(name: str) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": image_bytes()}


def _step(page, action: str) -> None:
    page.get_by_test_id(f"step-{action}").click()


def _switch(page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username)


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_report_confirm_rectify_accept_close(page):
    from playwright.sync_api import expect

    build_world()
    sign_in(page, "staff-a")
    page.goto("/portal/hazards/report/")
    page.fill("textarea[name=description]", "二号仓库消防通道堆放纸箱")
    page.fill("input[name=location]", "二号仓库")
    assert page.locator("select[name=grade]").input_value() == "general"
    page.set_input_files("input[name=photos]", files=[_photo("before.png")])
    page.locator("[data-testid=report-form] button[type=submit]").click()
    page.wait_for_url("**/portal/hazards/*/")
    hazard = Hazard.objects.get()
    assert hazard.photos.count() == 1
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已上报")
    shot(page, "hazard-reported")

    _switch(page, "manager-a")
    page.goto("/portal/hazards/")
    expect(page.get_by_test_id("count-open")).to_have_text("1")
    expect(page.get_by_test_id("count-closed")).to_have_text("0")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    _step(page, "confirm")
    form = page.locator("details[data-action=confirm] form")
    form.locator("select[name=responsible]").select_option(label="张三")
    deadline = datetime.date.today() + datetime.timedelta(days=5)
    form.locator("input[name=deadline]").fill(deadline.isoformat())
    page.get_by_test_id("do-confirm").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已确认")

    _switch(page, "staff-a")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    shot(page, "hazard-confirmed-staff")
    _step(page, "start")
    page.get_by_test_id("do-start").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("整改中")
    _step(page, "submit")
    form = page.locator("details[data-action=submit] form")
    form.locator("textarea[name=comment]").fill("纸箱已清走，通道畅通")
    form.locator("input[name=evidence]").set_input_files(files=[_photo("after.png")])
    page.get_by_test_id("do-submit").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("待验收")
    expect(page.get_by_test_id("after-photo")).to_have_count(1)

    _switch(page, "manager-a")
    page.goto(f"/portal/hazards/{hazard.pk}/")
    _step(page, "accept")
    page.get_by_test_id("do-accept").click()
    expect(page.get_by_test_id("hazard-status")).to_contain_text("已销号")
    shot(page, "hazard-closed")
    page.goto("/portal/hazards/")
    expect(page.get_by_test_id("count-open")).to_have_text("0")
    expect(page.get_by_test_id("count-closed")).to_have_text("1")
    expect(page.get_by_test_id("rate-rectification")).to_have_text("100.0%")
    shot(page, "hazard-board")
    assert Hazard.objects.get().status == HazardStatus.CLOSED
    actions = list(Hazard.objects.get().transitions.values_list("action", flat=True))
    assert actions == ["report", "confirm", "start", "submit", "accept"]
