"""The portal's monitoring pages and the admin's alarm list: scoped, foreign
users refused, bounded queries."""

from __future__ import annotations

import pytest
from django.test import Client

from core.monitoring.ingest import ingest
from core.monitoring.models import Alarm
from core.monitoring.selectors import enterprises_in_alarm, points_in_alarm
from core.organizations.scope import scope_for

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def excursion(mon):
    ingest(
        device=mon.device,
        items=[
            {"sensor": mon.sensor.pk, "ts": mon.at(i * 30), "value": v}
            for i, v in enumerate([50, 85])
        ],
    )
    return Alarm.objects.get()


def test_the_board_and_live_json(mon, django_assert_max_num_queries):
    alarm = excursion(mon)
    client = login(mon.world.staff_a)
    page = client.get("/portal/monitoring/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "储罐液位" in html and f'data-alarm="{alarm.pk}"' in html
    assert "monitoring/js/live.js" in html and "<script>" not in html
    with django_assert_max_num_queries(12):
        live = client.get("/portal/monitoring/live.json").json()
    assert live["sensors"][0]["value"] == 85 and live["sensors"][0]["state"] == "high"
    assert live["alarms"][0]["id"] == alarm.pk
    detail = client.get(f"/portal/monitoring/sensors/{mon.sensor.pk}/")
    assert "echarts.min.js" in detail.content.decode()
    history = client.get(
        f"/portal/monitoring/sensors/{mon.sensor.pk}/history.json?range=6h"
    ).json()
    assert [p["value"] for p in history["points"]] == [50, 85]
    assert (
        client.get(
            f"/portal/monitoring/sensors/{mon.sensor.pk}/history.json?range=9y"
        ).status_code
        == 400
    )


def test_foreign_users_are_refused(mon):
    alarm = excursion(mon)
    other = login(mon.world.manager_b)
    assert other.get(f"/portal/monitoring/sensors/{mon.sensor.pk}/").status_code == 404
    assert (
        other.get(f"/portal/monitoring/sensors/{mon.sensor.pk}/history.json")
    ).status_code == 404
    assert other.get("/portal/monitoring/live.json").json()["sensors"] == []
    response = other.post(f"/portal/monitoring/alarms/{alarm.pk}/acknowledge/")
    assert response.status_code == 404
    alarm.refresh_from_db()
    assert alarm.acknowledged_at is None
    # a government user is sent to the admin, not served the portal
    assert login(mon.world.dept_chemicals).get("/portal/monitoring/").status_code == 302


def test_acknowledge_from_the_portal(mon):
    alarm = excursion(mon)
    client = login(mon.world.staff_a)
    response = client.post(f"/portal/monitoring/alarms/{alarm.pk}/acknowledge/")
    assert response.status_code == 302
    alarm.refresh_from_db()
    assert alarm.acknowledged_by == mon.world.staff_a


def test_the_admin_alarm_list_is_scoped(mon):
    alarm = excursion(mon)
    page = login(mon.world.dept_chemicals).get("/admin/alarms/")
    assert page.status_code == 200 and "储罐液位" in page.content.decode()
    assert (
        login(mon.world.dept_chemicals).get(f"/admin/alarms/inspect/{alarm.pk}/")
    ).status_code == 200
    foreign = login(mon.world.dept_construction)
    assert "储罐液位" not in foreign.get("/admin/alarms/").content.decode()
    assert foreign.get(f"/admin/alarms/inspect/{alarm.pk}/").status_code == 404


def test_points_in_alarm_for_the_map(mon):
    excursion(mon)
    rows = points_in_alarm(scope_for(mon.world.street1_office))
    assert rows[0]["risk_point"] == mon.point.pk and rows[0]["alarms"] == 1
    assert enterprises_in_alarm(scope_for(mon.world.dept_chemicals)) == [
        mon.world.enterprise_a.pk
    ]
    assert points_in_alarm(scope_for(mon.world.dept_construction)) == []
