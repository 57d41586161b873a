"""What the tests of the API lists written from plain rows share
(``core.base.plain_rows``): the world's users of every kind of scope, the
serializer's JSON for the same rows, every page of a list by cursor, and
the queries of a page before and after rows are added."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer

from tests.factories import api_as

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
