"""The alarm list's page is written from plain rows (``ALARM_ROWS``): the
same JSON as ``AlarmSerializer`` on the same rows, every name read by key;
the list counts exactly up to its own bound (``count_limit``), then says
"1,000+" as an estimate."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.monitoring.api import ALARM_ROWS, AlarmPagination, AlarmSerializer
from core.monitoring.models import Alarm
from tests.core.base.api_pages import (
    api,
    as_json,
    assert_past_bound,
    assert_rows_as_serialized,
    page_ids,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(mon):
    """Alarms with and without values, acknowledgements and clearings."""
    start = mon.start
    rows = []
    for i in range(6):
        rows.append(
            Alarm(
                enterprise=mon.world.enterprise_a,
                sensor=mon.sensor,
                category="limit" if i % 3 else "silent",
                kind="high" if i % 2 else "high_high",
                active=i == 5,
                value=None if i == 1 else 80.5 + i,
                peak_value=None if i == 1 else 90.25 + i,
                raised_at=start + datetime.timedelta(seconds=i, microseconds=i * 7),
                returned_at=None if i >= 4 else start + datetime.timedelta(hours=i),
                acknowledged_at=start + datetime.timedelta(minutes=i)
                if i % 2
                else None,
                acknowledged_by=mon.world.staff_a if i % 2 else None,
                cleared_at=None if i == 5 else start + datetime.timedelta(hours=2),
                cleared_by=mon.world.manager_a if i in (0, 3) else None,
                comment="已处理" if i == 3 else "",
            )
        )
    return Alarm.objects.bulk_create(rows)


def test_plain_rows_equal_the_serializer_on_the_same_rows(mon, varied):
    rows = Alarm.objects.filter(pk__in=[alarm.pk for alarm in varied]).order_by("pk")
    objects = rows.select_related("sensor__risk_point", "enterprise")
    assert_rows_as_serialized(ALARM_ROWS, AlarmSerializer, rows, objects)


@pytest.mark.parametrize("who", ["committee", "dept_chemicals", "manager_a"])
def test_the_list_is_the_serializer_s_page(mon, varied, who):
    body = api(getattr(mon.world, who)).get("/api/v1/alarms/").json()
    objects = Alarm.objects.order_by("-raised_at", "-id")
    expected = AlarmSerializer(objects, many=True).data
    assert body["results"] == json.loads(as_json(expected))
    assert (body["count"], body["count_exact"]) == (len(varied), True)


def test_the_count_is_exact_to_the_list_s_bound(mon, varied, monkeypatch):
    """Past ``count_limit`` the count is the bound, marked inexact, with the
    planner's estimate on PostgreSQL: one query more, then constant."""
    monkeypatch.setattr(AlarmPagination, "count_limit", 3)
    monkeypatch.setattr(AlarmPagination, "page_size", 2)
    client = api(mon.world.committee)
    client.get("/api/v1/alarms/")
    with CaptureQueriesContext(connection) as first:
        body = client.get("/api/v1/alarms/").json()
    assert_past_bound(body, 3)
    assert sorted(page_ids(client, body)) == sorted(alarm.pk for alarm in varied)
    older = {
        "enterprise": mon.world.enterprise_a,
        "sensor": mon.sensor,
        "category": "limit",
    }
    day = datetime.timedelta(days=1)
    Alarm.objects.bulk_create(
        Alarm(**older, kind="high", raised_at=mon.start - day * i, cleared_at=mon.start)
        for i in range(1, 21)
    )
    with CaptureQueriesContext(connection) as more:
        body = client.get("/api/v1/alarms/").json()
    assert (body["count"], body["count_exact"]) == (3, False)
    assert len(more) == len(first)
