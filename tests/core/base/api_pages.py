"""Helpers of the API list tests: a client, every cursor page of a list, a
count past its bound, a page written from plain rows against its serializer
(``core.base.plain_rows``): the users of every kind of scope, the
serializer's JSON for the same rows, the queries of a page before and after
rows are added."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from tests.factories import api_as


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def page_ids(client: APIClient, body: dict[str, Any]) -> list[int]:
    """The ids of ``body``'s page and of every page after it."""
    seen = [row["id"] for row in body["results"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        seen += [row["id"] for row in body["results"]]
    return seen


def assert_past_bound(body: dict[str, Any], bound: int) -> None:
    """The list counted to its bound and said so, with the planner's
    estimate on PostgreSQL (none on SQLite)."""
    assert (body["count"], body["count_exact"]) == (bound, False)
    if connection.vendor == "postgresql":
        assert body["count_estimate"] >= 1
    else:
        assert body["count_estimate"] is None


def as_json(data: Any) -> bytes:
    return JSONRenderer().render(data)


def assert_rows_as_serialized(writer, serializer_class, rows, objects) -> None:
    """``writer``'s rows of ``rows`` (a queryset) are, as JSON, the
    serializer's of ``objects`` (the same rows as model instances)."""
    plain = writer.write(list(writer.values(rows)))
    assert as_json(plain) == as_json(serializer_class(objects, many=True).data)


#: One user of each kind of scope: staff, both enterprises' managers, both
#: industry departments (their pages read by key), a street office, the
#: committee office.
SCOPED_USERS = (
    "staff_a",
    "manager_a",
    "manager_b",
    "dept_chemicals",
    "dept_construction",
    "street1_office",
    "committee",
)


def serialized(serializer_class, rows) -> list[dict[str, Any]]:
    """``rows`` as the serializer and the API's JSON renderer write them."""
    data = serializer_class(rows, many=True).data
    return json.loads(JSONRenderer().render(data))


def every_page(client, url: str, params=None) -> list[dict[str, Any]]:
    """The rows of every page of the list, following ``next``."""
    rows: list[dict[str, Any]] = []
    body = client.get(url, params).json()
    while True:
        rows += body["results"]
        if not body["next"]:
            return rows
        body = client.get(body["next"]).json()


def assert_queries_do_not_grow(
    users,
    url: str,
    *,
    add_rows: Callable[[], Any],
    assert_num_queries,
    expected_rows: Callable[[Any], int],
) -> None:
    """Each user's first page costs as many queries after ``add_rows()`` as
    before (``assert_num_queries``: pytest-django's fixture) and shows
    ``expected_rows(user)`` rows."""
    clients = [api_as(user) for user in users]
    counts = []
    for client in clients:
        client.get(url)  # the user's scope
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        counts.append(len(few))
    add_rows()
    for user, client, count in zip(users, clients, counts, strict=True):
        with assert_num_queries(count):
            body = client.get(url).json()
        assert len(body["results"]) == expected_rows(user)
