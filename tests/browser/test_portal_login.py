"""An enterprise user signs in through the real form and switches language."""

import pytest

from core.organizations.models import Role
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import PASSWORD, build_world, user_with_role

pytestmark = pytest.mark.browser


def make_enterprises():
    """The world: enterprise A (chemicals, street 1) and enterprise B; the
    browser signs in as ``enterprise-1``, safety manager of A."""
    world = build_world()
    user_with_role(
        "enterprise-1", Role.ENTERPRISE_MANAGER, enterprise=world.enterprise_a
    )


@pytest.mark.parametrize(
    "page", [DESKTOP, PHONE], ids=["desktop", "phone"], indirect=True
)
def test_enterprise_user_signs_in_and_switches_to_english(page):
    # Imported here: without Playwright the fixture skips (or fails in CI) first.
    from playwright.sync_api import expect

    make_enterprises()
    page.goto("/portal/")
    # Not signed in: the portal sends the visitor to the sign-in form.
    assert "/portal/login/" in page.url
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    page.fill("#id_username", "enterprise-1")
    page.fill("#id_password", PASSWORD)
    page.click("form.form-stack button[type=submit]")
    page.wait_for_url("**/portal/")

    if page.viewport_size["width"] < 900:
        # On a phone the navigation is behind the menu button.
        people_link = page.locator('#portal-nav a[data-menu-key="people"]')
        assert not people_link.is_visible()
        page.click("[data-nav-toggle]")
        assert people_link.is_visible()

    header = page.get_by_test_id("enterprise-name")
    assert header.inner_text().strip() == "甲化工有限公司"
    body = page.locator("body").inner_text()
    assert "甲化工有限公司" in body
    assert "乙建筑有限公司" not in body
    assert "危险化学品" in body

    page.get_by_test_id("lang-en").click()
    # The switch posts to /i18n/setlang/ and comes back to this page.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state()
    body = page.locator("body").inner_text()
    assert "Hazardous chemicals" in body
    assert "危险化学品" not in body
    assert "Units and posts" in body
    assert "乙建筑有限公司" not in body
