"""The scoped monitoring API: sensors, readings (raw and aggregated), alarms
and acknowledging them; foreign users refused; bounded queries."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.monitoring.ingest import ingest
from core.monitoring.models import Alarm
from tests.factories import api_as as client_for

pytestmark = pytest.mark.django_db


def feed(mon, values):
    ingest(
        device=mon.device,
        items=[
            {"sensor": mon.sensor.pk, "ts": mon.at(i * 30), "value": v}
            for i, v in enumerate(values)
        ],
    )


def test_sensors_are_scoped(mon, django_assert_max_num_queries):
    url = "/api/v1/sensors/"
    for role in ("manager_a", "staff_a", "dept_chemicals", "street1_office"):
        with django_assert_max_num_queries(8):
            rows = client_for(getattr(mon.world, role)).get(url).data["results"]
        assert [r["id"] for r in rows] == [mon.sensor.pk], role
    for role in ("manager_b", "dept_construction"):
        assert client_for(getattr(mon.world, role)).get(url).data["results"] == []
        response = client_for(getattr(mon.world, role)).get(
            f"{url}{mon.sensor.pk}/readings/"
        )
        assert response.status_code == 404, role
    assert client_for(mon.world.outsider).get(url).data["results"] == []
    assert APIClient().get(url).status_code in (401, 403)


def test_readings_raw_and_aggregated(mon):
    feed(mon, [50, 52, 54, 56])
    url = f"/api/v1/sensors/{mon.sensor.pk}/readings/"
    client = client_for(mon.world.dept_chemicals)
    raw = client.get(url).data
    assert [p["value"] for p in raw["points"]] == [50, 52, 54, 56]
    hourly = client.get(url, {"interval": "hour"}).data["points"]
    assert sum(p["count"] for p in hourly) == 4
    assert min(p["min"] for p in hourly) == 50
    start = mon.at(40)
    assert [p["value"] for p in client.get(url, {"from": start}).data["points"]] == [
        54,
        56,
    ]
    assert client.get(url, {"interval": "week"}).status_code == 400
    assert client.get(url, {"from": "garbage"}).status_code == 400
    assert client.get(url, {"from": mon.at(100), "to": mon.at(0)}).status_code == 400
    # Times no sensor has are refused, not an overflow (a 500).
    for extreme in ("0001-01-01T00:00:00", "9999-12-31T23:59:59"):
        assert client.get(url, {"to": extreme}).status_code == 400
        assert client.get(url, {"from": extreme}).status_code == 400
    # Epoch seconds, as documented, work in a query string.
    epoch = str(int(datetime.datetime.fromisoformat(start).timestamp()))
    assert [p["value"] for p in client.get(url, {"from": epoch}).data["points"]] == [
        54,
        56,
    ]


def test_alarms_scoped_and_acknowledged(mon, django_assert_max_num_queries):
    feed(mon, [50, 85])
    alarm = Alarm.objects.get()
    url = "/api/v1/alarms/"
    with django_assert_max_num_queries(8):
        rows = client_for(mon.world.street1_office).get(url).data["results"]
    assert [r["id"] for r in rows] == [alarm.pk]
    assert client_for(mon.world.manager_b).get(url).data["results"] == []
    ack = f"{url}{alarm.pk}/acknowledge/"
    assert client_for(mon.world.manager_b).post(ack).status_code == 404
    assert client_for(mon.world.dept_construction).post(ack).status_code == 404
    refused = client_for(mon.world.dept_chemicals).post(ack)
    assert refused.status_code == 403
    alarm.refresh_from_db()
    assert alarm.acknowledged_at is None
    done = client_for(mon.world.staff_a).post(ack, {"comment": "已到场"}, format="json")
    assert done.status_code == 200
    assert done.data["acknowledged_by"] == "staff-a" and done.data["acknowledged_at"]
    open_ = client_for(mon.world.manager_a).get(url, {"open": "true"}).data
    assert len(open_["results"]) == 1
    clear = client_for(mon.world.manager_a).post(f"{url}{alarm.pk}/clear/")
    assert clear.status_code == 400  # still beyond the limit


def test_alarm_pages_neither_skip_nor_repeat_when_alarms_arrive(mon):
    """Alarms page by cursor, newest first, with the API's one page shape: an
    alarm raised between two requests does not push a row onto the next page."""
    start = mon.start
    Alarm.objects.bulk_create(
        Alarm(
            enterprise=mon.world.enterprise_a,
            sensor=mon.sensor,
            category="limit",
            kind="high",
            active=False,
            raised_at=start + datetime.timedelta(seconds=i),
            cleared_at=start + datetime.timedelta(seconds=i, milliseconds=500),
        )
        for i in range(60)
    )
    client = client_for(mon.world.manager_a)
    first = client.get("/api/v1/alarms/").data
    assert first["count"] == 60 and first["count_exact"] is True
    assert len(first["results"]) == 50 and first["next"]
    Alarm.objects.create(
        enterprise=mon.world.enterprise_a,
        sensor=mon.sensor,
        category="limit",
        kind="high",
        raised_at=start + datetime.timedelta(seconds=3600),
    )
    second = client.get(first["next"]).data
    seen = [row["id"] for row in first["results"] + second["results"]]
    assert len(seen) == len(set(seen)) == 60
    expected = list(
        Alarm.objects.filter(raised_at__lt=start + datetime.timedelta(seconds=60))
        .order_by("-raised_at", "-id")
        .values_list("id", flat=True)
    )
    assert seen == expected
    assert client.get("/api/v1/alarms/", {"cursor": "garbage"}).status_code == 400


def test_alarm_queries_do_not_grow_and_rows_show_their_names(mon):
    """The page is found without the row's joins, then read with them: the
    same queries at 62 and 122 alarms (at 2, one fewer: a first page holding
    the whole list is not counted), and every name on the row."""
    start = mon.start

    def read(user):
        fresh = type(user).objects.get(pk=user.pk)  # no scope kept on it
        with CaptureQueriesContext(connection) as captured:
            response = client_for(fresh).get("/api/v1/alarms/")
        assert response.status_code == 200
        return len(captured), response.data["results"]

    def add(count, offset):
        Alarm.objects.bulk_create(
            Alarm(
                enterprise=mon.world.enterprise_a,
                sensor=mon.sensor,
                category="limit",
                kind="high",
                raised_at=start + datetime.timedelta(seconds=offset + i),
                cleared_at=start + datetime.timedelta(seconds=offset + i + 1),
                cleared_by=mon.world.manager_a,
            )
            for i in range(count)
        )

    add(1, 0)
    Alarm.objects.create(
        enterprise=mon.world.enterprise_a,
        sensor=mon.sensor,
        category="limit",
        kind="high_high",
        raised_at=start + datetime.timedelta(hours=1),
        acknowledged_at=start + datetime.timedelta(hours=1, minutes=1),
        acknowledged_by=mon.world.staff_a,
    )
    users = ("dept_chemicals", "street1_office", "committee", "manager_a")
    whole = [read(getattr(mon.world, user))[0] for user in users]
    add(60, 100)
    before = [read(getattr(mon.world, user))[0] for user in users]
    assert before == [count + 1 for count in whole]
    add(60, 200)
    assert [read(getattr(mon.world, user))[0] for user in users] == before
    rows = read(mon.world.dept_chemicals)[1]
    assert len(rows) == 50
    newest, older = rows[0], rows[1]
    assert newest["kind"] == "high_high"
    assert newest["acknowledged_by"] == mon.world.staff_a.get_username()
    assert older["cleared_by"] == mon.world.manager_a.get_username()
    for row in (newest, older):
        assert row["sensor_name"] == "储罐液位"
        assert row["risk_point"] == mon.point.pk
        assert row["risk_point_name"] == "甲醇储罐"
        assert row["enterprise_name"] == mon.world.enterprise_a.name
    assert read(mon.world.dept_construction)[1] == []
