"""The hazard lists and boards at province scale: with 100,000 hazards the
portal board, the supervisors' admin list and the API list each cost a
bounded number of queries, and a deep page is read by cursor (no OFFSET, no
full COUNT of the list)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.hazards.models import Hazard, HazardStatus
from tests.factories import logged_in as _client

pytestmark = pytest.mark.django_db

MANY = 100_000
STATES = (
    HazardStatus.REPORTED,
    HazardStatus.CONFIRMED,
    HazardStatus.RECTIFYING,
    HazardStatus.AWAITING_ACCEPTANCE,
    HazardStatus.CLOSED,
)


@pytest.fixture
def many_hazards(world):
    start = timezone.now() - datetime.timedelta(days=400)
    today = timezone.localdate()
    enterprises = (world.enterprise_a, world.enterprise_b)
    rows = (
        Hazard(
            enterprise=enterprises[n % 2],
            description=f"隐患 {n}",
            status=STATES[n % len(STATES)],
            grade="major" if n % 97 == 0 else "general",
            deadline=today + datetime.timedelta(days=(n % 30) - 10),
            supervised=n % 997 == 0,
            reported_at=start + datetime.timedelta(minutes=5 * n),
        )
        for n in range(MANY)
    )
    batch: list[Hazard] = []
    for row in rows:
        batch.append(row)
        if len(batch) == 5000:
            Hazard.objects.bulk_create(batch)
            batch = []
    assert Hazard.objects.count() == MANY


def _no_offset_no_full_count(queries) -> None:
    for query in queries:
        sql = query["sql"].upper()
        assert " OFFSET " not in sql, sql
        if "COUNT(" in sql and "HAZARD" in sql:
            # Counts stop at the bound (a LIMITed subquery) or are the
            # board's one conditional aggregate per enterprise.
            assert "LIMIT" in sql or "CASE WHEN" in sql or "FILTER" in sql, sql


CASES = [
    ("manager_a", "/portal/hazards/", 20),
    ("manager_a", "/portal/hazards/?status=confirmed&overdue=1", 20),
    ("dept_chemicals", "/admin/hazards/", 30),
    ("committee", "/admin/hazards/", 30),
    ("committee", "/api/v1/hazards/", 12),
    ("manager_a", "/api/v1/hazards/?status=rectifying", 12),
]


def test_lists_are_bounded_with_100000_hazards(many_hazards, world):
    """One world of 100,000 hazards (built once), every list of it."""
    for who, path, budget in CASES:
        _check(_client(getattr(world, who)), path, budget)


def _check(client: Client, path: str, budget: int) -> None:
    client.get(path)  # the session is written once
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    assert response.status_code == 200, path
    assert len(first) <= budget, [q["sql"][:200] for q in first]
    _no_offset_no_full_count(first)
    # A deep page costs what the first costs.
    if path.startswith("/api/"):
        deep = response.json()["next"]
        for _ in range(3):
            deep = client.get(deep).json()["next"]
        if "status" not in path:
            assert response.json()["count_exact"] is False
    elif path.startswith("/portal/"):
        found = re.search(r'href="(\?[^"]+)" data-testid="next-page"', response.text)
        assert found, path
        deep = path.split("?")[0] + found.group(1).replace("&amp;", "&")
    else:
        return
    with CaptureQueriesContext(connection) as later:
        assert client.get(deep).status_code == 200
    assert len(later) <= len(first), path
    _no_offset_no_full_count(later)
