"""The monitoring set-up at phone width in chromium: the safety manager
registers a device (its key shown once), a sensor with limits out of order
(the message at the field), then in order; rotates the key.

With ``SAFEGRID_SCREENSHOTS=<folder>`` the screenshots are saved there.
"""

from __future__ import annotations

import pytest

from core.monitoring.models import SensorPoint
from core.monitoring.services import device_for_key
from core.risks.models import RiskPoint
from tests.browser.conftest import PHONE
from tests.browser.test_portal_journeys import shot
from tests.browser.test_risk_wizard import sign_in
from tests.factories import build_world

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", [PHONE], ids=["phone"], indirect=True)
def test_register_a_device_and_a_sensor_at_phone_width(page):
    from playwright.sync_api import expect

    world = build_world()
    point = RiskPoint.objects.create(
        enterprise=world.enterprise_a, name="甲醇储罐", kind="equipment"
    )
    sign_in(page, "manager-a")
    page.goto("/portal/monitoring/")
    page.get_by_test_id("devices-link").click()
    page.fill("#id_name", "储罐区RTU")
    page.get_by_test_id("device-form").locator("button[type=submit]").click()
    key = page.get_by_test_id("device-key").inner_text().strip()
    device, why = device_for_key(key)
    assert why == "" and device.name == "储罐区RTU"
    shot(page, "monitoring-device-key")
    page.goto("/portal/monitoring/sensors/new/")
    page.fill("#id_name", "储罐压力")
    page.select_option("#id_risk_point", str(point.pk))
    page.select_option("#id_device", str(device.pk))
    page.fill("#id_parameter", "压力")
    page.fill("#id_unit", "MPa")
    page.fill("#id_low", "0.5")
    page.fill("#id_high", "0.3")
    page.get_by_test_id("sensor-form").locator("button[type=submit]").click()
    error = page.locator(".field.has-error", has=page.locator("#id_high"))
    expect(error).to_contain_text("限值须依次递增")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, width
    shot(page, "monitoring-sensor-error")
    page.fill("#id_high", "1.6")
    page.fill("#id_high_high", "2.0")
    page.get_by_test_id("sensor-form").locator("button[type=submit]").click()
    expect(page.get_by_test_id("history-chart")).to_be_visible()
    assert SensorPoint.objects.get(name="储罐压力").high_high == 2.0
    page.goto("/portal/monitoring/devices/")
    page.get_by_test_id(f"rotate-{device.pk}").click()
    new_key = page.get_by_test_id("device-key").inner_text().strip()
    assert new_key != key and device_for_key(key)[0] is None
    shot(page, "monitoring-devices-rotated")
    page.goto("/portal/monitoring/devices/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(page, "monitoring-devices")
