"""The alarm and emergency plan lists select their scope by key
(``Scope.filter_by_key``): newest first with ties broken by the key, stable,
each filter still returning its rows, a foreign department or street
office refused."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.emergency.models import EmergencyPlan
from core.monitoring.models import Alarm

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def ids(user, url: str, **params) -> list[int]:
    seen = []
    while url:
        body = client_for(user).get(url, params).json()
        params = {}
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    return seen


@pytest.fixture
def alarms(mon):
    at = timezone.now() - datetime.timedelta(hours=1)
    made = Alarm.objects.bulk_create(
        Alarm(
            enterprise=mon.world.enterprise_a,
            sensor=mon.sensor,
            category="limit",
            kind="high",
            active=False,
            # Pairs raised at the same moment: the key decides.
            raised_at=at + datetime.timedelta(seconds=i // 2),
            # One open alarm per sensor and category: the newest.
            cleared_at=None if i == 59 else at,
        )
        for i in range(60)
    )
    return sorted(made, key=lambda a: (a.raised_at, a.pk), reverse=True)


@pytest.mark.parametrize("who", ["dept_chemicals", "street1_office", "committee"])
def test_alarms_newest_first_ties_by_key_and_filtered(mon, alarms, who):
    user = getattr(mon.world, who)
    expected = [a.pk for a in alarms]
    assert ids(user, "/api/v1/alarms/") == expected
    assert ids(user, "/api/v1/alarms/") == expected  # stable
    open_ = [a.pk for a in alarms if a.cleared_at is None]
    assert ids(user, "/api/v1/alarms/", open="true") == open_
    assert ids(user, "/api/v1/alarms/", enterprise=mon.world.enterprise_b.pk) == []


@pytest.mark.parametrize("who", ["dept_construction", "manager_b"])
def test_alarms_refused_to_a_foreign_scope(mon, alarms, who):
    assert ids(getattr(mon.world, who), "/api/v1/alarms/") == []


@pytest.fixture
def plans(world):
    made = []
    for i in range(55):
        enterprise = world.enterprise_a if i % 5 else world.enterprise_b
        made.append(
            EmergencyPlan.objects.create(
                enterprise=enterprise,
                kind="special" if i % 2 else "comprehensive",
                title=f"预案{i}",
            )
        )
    return made


def test_plans_newest_first_and_filtered(world, plans):
    own = [p for p in plans if p.enterprise_id == world.enterprise_a.pk]
    expected = [p.pk for p in sorted(own, key=lambda p: p.pk, reverse=True)]
    for user in (world.street1_office, world.dept_chemicals):
        assert ids(user, "/api/v1/emergency-plans/") == expected
        special = [
            p.pk for p in sorted(own, key=lambda p: -p.pk) if p.kind == "special"
        ]
        assert ids(user, "/api/v1/emergency-plans/", kind="special") == special
    everything = [p.pk for p in sorted(plans, key=lambda p: -p.pk)]
    assert ids(world.committee, "/api/v1/emergency-plans/") == everything


def test_plans_refused_to_a_foreign_scope(world, plans):
    b = {p.pk for p in plans if p.enterprise_id == world.enterprise_b.pk}
    assert set(ids(world.dept_construction, "/api/v1/emergency-plans/")) == b
    assert set(ids(world.manager_b, "/api/v1/emergency-plans/")) == b
