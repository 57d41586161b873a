"""One filter set for every risk-point list: the portal's list, the admin's
list and the API select the same points for the same filters."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.risks.filters import (
    AdminRiskPointFilters,
    PortalRiskPointFilters,
    RiskPointFilters,
)
from tests.core.risks.test_views import admin_names

pytestmark = pytest.mark.django_db


def api_names(user, **params) -> set[str]:
    api = APIClient()
    api.force_authenticate(user)
    response = api.get("/api/v1/risk-points/", params)
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


def test_portal_and_api_agree(client, world, reactor, site_b):
    client.force_login(world.manager_a)

    def portal(**params) -> set[str]:
        response = client.get(reverse("risks:list"), params)
        assert response.status_code == 200
        return {row["point"].name for row in response.context["rows"]}

    for params, expected in (
        ({}, {"1号反应釜"}),
        ({"kind": "equipment"}, {"1号反应釜"}),
        ({"kind": "area"}, set()),
        ({"level": "general"}, {"1号反应釜"}),
        ({"method": "lec"}, {"1号反应釜"}),
    ):
        assert portal(**params) == expected, params
        assert api_names(world.manager_a, **params) == expected, params
    # The portal's search box is q, the API's search: the same search.
    assert (
        portal(q="反应") == api_names(world.manager_a, search="反应") == {"1号反应釜"}
    )


def test_admin_and_api_agree(client, world, reactor, site_b):
    client.force_login(world.committee)
    url = reverse("risk_points:index")
    for admin_params, api_params in (
        ({"industry": world.construction.pk}, {"industry": "construction"}),
        ({"jurisdiction": world.street1.pk}, {"jurisdiction": world.street1.pk}),
        ({"level": "major"}, {"level": "major"}),
        ({"enterprise": world.enterprise_a.pk}, {"enterprise": world.enterprise_a.pk}),
    ):
        admin = set(admin_names(client.get(url, admin_params)))
        assert admin, admin_params
        assert admin == api_names(world.committee, **api_params), admin_params


def test_the_api_refuses_a_bad_filter(world):
    api = APIClient()
    api.force_authenticate(world.committee)
    for params in (
        {"jurisdiction": "x"},
        {"jurisdiction": "99999"},
        {"industry": "nope"},
        {"level": "huge"},
        {"unit": "-1"},
    ):
        assert api.get("/api/v1/risk-points/", params).status_code == 400, params


def test_one_family():
    assert issubclass(PortalRiskPointFilters, RiskPointFilters)
    assert issubclass(AdminRiskPointFilters, RiskPointFilters)
    assert "enterprise" not in PortalRiskPointFilters.base_filters
    assert "unit" not in AdminRiskPointFilters.base_filters
