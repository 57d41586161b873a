"""One enterprise's risk points (``?enterprise=``) are counted exactly up to
``SHORT_COUNT_LIMIT`` (1,000), then "1,000+" with the planner's estimate;
the unfiltered list keeps its bound (10,000)."""

from __future__ import annotations

import pytest
from django.db import connection
from rest_framework.test import APIClient

from core.base.pagination import KeysetPagination
from core.risks import api as risks_api
from core.risks.models import RiskPoint
from tests.core.base.api_pages import assert_past_bound, page_ids

pytestmark = pytest.mark.django_db

POINTS = "/api/v1/risk-points/"


def test_one_enterprise_counts_exactly_to_the_short_bound(world, monkeypatch):
    for i in range(5):
        RiskPoint.objects.create(
            enterprise=world.enterprise_a, name=f"点{i}", kind="area"
        )
    monkeypatch.setattr(risks_api, "SHORT_COUNT_LIMIT", 3)
    monkeypatch.setattr(KeysetPagination, "page_size", 2)
    client = APIClient()
    client.force_authenticate(world.committee)
    own = RiskPoint.objects.filter(enterprise=world.enterprise_a).count()
    body = client.get(POINTS, {"enterprise": world.enterprise_a.pk}).json()
    assert_past_bound(body, 3)
    seen = page_ids(client, body)
    assert len(seen) == len(set(seen)) == own
    body = client.get(POINTS).json()
    assert body["count_exact"] is True
    assert body["count"] == RiskPoint.objects.count()


def test_one_enterprise_s_queries_do_not_grow(world, monkeypatch):
    """The same queries at two sizes past the bound (count, then estimate
    on PostgreSQL), for every government role."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(risks_api, "SHORT_COUNT_LIMIT", 3)
    monkeypatch.setattr(KeysetPagination, "page_size", 2)

    def read(user) -> int:
        fresh = type(user).objects.get(pk=user.pk)
        client = APIClient()
        client.force_authenticate(fresh)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(POINTS, {"enterprise": world.enterprise_a.pk})
        assert response.status_code == 200
        return len(captured)

    users = (world.committee, world.dept_chemicals, world.street1_office)
    for i in range(5):
        RiskPoint.objects.create(
            enterprise=world.enterprise_a, name=f"甲{i}", kind="area"
        )
    before = [read(user) for user in users]
    for i in range(20):
        RiskPoint.objects.create(
            enterprise=world.enterprise_a, name=f"乙{i}", kind="area"
        )
    assert [read(user) for user in users] == before


def test_one_enterprise_s_pages_neither_skip_nor_repeat(world, monkeypatch):
    monkeypatch.setattr(KeysetPagination, "page_size", 3)
    made = [
        RiskPoint.objects.create(
            enterprise=world.enterprise_a, name=f"点{i}", kind="area"
        )
        for i in range(1, 7)
    ]
    client = APIClient()
    client.force_authenticate(world.committee)
    first = client.get(POINTS, {"enterprise": world.enterprise_a.pk}).json()
    # Before the cursor's row in the order: not on the later pages.
    RiskPoint.objects.create(enterprise=world.enterprise_a, name="点0", kind="area")
    seen = [row["id"] for row in first["results"]]
    url = first["next"]
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    own = RiskPoint.objects.filter(enterprise=world.enterprise_a).exclude(name="点0")
    assert len(seen) == len(set(seen)) == own.count()
    assert set(seen) >= {point.pk for point in made}
