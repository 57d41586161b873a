"""The Content-Security-Policy in a real browser: our pages, Wagtail's admin and
Swagger UI work with it on, and an inline script injected into a page is refused."""

from __future__ import annotations

import os

import pytest

from core.forms.models import FormDefinition
from tests.core.forms.conftest import make_definition
from tests.factories import PASSWORD, build_world

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SAFEGRID_SCREENSHOTS")  # a folder to look at them


def violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def sign_in(page, username: str, path: str) -> None:
    page.goto(path)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    page.wait_for_load_state("networkidle")


def shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_the_admin_editor_works_under_the_policy(page):
    from playwright.sync_api import expect

    world = build_world()
    from core.organizations.models import Department

    definition = make_definition(Department.objects.get(name="应急管理局"))
    assert FormDefinition.objects.count() == 1 and world
    seen = violations(page)
    sign_in(page, "dept-chem", "/admin/login/")
    page.goto(f"/admin/forms/definitions/edit/{definition.pk}/")
    # The block editor is drawn by Wagtail's scripts: it ran.
    expect(page.locator("[data-streamfield-stream-container]").first).to_be_visible()
    shot(page, "csp-admin-editor")
    page.goto("/admin/forms/definitions/")
    expect(page.locator("table.listing")).to_be_visible()
    assert seen == [], seen


def test_portal_pages_and_the_api_docs_work_and_injected_script_is_refused(page):
    from playwright.sync_api import expect

    build_world()
    seen = violations(page)
    sign_in(page, "manager-a", "/portal/login/")
    page.goto("/portal/")
    expect(page.get_by_test_id("enterprise-name")).to_be_visible()
    shot(page, "csp-portal-home")
    assert seen == [], seen
    # What an attacker's text would do if it ever reached the page as markup.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.appendChild(script);
        }"""
    )
    assert page.evaluate("() => window.__injected === undefined")
    assert any("script-src" in text for text in seen), seen
    seen.clear()
    page.goto("/api/v1/docs/")
    expect(page.locator(".swagger-ui .info")).to_be_visible()
    shot(page, "csp-api-docs")
    assert seen == [], seen
