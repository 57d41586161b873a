"""Recording a drill with photos in chromium at phone width: the safety
manager opens the emergency page, records a drill held with two photos and
the participants, and the drill is stored with its photos.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import datetime

import pytest

from core.emergency.models import Drill
from core.emergency.services import drill_plan_add
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.factories import build_world, image_bytes

pytestmark = pytest.mark.browser


def _photo(name: str) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": image_bytes()}


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_record_a_drill_with_photos(page):
    from playwright.sync_api import expect

    world = build_world()
    today = datetime.date.today()
    drill_plan_add(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        year=today.year,
        scenario="反应釜泄漏处置演练",
        due_on=datetime.date(today.year, 12, 31),
    )
    sign_in(page, "manager-a")
    page.goto("/portal/emergency/")
    page.get_by_test_id("record-drill").click()
    page.wait_for_url("**/portal/emergency/drills/new/")
    form = page.get_by_test_id("drill-form")
    form.locator("input[name=held_on]").fill(today.isoformat())
    form.locator("input[name=scenario]").fill("反应釜泄漏处置演练")
    form.locator("select[name=planned]").select_option(index=1)
    form.locator("input[name=participant_count]").fill("8")
    form.locator("input[name=participants]").first.check()
    form.locator("textarea[name=evaluation]").fill("响应及时，呼吸器佩戴偏慢")
    form.locator("input[name=photos]").set_input_files(
        files=[_photo("one.png"), _photo("two.png")]
    )
    shot(page, "drill-form-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/portal/emergency/")
    expect(page.locator("body")).to_contain_text("演练已记录")
    drill = Drill.objects.get()
    assert drill.photos.count() == 2
    assert drill.participants.count() == 1 and drill.planned is not None
    shot(page, "drill-recorded-phone")
