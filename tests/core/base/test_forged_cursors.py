"""A cursor is opaque but comes from the client: a forged one — a value of the
wrong type for its column, a null, a nested value, the wrong length — is a
400 (or the page's own "not found"), never a 500, on every keyset list."""

from __future__ import annotations

import base64
import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

API_LISTS = (
    "/api/v1/risk-points/",
    "/api/v1/hazards/",
    "/api/v1/sensors/",
    "/api/v1/alarms/",
    "/api/v1/inspection-tasks/",
    "/api/v1/emergency-plans/",
    "/api/v1/drills/",
    "/api/v1/training-sessions/",
)


def forged() -> list[str]:
    values = []
    for length in range(1, 6):
        for value in (
            "abc",
            None,
            {"t": "not a time"},
            {"n": "x"},
            [1],
            10**30,
            2**40,
            float("inf"),
        ):
            payload = {"v": [value] * length}
            text = json.dumps(payload).encode()
            values.append(base64.urlsafe_b64encode(text).decode().rstrip("="))
            payload["b"] = 1
            text = json.dumps(payload).encode()
            values.append(base64.urlsafe_b64encode(text).decode().rstrip("="))
    return [*values, "garbage", "", "e30"]


@pytest.mark.parametrize("path", API_LISTS)
def test_api_lists_refuse_forged_cursors(world, path):
    client = APIClient()
    client.force_authenticate(world.committee)
    for cursor in forged():
        response = client.get(path, {"cursor": cursor})
        assert response.status_code in (200, 400), (cursor, response.status_code)
        if response.status_code == 400:
            assert "cursor" in response.json()


def test_public_index_refuses_forged_cursors(world):
    client = Client()
    for cursor in forged():
        response = client.get("/risk-notices/", {"cursor": cursor})
        assert response.status_code < 500, (cursor, response.status_code)


def test_portal_risk_list_refuses_forged_cursors(world):
    client = Client()
    client.force_login(world.manager_a)
    for cursor in forged():
        response = client.get("/portal/risks/list/", {"cursor": cursor})
        assert response.status_code in (200, 404), (cursor, response.status_code)
    assert client.get("/portal/risks/list/", {"cursor": "last"}).status_code == 200
