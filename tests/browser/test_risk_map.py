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


def test_zoomed_in_an_enterprise_shows_its_risk_points_and_alarms(page):
    from core.monitoring.ingest import ingest
    from core.monitoring.services import device_create, sensor_create

    world = _map_world()
    tank = RiskPoint.objects.get(name="储罐区")
    tank.position = {"type": "point", "x": 0.8, "y": 0.2}
    tank.save()
    RiskPoint.objects.create(
        enterprise=world.enterprise_a,
        name="装车区",
        kind="area",
        level="low",
        position={"type": "point", "x": 0.2, "y": 0.7},
    )
    device = device_create(
        actor=world.manager_a, enterprise=world.enterprise_a, name="RTU"
    ).device
    sensor = sensor_create(
        actor=world.manager_a,
        risk_point=tank,
        device=device,
        data={"name": "液位", "parameter": "液位", "unit": "%", "high": 80},
    )
    from django.utils import timezone

    ingest(
        device=device,
        items=[{"sensor": sensor.pk, "ts": timezone.now().isoformat(), "value": 90}],
    )
    errors = _open_map(page, "dept-chem")
    # Zoom in on 甲 (its marker is red: a major risk) by double clicks on it,
    # which keep the clicked point in place.
    marker = page.locator('.leaflet-overlay-pane path[fill="#e02020"]').first
    for _ in range(10):
        # Stop at the first zoom that shows risk points (further in, the
        # site plan grows past the screen).
        if page.get_attribute("[data-sg-map]", "data-sg-map-risk-points"):
            break
        # (a click opens the popup, which may pan: measure again each time)
        page.keyboard.press("Escape")
        box = marker.bounding_box()
        page.mouse.dblclick(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(500)
    page.keyboard.press("Escape")
    page.wait_for_function(
        "() => Number(document.querySelector('[data-sg-map]')"
        ".dataset.sgMapRiskPoints) >= 2"
    )
    assert page.locator("path.sg-map-risk-point").count() >= 2
    assert page.locator("path.sg-map-in-alarm").count() == 1
    if page.locator(".leaflet-popup-close-button").count():
        page.locator(".leaflet-popup-close-button").click()
    page.wait_for_timeout(400)
    shot(page, "risk-map-zoomed-risk-points")
    assert errors == [], errors
