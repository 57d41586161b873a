"""Helpers of the API list tests: a client, every cursor page of a list, a
count past its bound, a page written from plain rows against its serializer."""

from __future__ import annotations

from typing import Any

from django.db import connection
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient


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
