"""The portal's set-up pages: devices (register, rotate, revoke; the key
shown once) and sensor points (register, change), for the enterprise's
safety manager only; errors at the field in both languages, 4xx not 5xx,
nothing changed; foreign users refused."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from core.monitoring.models import Device, SensorPoint
from core.monitoring.mqtt import topic_for
from core.monitoring.services import device_for_key

pytestmark = pytest.mark.django_db
BASE = "/portal/monitoring"


def login(user, language: str = "zh-hans") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def key_on(page) -> str:
    html = page.content.decode()
    start = html.index('data-testid="device-key">') + len('data-testid="device-key">')
    return html[start : html.index("<", start)]


def test_register_a_device_shows_its_key_once(mon, django_assert_max_num_queries):
    client = login(mon.world.manager_a)
    with django_assert_max_num_queries(15):
        assert client.get(f"{BASE}/devices/").status_code == 200
    page = client.post(f"{BASE}/devices/", {"name": "锅炉房网关"})
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    key = key_on(page)
    device, why = device_for_key(key)
    assert why == "" and device.name == "锅炉房网关"
    # the list never shows a key again, only its public prefix
    listing = client.get(f"{BASE}/devices/").content.decode()
    assert key not in listing and f"sgd_{device.key_prefix}" in listing


def test_rotate_then_revoke(mon):
    client = login(mon.world.manager_a)
    page = client.post(f"{BASE}/devices/{mon.device.pk}/rotate/")
    assert page.status_code == 200
    new_key = key_on(page)
    assert device_for_key(mon.key)[0] is None  # the old prefix is gone
    assert device_for_key(new_key)[1] == ""
    assert topic_for(mon.sensor) in page.content.decode()
    response = client.post(f"{BASE}/devices/{mon.device.pk}/revoke/")
    assert response.status_code == 302
    assert device_for_key(new_key)[1]  # refused: revoked


def test_register_and_change_a_sensor(mon):
    client = login(mon.world.manager_a)
    form = client.get(f"{BASE}/sensors/new/?risk_point={mon.point.pk}")
    assert form.status_code == 200 and "甲醇储罐" in form.content.decode()
    data = {
        "name": "储罐温度",
        "risk_point": mon.point.pk,
        "device": mon.device.pk,
        "parameter": "温度",
        "unit": "℃",
        "low": "0",
        "high": "45",
        "high_high": "60",
        "deadband": "1",
        "min_duration": "10",
        "no_data_after": "300",
    }
    response = client.post(f"{BASE}/sensors/new/", data)
    assert response.status_code == 302
    sensor = SensorPoint.objects.get(name="储罐温度")
    assert (sensor.low, sensor.high, sensor.high_high) == (0, 45, 60)
    assert sensor.device == mon.device and sensor.min_duration == 10
    response = client.post(
        f"{BASE}/sensors/{sensor.pk}/edit/", {**data, "high_high": "70"}
    )
    assert response.status_code == 302
    sensor.refresh_from_db()
    assert sensor.high_high == 70 and sensor.risk_point == mon.point


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("zh-hans", "限值须依次递增"),
        ("en", "The limits must rise: low-low &lt; low &lt; high &lt; high-high."),
    ],
)
def test_limits_out_of_order_are_shown_at_the_field(mon, language, message):
    client = login(mon.world.manager_a, language)
    data = {
        "name": "乱序",
        "risk_point": mon.point.pk,
        "parameter": "压力",
        "unit": "MPa",
        "low": "5",
        "high": "3",
        "deadband": "-1",
        "min_duration": "5",
    }
    with translation.override(language):
        response = client.post(f"{BASE}/sensors/new/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    field = html.split('for="id_high"', 1)[1].split("</div>", 1)[0]
    assert "field-error" in field
    deadband = html.split('for="id_deadband"', 1)[1].split("</div>", 1)[0]
    assert "field-error" in deadband
    assert not SensorPoint.objects.filter(name="乱序").exists()
    # not a number, and a device name too long: 400 with the field's message
    response = client.post(
        f"{BASE}/sensors/new/", {**data, "low": "abc", "min_duration": "1.5"}
    )
    assert response.status_code == 400
    assert client.post(f"{BASE}/devices/", {"name": "x" * 200}).status_code == 400
    assert not Device.objects.filter(name="x" * 200).exists()


def test_staff_and_foreign_users_are_refused(mon):
    count = Device.objects.count()
    staff = login(mon.world.staff_a)
    assert staff.get(f"{BASE}/devices/").status_code == 403
    assert staff.post(f"{BASE}/devices/", {"name": "x"}).status_code == 403
    assert staff.get(f"{BASE}/sensors/new/").status_code == 403
    assert staff.post(f"{BASE}/devices/{mon.device.pk}/revoke/").status_code == 403
    foreign = login(mon.world.manager_b)
    assert foreign.post(f"{BASE}/devices/{mon.device.pk}/rotate/").status_code == 404
    assert foreign.post(f"{BASE}/devices/{mon.device.pk}/revoke/").status_code == 404
    assert foreign.get(f"{BASE}/sensors/{mon.sensor.pk}/edit/").status_code == 404
    # B's manager cannot put a sensor on A's risk point or A's device
    response = foreign.post(
        f"{BASE}/sensors/new/",
        {
            "name": "x",
            "risk_point": mon.point.pk,
            "parameter": "p",
            "unit": "u",
            "high": "1",
        },
    )
    assert response.status_code == 400
    assert Device.objects.count() == count
    assert device_for_key(mon.key)[1] == ""  # untouched
    government = login(mon.world.dept_chemicals)
    assert government.post(f"{BASE}/devices/", {"name": "x"}).status_code == 403
    assert government.get(f"{BASE}/devices/").status_code == 302
    assert SensorPoint.objects.count() == 1
