"""An industry department in chromium: it words its industry's handbook
sections, then generates its industry's handbook, watches it being generated
and downloads it. With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are
saved there."""

from __future__ import annotations

import pytest

from core.documents.models import (
    GenerationStatus,
    HandbookSectionSetting,
    ScopeHandbook,
)
from core.jobs.worker import run_pending
from core.risks.services import risk_point_create
from tests.browser.test_portal_journeys import admin_sign_in, shot
from tests.core.risks.conftest import reactor_data
from tests.factories import build_world

pytestmark = pytest.mark.browser


def test_department_words_sections_and_generates_its_industry_handbook(page):
    from playwright.sync_api import expect

    world = build_world()
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    admin_sign_in(page, "dept-chem")
    page.goto(f"/admin/handbook-sections/{world.chemicals.pk}/")
    page.fill("input[name='0-heading']", "企业基本情况（化工）")
    page.fill("textarea[name='0-intro']", "本节按应急管理局要求填写。")
    shot(page, "handbook-sections")
    page.get_by_test_id("section-settings").locator("button[type=submit]").click()
    page.wait_for_url(f"**/admin/handbook-sections/{world.chemicals.pk}/")
    assert HandbookSectionSetting.objects.get(key="core:profile").heading == (
        "企业基本情况（化工）"
    )
    page.goto("/admin/scope-handbooks/")
    page.select_option("#id_industry", str(world.chemicals.pk))
    page.get_by_test_id("scope-handbook-request").locator("button[type=submit]").click()
    page.wait_for_url("**/admin/scope-handbooks/")
    shot(page, "scope-handbook-pending")
    assert run_pending() >= 1
    assert ScopeHandbook.objects.get().status == GenerationStatus.READY
    # The page reloads itself while a version is being generated.
    expect(page.get_by_test_id("scope-handbook-download")).to_be_visible(timeout=30_000)
    shot(page, "scope-handbook-ready")
    with page.expect_download() as download:
        page.get_by_test_id("scope-handbook-download").click()
    assert download.value.suggested_filename.endswith("-v1.pdf")
