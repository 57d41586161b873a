"""A safety manager enters a risk point through the guided form, in chromium."""

import importlib

import pytest
from django.apps import apps

from core.organizations.models import Unit
from core.risks.models import AccidentType, RiskPoint
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import PASSWORD, build_world

pytestmark = pytest.mark.browser

# The level colours of risk-levels.css, as the browser computes them.
ORANGE = "rgb(240, 138, 18)"


def seed_dictionaries():
    """The GB 6441 and GB/T 13861 rows of the data migration.

    A live-server test runs on a transactional database, which is emptied
    after each test, data migrations included.
    """
    if not AccidentType.objects.exists():
        seeding = importlib.import_module(
            "core.risks.migrations.0002_seed_accident_types_and_hazard_factor_classes"
        )
        seeding.seed(apps, None)


def sign_in(page, username):
    page.goto("/portal/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.form-stack button[type=submit]")
    page.wait_for_url("**/portal/")


def next_step(page, step):
    page.get_by_test_id("wizard-next").click()
    page.wait_for_url(f"**/{step}/")


@pytest.mark.parametrize(
    "page", [DESKTOP, PHONE], ids=["desktop", "phone"], indirect=True
)
def test_guided_entry_from_start_to_saved_risk_point(page):
    from playwright.sync_api import expect

    seed_dictionaries()
    world = build_world()
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    sign_in(page, "manager-a")
    page.goto("/portal/risks/")
    page.get_by_test_id("new-risk-point").click()
    page.wait_for_url("**/point/")

    # Step 1: nothing filled in → the messages are at the fields.
    page.get_by_test_id("wizard-next").click()
    page.wait_for_load_state()
    assert "/point/" in page.url
    expect(page.locator(".field.has-error #id_point-name")).to_be_visible()
    page.fill("#id_point-name", "液氨储罐区")
    page.select_option("#id_point-kind", "area")
    page.select_option("#id_point-unit", str(workshop.pk))
    # A click on the site plan fills in the position.
    page.locator("[data-picker-plan]").click(position={"x": 60, "y": 40})
    assert page.input_value("#id_point-position_x") != ""
    next_step(page, "events")

    # Step 2: a hazard factor and a risk event with its accident type.
    page.select_option("#id_events-factors-0-code", "2101")
    page.fill("#id_events-factors-0-description", "储罐法兰泄漏")
    page.fill("#id_events-events-0-name", "液氨泄漏中毒")
    page.check("input[name='events-events-0-accident_types'][value='19']")
    next_step(page, "assessment")

    # Step 3: LEC 3 × 6 × 15 = 270; the server's preview shows it at once.
    method = page.locator("select[name$='-method']")
    method.select_option("lec")
    expect(page.locator("fieldset[data-method='ls']")).to_be_hidden()
    page.locator("select[name$='lec__L']").select_option("3")
    page.locator("select[name$='lec__E']").select_option("6")
    page.locator("select[name$='lec__C']").select_option("15")
    preview = page.locator("[data-preview]")
    expect(preview.locator("[data-level='significant']")).to_be_visible()
    expect(preview).to_contain_text("270")
    next_step(page, "measures")

    # Step 4: a measure, and a second one added with "add".
    page.locator("select[name$='-0-kind']").select_option("monitoring")
    page.locator("textarea[name$='-0-description']").fill("有毒气体检测报警")
    page.locator("[data-testid=measures-event] [data-formset-add]").click()
    page.locator("select[name$='-1-kind']").select_option("ppe")
    page.locator("textarea[name$='-1-description']").fill("正压式空气呼吸器")
    next_step(page, "control")

    # Step 5: who controls it.
    page.select_option("#id_control-level", "workshop")
    page.select_option("#id_control-responsible_unit", str(workshop.pk))
    page.fill("#id_control-inspection_every", "1")
    page.select_option("#id_control-inspection_unit", "day")
    next_step(page, "review")

    # Step 6: the level computed by the server, then one save.
    review = page.get_by_test_id("review-level")
    expect(review.locator("[data-level='significant']")).to_be_visible()
    assert RiskPoint.objects.count() == 0
    page.get_by_test_id("wizard-save").click()
    page.wait_for_url("**/portal/risks/*/")

    point = RiskPoint.objects.get()
    assert point.level == "significant"
    assert point.measures.filter(is_active=True).count() == 2
    badge = page.get_by_test_id("point-level").locator(".level-badge")
    expect(badge).to_have_class("level-badge level-significant")
    colour = badge.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == ORANGE

    # The overview shows it in its colour too, on the tile and on the plan.
    page.goto("/portal/risks/")
    tile = page.locator(".point-tile", has_text="液氨储罐区")
    expect(tile).to_have_class("point-tile level-significant")
    assert tile.evaluate("el => getComputedStyle(el).backgroundColor") == ORANGE
    circle = page.locator(".plot-item.level-significant circle")
    assert circle.evaluate("el => getComputedStyle(el).fill") == ORANGE
