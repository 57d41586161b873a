"""The lists' unit chooser in chromium: typing offers the enterprise's units,
the keyboard picks one, the list is filtered and the reloaded page names the
chosen unit."""

from __future__ import annotations

import pytest

from core.organizations.models import Unit
from core.risks.services import RiskPointData, risk_point_create
from tests.browser.test_risk_wizard import sign_in
from tests.core.risks.conftest import reactor_data
from tests.factories import build_world

pytestmark = pytest.mark.browser


def test_type_choose_with_the_keyboard_and_filter(page):
    from playwright.sync_api import expect

    world = build_world()
    company = Unit.objects.get(enterprise=world.enterprise_a, name="甲化工")
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="办公楼", kind="area", unit=company, events=[]),
    )
    sign_in(page, "manager-a")
    page.goto("/portal/risks/list/")
    rows = page.locator("[data-testid=risk-list] > li")
    expect(rows).to_have_count(2)
    field = page.locator("#id_unit")
    field.press_sequentially("合成")
    options = page.locator("#id_unit_matches [role=option]")
    expect(options).to_have_count(1)
    expect(options.first).to_have_text("合成车间")
    field.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    field.press("Enter")  # chooses; the form is not sent yet
    expect(field).to_have_value("合成车间")
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    assert page.locator("input[name=unit]").input_value() == str(workshop.pk)
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(f"**unit={workshop.pk}**")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("1号反应釜")
    # The reloaded page names the chosen unit; Escape closes the matches.
    expect(page.locator("#id_unit")).to_have_value("合成车间")
    field = page.locator("#id_unit")
    field.fill("")
    field.press_sequentially("车间")
    expect(page.locator("#id_unit_matches [role=option]")).to_have_count(1)
    field.press("Escape")
    expect(page.locator("#id_unit_matches")).to_be_hidden()
