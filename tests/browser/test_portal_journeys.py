"""Three journeys in chromium, at desktop and phone width: a department sets
its level thresholds from a preset without losing what it typed; a safety
manager uploads the site layout and places a risk point on it; the
enterprise home lists what is waiting, each with its link.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.risks.models import LevelThreshold, RiskDraft, RiskPoint, SitePlan
from core.risks.services import (
    AssessmentData,
    EventData,
    RiskPointData,
    risk_point_create,
)
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_risk_wizard import seed_dictionaries, sign_in
from tests.factories import PASSWORD, build_world, image_bytes

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SAFEGRID_SCREENSHOTS")
BOTH = pytest.mark.parametrize(
    "page", [DESKTOP, PHONE], ids=["desktop", "phone"], indirect=True
)


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def admin_sign_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")


@BOTH
def test_thresholds_from_a_preset_without_losing_typed_values(page):
    from playwright.sync_api import expect

    seed_dictionaries()
    world = build_world()
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(
            name="液氯罐区",
            kind="area",
            events=[
                EventData(
                    name="泄漏中毒",
                    accident_types=["08"],
                    assessment=AssessmentData(
                        method="lec", inputs={"L": 3, "E": 6, "C": 7}
                    ),
                )
            ],
        ),
    )
    admin_sign_in(page, "dept-chem")
    page.goto("/admin/risks/thresholds/")
    table = page.get_by_test_id("thresholds-in-force")
    expect(table).to_contain_text("危险化学品")
    expect(table).to_contain_text("方法默认值")
    shot(page, "thresholds-in-force")
    row = table.locator("tr[data-method='lec'][data-industry='chemicals']")
    row.get_by_role("link").click()
    page.wait_for_url("**/risks/thresholds/new/**")
    page.fill("#id_major_from", "100")
    # Choosing a preset asks before replacing what was typed: "cancel" keeps it.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.select_option("#id_preset", "lec:classic")
    expect(page.locator("#id_major_from")).to_have_value("100")
    # "OK" fills every field in, visibly.
    page.once("dialog", lambda dialog: dialog.accept())
    page.select_option("#id_preset", "lec:classic")
    expect(page.locator("#id_major_from")).to_have_value("320")
    expect(page.locator("#id_general_from")).to_have_value("70")
    page.fill("#id_significant_from", "50")
    page.fill("#id_major_from", "100")
    page.fill("#id_general_from", "20")
    page.select_option("#id_preset", "")
    shot(page, "thresholds-form")
    with page.expect_navigation():
        page.click("button.button-longrunning[type=submit]")
    expect(page.get_by_test_id("thresholds-in-force")).to_contain_text("> 100")
    threshold = LevelThreshold.objects.get(method="lec", industry=world.chemicals)
    assert threshold.major_from == 100
    # The list's rows link to the edit page; numbers read without trailing zeros.
    page.locator(f"a[href$='/risks/thresholds/edit/{threshold.pk}/']").first.click()
    expect(page.locator("#id_major_from")).to_have_value("100")
    point.refresh_from_db()
    assert point.reassess_since is not None  # 126 is now major: assess again


@BOTH
def test_site_plan_upload_and_placement(page, tmp_path, settings):
    from playwright.sync_api import expect

    settings.MEDIA_ROOT = tmp_path
    seed_dictionaries()
    world = build_world()
    for name in ("液氯罐区", "合成车间反应釜"):
        risk_point_create(
            user=world.manager_a,
            enterprise=world.enterprise_a,
            data=RiskPointData(name=name, kind="area"),
        )
    layout = tmp_path / "layout.png"
    layout.write_bytes(image_bytes("PNG", size=(800, 500)))
    sign_in(page, "manager-a")
    page.goto("/portal/risks/plan/")
    expect(page.get_by_test_id("plan-instructions")).to_be_visible()
    page.set_input_files("input[name=file]", str(layout))
    with page.expect_navigation():
        page.get_by_test_id("plan-upload").locator("button").click()
    expect(page.get_by_test_id("plan-image")).to_have_count(1)
    assert SitePlan.objects.filter(enterprise=world.enterprise_a).exists()
    page.get_by_label("液氯罐区").check()
    page.get_by_test_id("site-plot").click(position={"x": 40, "y": 30})
    assert page.input_value("[data-plan-x]") != ""
    shot(page, "site-plan-placing")
    with page.expect_navigation():
        page.get_by_test_id("plan-save").click()
    placed = RiskPoint.objects.get(name="液氯罐区")
    assert placed.position and placed.position["type"] == "point"
    expect(page.locator(f"[data-point='{placed.pk}']")).to_have_count(1)
    expect(page.get_by_test_id("plan-place")).to_contain_text("合成车间反应釜")
    shot(page, "site-plan-placed")


@BOTH
def test_the_home_is_a_to_do_with_links(page):
    from playwright.sync_api import expect

    seed_dictionaries()
    world = build_world()
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="液氯罐区", kind="area"),
    )
    RiskDraft.objects.create(
        owner=world.manager_a,
        enterprise=world.enterprise_a,
        data={"name": "二号仓库"},
    )
    sign_in(page, "manager-a")
    todo = page.get_by_test_id("todo")
    expect(todo).to_contain_text("液氯罐区")
    expect(todo).to_contain_text("二号仓库")
    expect(page.locator("body")).not_to_contain_text("模块启用后将显示在这里")
    shot(page, "portal-home-todo")
    todo.locator("li[data-kind='unassessed'] a").first.click()
    page.wait_for_url(f"**/portal/risks/{point.pk}/")
