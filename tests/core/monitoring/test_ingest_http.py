"""POST /api/v1/readings/: a device's batch, each item accepted or refused
with its reason, counted per device; 4xx never 5xx."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.monitoring.models import Alarm, Reading
from core.monitoring.services import device_create, device_revoke

pytestmark = pytest.mark.django_db
URL = "/api/v1/readings/"


def post(key, body, raw=False):
    client = APIClient()
    data = body if raw else json.dumps(body)
    return client.generic(
        "POST",
        URL,
        data,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Device {key}" if key else "",
    )


def test_a_mixed_batch_keeps_the_good_and_says_why_for_the_bad(mon):
    s = mon.sensor.pk
    future = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    other = mon.sensor_with(name="别的", device=None)
    other.device = None
    other.save()
    body = (
        '{"readings": ['
        f'{{"sensor": {s}, "ts": "{mon.at(0)}", "value": 50}},'
        f'{{"sensor": {s}, "ts": "{mon.at(1)}", "value": "abc"}},'
        f'{{"sensor": {s}, "ts": "{mon.at(2)}", "value": NaN}},'
        f'{{"sensor": {s}, "ts": "{mon.at(3)}", "value": Infinity}},'
        f'{{"sensor": {s}, "ts": "{future}", "value": 1}},'
        f'{{"sensor": {s}, "ts": "{mon.at(0)}", "value": 51}},'
        f'{{"sensor": 999999, "ts": "{mon.at(5)}", "value": 1}},'
        f'{{"sensor": {other.pk}, "ts": "{mon.at(6)}", "value": 1}},'
        f'{{"sensor": {s}, "ts": "yesterday", "value": 1}},'
        f'{{"sensor": {s}, "ts": {int(mon.start.timestamp()) + 9}, "value": 52.5}},'
        '"not an object"'
        "]}"
    )
    response = post(mon.key, body, raw=True)
    assert response.status_code == 200, response.content
    data = response.json()
    codes = [r.get("code", "ok") for r in data["results"]]
    assert codes == [
        "ok",
        "not_a_number",
        "not_finite",
        "not_finite",
        "future",
        "duplicate",
        "unknown_sensor",
        "unknown_sensor",
        "bad_time",
        "ok",
        "invalid",
    ]
    assert all(r["reason"] for r in data["results"] if r["status"] == "refused")
    assert data["accepted"] == 2 and data["refused"] == 9
    assert Reading.objects.filter(sensor=mon.sensor).count() == 2
    mon.device.refresh_from_db()
    assert mon.device.accepted_count == 2 and mon.device.refused_count == 9
    # the same batch again: the good ones are now duplicates, nothing stored twice
    data = post(mon.key, body, raw=True).json()
    assert data["accepted"] == 0
    assert Reading.objects.filter(sensor=mon.sensor).count() == 2


def test_keys_wrong_revoked_or_missing_are_401(mon):
    item = {"readings": [{"sensor": mon.sensor.pk, "ts": mon.at(0), "value": 1}]}
    assert post("", item).status_code == 401
    assert post("sgd_nope_nope", item).status_code == 401
    prefix = mon.key.rsplit("_", 1)[0]
    wrong = post(prefix + "_wrongsecret", item)
    assert wrong.status_code == 401 and wrong.json()["detail"]
    device_revoke(actor=mon.world.manager_a, device=mon.device)
    assert post(mon.key, item).status_code == 401
    mon.device.refresh_from_db()
    assert mon.device.refused_count == 2
    assert not Reading.objects.exists()


def test_a_device_writes_only_its_own_sensors(mon):
    other = device_create(
        actor=mon.world.manager_b, enterprise=mon.world.enterprise_b, name="B"
    )
    data = post(
        other.key,
        {"readings": [{"sensor": mon.sensor.pk, "ts": mon.at(0), "value": 1}]},
    ).json()
    assert data["results"][0]["code"] == "unknown_sensor"
    assert not Reading.objects.exists()


def test_bounds_and_bad_bodies_are_4xx(mon):
    too_many = {
        "readings": [
            {"sensor": mon.sensor.pk, "ts": mon.at(i), "value": 1} for i in range(1001)
        ]
    }
    assert post(mon.key, too_many).status_code == 400
    assert post(mon.key, "{not json", raw=True).status_code == 400
    assert post(mon.key, {"readings": "x"}).status_code == 400
    big = post(mon.key, {"readings": [], "pad": "x" * 300_000})
    assert big.status_code in (400, 413)
    assert post(mon.key, [1, 2], raw=False).status_code == 200
    # A sensor given as a list, an object or true is an unknown sensor.
    odd = post(
        mon.key,
        {
            "readings": [
                {"sensor": [mon.sensor.pk], "ts": mon.at(1), "value": 1},
                {"sensor": {"id": mon.sensor.pk}, "ts": mon.at(2), "value": 1},
                {"sensor": True, "ts": mon.at(3), "value": 1},
            ]
        },
    )
    assert odd.status_code == 200
    assert [r.get("code") for r in odd.json()["results"]] == ["unknown_sensor"] * 3
    assert not Reading.objects.exists()


def test_readings_do_not_write_the_audit_log(mon):
    from auditlog.models import LogEntry

    before = LogEntry.objects.count()
    response = post(
        mon.key,
        {
            "readings": [
                {"sensor": mon.sensor.pk, "ts": mon.at(i), "value": 50}
                for i in range(5)
            ]
        },
    )
    assert response.status_code == 200
    assert Reading.objects.count() == 5
    assert LogEntry.objects.count() == before
    mon.sensor.refresh_from_db()
    assert mon.sensor.last_value == 50


def test_an_excursion_over_http_raises_an_alarm(mon):
    items = [
        {"sensor": mon.sensor.pk, "ts": mon.at(i * 10), "value": v}
        for i, v in enumerate([50, 60, 85, 86])
    ]
    assert post(mon.key, {"readings": items}).json()["accepted"] == 4
    assert Alarm.objects.get().kind == "high"
