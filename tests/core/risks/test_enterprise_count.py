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
    assert (body["count"], body["count_exact"]) == (3, False)
    if connection.vendor == "postgresql":
        assert body["count_estimate"] >= 1
    else:
        assert body["count_estimate"] is None
    seen = [row["id"] for row in body["results"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        seen += [row["id"] for row in body["results"]]
    assert len(seen) == len(set(seen)) == own
    body = client.get(POINTS).json()
    assert body["count_exact"] is True
    assert body["count"] == RiskPoint.objects.count()
