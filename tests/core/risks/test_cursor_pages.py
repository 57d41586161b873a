"""The risk point list's order is stable and index-served, and its cursor
pages neither skip nor repeat rows when rows are added between requests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.base import keyset
from core.base.pagination import KeysetPagination
from core.organizations.models import Enterprise
from core.risks.models import RiskPoint

pytestmark = pytest.mark.django_db

POINTS = "/api/v1/risk-points/"


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def add_points(enterprise, names):
    return [
        RiskPoint.objects.create(enterprise=enterprise, name=name, kind="area")
        for name in names
    ]


def expected_order(points):
    return [
        p.pk
        for p in sorted(
            points, key=lambda p: (p.enterprise_name, p.enterprise_id, p.name, p.pk)
        )
    ]


def read_all(client, url, *, between=None):
    """Follow ``next`` from the first page; ``between(page_number)`` may add
    rows after each page."""
    seen, pages = [], 0
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        pages += 1
        url = body["next"]
        if between is not None:
            between(pages)
    return seen, pages


def test_pages_follow_the_order_with_ties_broken_by_id(world):
    a, b = world.enterprise_a, world.enterprise_b
    # Duplicate names: the id decides, so the order is total.
    points = add_points(a, [f"点{i % 40:03d}" for i in range(70)])
    points += add_points(b, [f"点{i:03d}" for i in range(45)])
    client = api(world.committee)
    seen, pages = read_all(client, POINTS)
    assert pages == 3
    assert seen == expected_order(points)
    assert read_all(client, POINTS)[0] == seen  # stable between requests


def test_rows_added_between_requests_are_neither_repeated_nor_skipped(world):
    a, b = world.enterprise_a, world.enterprise_b
    points = add_points(a, [f"点{i:03d}" for i in range(60)])
    points += add_points(b, [f"点{i:03d}" for i in range(60)])
    client = api(world.committee)
    first = client.get(POINTS).json()
    page = [row["id"] for row in first["results"]]
    # Added after the first page was read: in both enterprises, at both ends.
    added = add_points(a, ["点000a", "点059z"]) + add_points(b, ["点000a", "点059z"])
    order = expected_order(points + added)
    cursor_at = order.index(page[-1])
    assert any(order.index(p.pk) < cursor_at for p in added)  # before the cursor
    assert any(order.index(p.pk) > cursor_at for p in added)  # after it
    rest, _pages = read_all(client, first["next"])
    seen = page + rest
    assert len(seen) == len(set(seen))  # nothing twice
    # Nothing skipped: every row after the cursor, old or new, in order.
    assert rest == order[cursor_at + 1 :]
    assert set(seen) >= {p.pk for p in points}


def test_previous_goes_back_to_the_same_page(world):
    add_points(world.enterprise_a, [f"点{i:03d}" for i in range(120)])
    client = api(world.committee)
    first = client.get(POINTS).json()
    second = client.get(first["next"]).json()
    assert first["previous"] is None
    back = client.get(second["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in first["results"]]
    assert back["next"] is not None


def test_within_one_enterprise_the_order_is_by_name(world):
    points = add_points(world.enterprise_a, [f"点{i:03d}" for i in range(55)])
    for user in (world.manager_a, world.committee):
        url = POINTS + f"?enterprise={world.enterprise_a.pk}"
        seen, pages = read_all(api(user), url)
        assert pages == 2
        assert seen == [p.pk for p in sorted(points, key=lambda p: (p.name, p.pk))]


def test_a_bad_cursor_is_a_400(world):
    client = api(world.committee)
    for cursor in ("x", "eyJ2IjpbMV19", "eyJ2IjpbeyJ4IjoxfSwxLDEsMV19"):
        response = client.get(POINTS, {"cursor": cursor})
        assert response.status_code == 400, cursor
        assert "cursor" in response.json()


def test_counts_stop_at_the_limit(world, monkeypatch):
    add_points(world.enterprise_a, [f"点{i:03d}" for i in range(7)])
    client = api(world.committee)
    body = client.get(POINTS).json()
    assert (body["count"], body["count_exact"], body["count_estimate"]) == (
        7,
        True,
        None,
    )
    monkeypatch.setattr(keyset, "COUNT_LIMIT", 5)
    monkeypatch.setattr(keyset.bounded_count, "__defaults__", (5,))
    # Pages shorter than the list: a first page holding it all counts itself.
    monkeypatch.setattr(KeysetPagination, "page_size", 6)
    body = client.get(POINTS).json()
    assert (body["count"], body["count_exact"]) == (5, False)
    assert len(body["results"]) == 6


def test_a_text_search_counts_exactly_to_its_own_bound(world, monkeypatch):
    """A searched list reads rows one by one to count them: its exact count
    stops at ``SEARCH_COUNT_LIMIT`` (1,000), the unsearched list's does not."""
    from core.base import pagination

    add_points(world.enterprise_a, [f"储罐{i:03d}" for i in range(4)])
    client = api(world.committee)
    monkeypatch.setattr(pagination, "SEARCH_COUNT_LIMIT", 3)
    monkeypatch.setattr(KeysetPagination, "page_size", 3)
    body = client.get(POINTS, {"search": "储罐"}).json()
    assert (body["count"], body["count_exact"]) == (3, False)
    assert len(body["results"]) == 3
    body = client.get(POINTS).json()
    assert body["count_exact"] is True and body["count"] >= 4


def test_a_first_page_holding_the_whole_list_counts_its_rows(world):
    """No count query when the first page is the whole list (exactly one
    page of rows); one more row, and the list is counted again."""
    existing = RiskPoint.objects.count()
    add_points(world.enterprise_a, [f"点{i:03d}" for i in range(50 - existing)])
    client = api(world.committee)
    client.get(POINTS)  # the user's scope and content types
    with CaptureQueriesContext(connection) as whole:
        body = client.get(POINTS).json()
    assert (body["count"], body["count_exact"], body["next"]) == (50, True, None)
    assert not [q for q in whole.captured_queries if "COUNT(" in q["sql"].upper()]
    add_points(world.enterprise_b, ["点999"])
    with CaptureQueriesContext(connection) as paged:
        body = client.get(POINTS).json()
    assert (body["count"], body["count_exact"]) == (51, True)
    assert body["next"] and len(body["results"]) == 50
    assert len(paged) == len(whole) + 1
    assert [q for q in paged.captured_queries if "COUNT(" in q["sql"].upper()]
    # A later page is counted too, even when it is the last.
    body = client.get(body["next"]).json()
    assert (body["count"], body["count_exact"], len(body["results"])) == (51, True, 1)


def test_an_enterprise_rename_reaches_its_points(world):
    from core.organizations.services import enterprise_update_profile

    [point] = add_points(world.enterprise_a, ["储罐区"])
    assert point.enterprise_name == world.enterprise_a.name
    enterprise_update_profile(
        enterprise=world.enterprise_a, profile={"name": "甲化工新名"}, contacts=[]
    )
    point.refresh_from_db()
    assert point.enterprise_name == "甲化工新名"
    # Saved any other way (the admin's form), the name follows too.
    enterprise = Enterprise.objects.get(pk=world.enterprise_b.pk)
    enterprise.name = "乙建设新名"
    enterprise.save()
    [other] = add_points(enterprise, ["塔吊"])
    enterprise.name = "乙建设再改"
    enterprise.save()
    other.refresh_from_db()
    assert other.enterprise_name == "乙建设再改"


def _counts(captured):
    return [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


def test_a_scope_wide_count_is_kept_per_filtered_query(world, settings):
    """A government list keeps its bounded count for
    ``SAFEGRID_LEVEL_COUNTS_SECONDS`` per filtered query (the level counts'
    keeping): later pages and requests read no count; another filter counts
    its own. An enterprise's own list, and ``?enterprise=``, count live."""
    from django.core.cache import cache

    cache.clear()
    settings.SAFEGRID_LEVEL_COUNTS_SECONDS = 120
    add_points(world.enterprise_a, [f"点{i:03d}" for i in range(60)])
    total = RiskPoint.objects.count()
    client = api(world.committee)
    with CaptureQueriesContext(connection) as first:
        body = client.get(POINTS).json()
    assert (body["count"], body["count_exact"]) == (total, True)
    assert _counts(first)
    with CaptureQueriesContext(connection) as again:
        again_body = client.get(POINTS).json()
        deeper = client.get(body["next"]).json()
    assert again_body == body
    assert deeper["count"] == total
    assert not _counts(again)
    # Kept: a point added meanwhile shows in the rows, in the count later.
    add_points(world.enterprise_b, ["点new"])
    assert client.get(POINTS).json()["count"] == total
    with CaptureQueriesContext(connection) as filtered:
        body = client.get(POINTS, {"kind": "area"}).json()
    assert _counts(filtered) and body["count"] == total + 1

    manager = api(world.manager_a)
    for params in ({}, {}):
        with CaptureQueriesContext(connection) as own:
            manager.get(POINTS, params)
        assert _counts(own)
    for _ in range(2):
        with CaptureQueriesContext(connection) as one:
            client.get(POINTS, {"enterprise": world.enterprise_a.pk})
        assert _counts(one)
    cache.clear()


def test_a_kept_count_of_a_query_that_matches_nothing_is_zero(world):
    """An empty scope or filter (``none()``, ``IN ()``) has no SQL to keep its
    count under: it counts 0 instead of failing."""
    paginator = KeysetPagination()
    paginator.count_seconds = 120
    for empty in (
        RiskPoint.objects.none(),
        RiskPoint.objects.filter(enterprise_id__in=[]),
    ):
        assert paginator.bounded_count(empty) == keyset.BoundedCount(0, True)
