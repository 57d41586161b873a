"""Zoomed in on an enterprise, the map shows its risk points on its site
plan (laid around its location), coloured by level, those in alarm marked:
``GET /api/v1/map/enterprises/{id}/risk-points/``, scoped, bounded."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from core.monitoring.ingest import ingest
from core.risks.models import RiskPoint
from core.supervision.selectors import SITE_SPAN
from tests.factories import api_as as client_for

pytestmark = pytest.mark.django_db


def url(enterprise) -> str:
    return f"/api/v1/map/enterprises/{enterprise.pk}/risk-points/"


def test_risk_points_on_the_site_plan_with_alarms(mon, django_assert_max_num_queries):
    w = mon.world
    w.enterprise_a.latitude, w.enterprise_a.longitude = "43.830000", "125.350000"
    w.enterprise_a.save()
    mon.point.position = {"type": "point", "x": 1.0, "y": 0.0}  # north-east corner
    mon.point.level = "major"
    mon.point.save()
    RiskPoint.objects.create(
        enterprise=w.enterprise_a,
        name="装车区",
        kind="area",
        level="low",
        position={"type": "polygon", "points": [[0, 1], [0.2, 1], [0.1, 0.8]]},
    )
    RiskPoint.objects.create(enterprise=w.enterprise_a, name="泵房", kind="area")
    ingest(
        device=mon.device,
        items=[{"sensor": mon.sensor.pk, "ts": mon.at(1), "value": 95}],
    )
    client = client_for(w.dept_chemicals)
    with django_assert_max_num_queries(8):
        response = client.get(url(w.enterprise_a))
    assert response.status_code == 200
    features = {f["properties"]["name"]: f for f in response.json()["features"]}
    tank = features["甲醇储罐"]
    assert tank["properties"] == {
        "name": "甲醇储罐",
        "level": "major",
        "placed": True,
        "alarms": 1,
    }
    lon, lat = tank["geometry"]["coordinates"]
    assert lat == pytest.approx(43.83 + SITE_SPAN / 2)
    assert lon > 125.35 + SITE_SPAN / 2  # east, widened for the latitude
    south_west = features["装车区"]["geometry"]["coordinates"]
    assert south_west[0] < 125.35 and south_west[1] < 43.83
    assert features["装车区"]["properties"]["alarms"] == 0
    assert features["泵房"]["properties"]["placed"] is False
    # the enterprise's own users see it too; ETag then 304
    own = client_for(w.manager_a)
    first = own.get(url(w.enterprise_a))
    assert first.status_code == 200
    again = own.get(url(w.enterprise_a), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_foreign_users_are_refused(mon):
    w = mon.world
    for user in (w.manager_b, w.dept_construction):
        assert client_for(user).get(url(w.enterprise_a)).status_code == 404
    assert client_for(w.outsider).get(url(w.enterprise_a)).status_code == 403
    assert (
        client_for(w.dept_chemicals)
        .get("/api/v1/map/enterprises/abc/risk-points/")
        .status_code
        == 404
    )
    assert APIClient().get(url(w.enterprise_a)).status_code in (401, 403)
