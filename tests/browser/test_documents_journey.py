"""The handbook in chromium at phone width: the safety manager asks for a new
version, sees it being generated, and downloads it when the job has run; then
a card's QR page opens for an anonymous visitor at phone width.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import pytest

from core.documents.cards import card_pdf
from core.documents.models import (
    CardKind,
    GenerationStatus,
    HandbookVersion,
    PublicCard,
)
from core.jobs.worker import run_pending
from core.organizations.models import Unit
from core.risks.services import risk_point_create
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.core.risks.conftest import reactor_data
from tests.factories import build_world

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_generate_and_download_the_handbook_then_open_a_card(page):
    from playwright.sync_api import expect

    world = build_world()
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    sign_in(page, "manager-a")
    page.goto("/portal/documents/")
    page.fill("#id_note", "首次编制")
    page.get_by_test_id("handbook-generate").click()
    expect(page.get_by_test_id("handbook-pending")).to_be_visible()
    shot(page, "documents-pending")
    assert run_pending() >= 1
    assert HandbookVersion.objects.get().status == GenerationStatus.READY
    # No reload by the test: the page refreshes itself while a version is
    # being generated and offers the PDF once it is ready.
    expect(page.get_by_test_id("handbook-download")).to_be_visible(timeout=30_000)
    shot(page, "documents-ready")
    with page.expect_download() as download:
        page.get_by_test_id("handbook-download").click()
    assert download.value.suggested_filename.endswith("-v1.pdf")

    post = Unit.objects.get(enterprise=world.enterprise_a, kind=Unit.Kind.POST)
    card_pdf(enterprise=world.enterprise_a, kind=CardKind.POST_RISK, post=post)
    token = PublicCard.objects.get().token
    page.context.clear_cookies()
    page.goto(f"/c/{token}/")
    expect(page.get_by_test_id("card-title")).to_have_text("岗位风险告知卡")
    expect(page.get_by_test_id("card-point")).to_contain_text("1号反应釜")
    # Readable at phone width: nothing wider than the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    shot(page, "public-card")
