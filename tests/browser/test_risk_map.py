"""The four-colour risk map in chromium: dept-chem sees only chemicals
enterprises, street-1 only its territory; the territories are drawn from
the platform's own boundaries (no tiles), with no CSP violation.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import pytest

from core.risks.models import RiskPoint
from core.supervision import geometry
from core.supervision.models import TerritoryBoundary
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_portal_journeys import admin_sign_in, shot
from tests.factories import EnterpriseFactory, build_world

pytestmark = pytest.mark.browser


def _square(west, south, east, north):
    return geometry.polygon(
        [(west, south), (east, south), (east, north), (west, north)]
    )


def _map_world():
    world = build_world()
    TerritoryBoundary.objects.create(
        jurisdiction=world.district, geometry=_square(125.30, 43.80, 125.50, 43.92)
    )
    TerritoryBoundary.objects.create(
        jurisdiction=world.street1, geometry=_square(125.30, 43.80, 125.40, 43.92)
    )
    TerritoryBoundary.objects.create(
        jurisdiction=world.grid1, geometry=_square(125.30, 43.80, 125.40, 43.86)
    )
    TerritoryBoundary.objects.create(
        jurisdiction=world.street2, geometry=_square(125.40, 43.80, 125.50, 43.92)
    )
    world.enterprise_a.latitude, world.enterprise_a.longitude = (
        "43.830000",
        "125.350000",
    )
    world.enterprise_a.save()
    world.enterprise_b.latitude, world.enterprise_b.longitude = (
        "43.880000",
        "125.450000",
    )
    world.enterprise_b.save()
    RiskPoint.objects.create(
        enterprise=world.enterprise_a, name="储罐区", kind="area", level="major"
    )
    RiskPoint.objects.create(
        enterprise=world.enterprise_b, name="脚手架", kind="facility", level="general"
    )
    third = EnterpriseFactory(
        name="丙化学品储运有限公司",
        jurisdiction=world.street2,
        industries=[world.chemicals],
        latitude="43.840000",
        longitude="125.460000",
    )
    RiskPoint.objects.create(
        enterprise=third, name="装卸站台", kind="area", level="significant"
    )
    return world


def _open_map(page, username):
    errors: list[str] = []
    # Violations of the policy ("Refused to ...") and script errors; not the
    # browser's remark on the admin's frame-ancestors allowance.
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and "alongside with other source" not in m.text
            and errors.append(m.text)
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    admin_sign_in(page, username)
    page.goto("/admin/supervision/map/")
    page.wait_for_selector("[data-sg-map-count]")
    return errors


def _names(page) -> set[str]:
    return set(
        page.evaluate(
            "() => Array.from(document.querySelectorAll('.leaflet-tooltip'))"
            ".map(e => e.textContent)"
        )
    )


def _markers(page) -> int:
    return int(page.get_attribute("[data-sg-map]", "data-sg-map-count"))


@pytest.mark.parametrize(
    "page", [DESKTOP, PHONE], ids=["desktop", "phone"], indirect=True
)
def test_dept_chemicals_sees_only_chemicals_and_street_1_its_territory(page):
    _map_world()
    errors = _open_map(page, "dept-chem")
    assert _markers(page) == 2
    # The status line counts what the API returned.
    assert "2" in page.text_content("[data-sg-map-status]")
    assert page.locator("path.leaflet-interactive").count() >= 4 + 2
    shot(page, "risk-map-dept-chem")
    page.select_option("select[name=territory]", label="二街道")
    page.wait_for_function(
        "() => document.querySelector('[data-sg-map]').dataset.sgMapCount === '1'"
    )
    assert "territory=" in page.url
    assert errors == [], errors

    page.context.clear_cookies()
    errors = _open_map(page, "street-1")
    assert _markers(page) == 1
    # Only its own street and grid are drawn.
    options = page.eval_on_selector_all(
        "select[name=territory] option", "els => els.map(e => e.textContent)"
    )
    assert "二街道" not in options and "一街道" in options
    # Click the enterprise: its summary and links.
    page.locator(".leaflet-overlay-pane path.leaflet-interactive").first.click()
    popup = page.locator(".sg-map-popup")
    popup.wait_for()
    assert "甲化工有限公司" in popup.text_content()
    assert "重大风险" in popup.text_content()
    assert popup.locator("a").count() == 3
    shot(page, "risk-map-street-1")
    assert errors == [], errors


@pytest.mark.parametrize(
    "page", [DESKTOP, PHONE], ids=["desktop", "phone"], indirect=True
)
def test_the_admin_home_is_a_dashboard_with_charts(page):
    _map_world()
    errors = _open_map(page, "committee")
    page.goto("/admin/")
    page.wait_for_selector("[data-sg-chart-ready]")
    assert page.locator("[data-sg-chart-ready]").count() == 5
    assert page.text_content("[data-testid=tile-enterprises] .sg-tile-value") == "3"
    assert page.locator("form[role=search]").count() == 0
    shot(page, "dashboard-committee")
    page.context.clear_cookies()
    from tests.browser.test_risk_wizard import sign_in

    sign_in(page, "manager-a")
    page.wait_for_selector("[data-testid=enterprise-dashboard] [data-sg-chart-ready]")
    shot(page, "dashboard-portal-manager-a")
    assert errors == [], errors
