"""Ids and numbers that are not what a form expects ("abc", "²", a number past
a 64-bit column) are a 4xx or ignored, never a 500, on the pages that read
them from the request themselves."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

ODD = ("abc", "²", "-1", "9223372036854775808", "1.5")


def test_guidance_with_an_odd_industry(world, client):
    client.force_login(world.dept_chemicals)
    for value in ODD:
        response = client.post(
            "/admin/notices/issue/",
            {
                "kind": "guidance",
                "title": "指导",
                "body": "<p>x</p>",
                "industry": value,
            },
        )
        assert response.status_code < 500, value


def test_handbook_sections_with_an_odd_count(world, client):
    client.force_login(world.dept_chemicals)
    url = f"/admin/handbook-sections/{world.chemicals.pk}/"
    for value in ODD:
        assert client.post(url, {"count": value}).status_code < 500, value


def test_spot_check_sample_with_an_odd_seed_or_sample(world, client):
    client.force_login(world.committee)
    for value in ODD:
        response = client.post(
            "/admin/campaigns/checks/sample/", {"size": 1, "seed": value}
        )
        assert response.status_code < 500, value
        response = client.post("/admin/campaigns/checks/new/", {"sample": value})
        assert response.status_code < 500, value


def test_sensor_form_with_an_odd_risk_point(world, client):
    client.force_login(world.manager_a)
    for value in ODD:
        response = client.get("/portal/monitoring/sensors/new/", {"risk_point": value})
        assert response.status_code == 200, value


def test_map_risk_points_with_an_odd_id(world):
    api = APIClient()
    api.force_authenticate(world.committee)
    for value in ("²", "abc", "9223372036854775808"):
        response = api.get(f"/api/v1/map/enterprises/{value}/risk-points/")
        assert response.status_code == 404, value
