"""The monitoring board in chromium: a reading that arrives while the page
is open shows without a reload (the static live.js polling live.json, no
inline script), and the sensor's history chart draws with ECharts.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.monitoring.ingest import ingest
from core.monitoring.services import device_create, sensor_create
from core.risks.models import RiskPoint
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.factories import build_world

pytestmark = pytest.mark.browser


def test_the_board_updates_and_the_chart_draws(page):
    from playwright.sync_api import expect

    world = build_world()
    point = RiskPoint.objects.create(
        enterprise=world.enterprise_a, name="甲醇储罐", kind="equipment"
    )
    device = device_create(
        actor=world.manager_a, enterprise=world.enterprise_a, name="RTU"
    ).device
    sensor = sensor_create(
        actor=world.manager_a,
        risk_point=point,
        device=device,
        data={
            "name": "储罐液位",
            "parameter": "液位",
            "unit": "%",
            "low": 20,
            "high": 80,
            "high_high": 90,
            "deadband": 2,
        },
    )
    now = timezone.now()
    ingest(
        device=device,
        items=[
            {
                "sensor": sensor.pk,
                "ts": (now - datetime.timedelta(minutes=60 - i)).isoformat(),
                "value": 50 + (i % 7) - 3 + (30 if 40 < i < 46 else 0),
            }
            for i in range(55)
        ],
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, "staff-a")
    page.goto("/portal/monitoring/")
    row = page.locator(f'tr[data-sensor="{sensor.pk}"]')
    expect(row).to_be_visible()
    ingest(
        device=device,
        items=[{"sensor": sensor.pk, "ts": timezone.now().isoformat(), "value": 61.25}],
    )
    expect(row.locator('[data-field="value"]')).to_contain_text("61.25", timeout=15_000)
    shot(page, "monitoring-board")
    page.goto(f"/portal/monitoring/sensors/{sensor.pk}/")
    chart = page.get_by_test_id("history-chart")
    expect(chart).to_have_attribute("data-points", "56", timeout=15_000)
    page.click('[data-range="1h"]')
    expect(chart.locator("canvas").first).to_be_visible()
    shot(page, "monitoring-history")
    assert not [e for e in errors if "Content Security Policy" in e], errors
