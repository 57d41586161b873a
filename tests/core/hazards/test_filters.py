"""One filter set for every hazard list: the portal board, the admin list and
the API select the same hazards for the same filters; a wrong value is a 400
in the API and ignored (never a 500) on the pages."""

from __future__ import annotations

import re

import pytest
from rest_framework.test import APIClient

from core.hazards.filters import AdminHazardFilters, HazardFilters, PortalHazardFilters
from core.hazards.models import Hazard, HazardStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(hz):
    electrical = hz.hazard(HazardStatus.CONFIRMED, hazard_type="electrical")
    fire = hz.hazard(HazardStatus.CONFIRMED, hazard_type="fire")
    closed = hz.hazard(HazardStatus.CLOSED, hazard_type="electrical")
    return hz, electrical, fire, closed


def _portal_ids(client, query: str) -> set[int]:
    body = client.get(f"/portal/hazards/?{query}").content.decode()
    return {int(pk) for pk in re.findall(r'href="/portal/hazards/(\d+)/"', body)}


def _api_ids(user, query: str) -> set[int]:
    api = APIClient()
    api.force_authenticate(user)
    response = api.get(f"/api/v1/hazards/?{query}")
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("hazard_type=electrical", {"electrical", "closed"}),
        ("hazard_type=electrical&status=confirmed", {"electrical"}),
        ("status=closed", {"closed"}),
        ("hazard_type=fire", {"fire"}),
    ],
)
def test_portal_and_api_select_the_same_hazards(mixed, client, query, expected):
    hz, electrical, fire, closed = mixed
    names = {"electrical": electrical.pk, "fire": fire.pk, "closed": closed.pk}
    want = {names[name] for name in expected}
    client.force_login(hz.world.manager_a)
    assert _portal_ids(client, query) == want
    assert _api_ids(hz.world.manager_a, query) == want
    assert _api_ids(hz.world.committee, query) == want


def test_the_three_places_share_one_meaning():
    # The portal and the admin change how a filter is entered, not the set.
    assert issubclass(PortalHazardFilters, HazardFilters)
    assert issubclass(AdminHazardFilters, HazardFilters)
    assert "unit" not in AdminHazardFilters.base_filters
    assert "enterprise" not in PortalHazardFilters.base_filters


def test_the_admin_offers_type_and_overdue(mixed, client):
    hz, electrical, fire, closed = mixed
    client.force_login(hz.world.committee)
    response = client.get("/admin/hazards/", {"hazard_type": "fire"})
    assert response.status_code == 200
    body = response.content.decode()
    assert f"/admin/hazards/inspect/{fire.pk}/" in body
    assert f"/admin/hazards/inspect/{electrical.pk}/" not in body
    assert 'name="overdue"' in body


def test_bad_values(mixed, client):
    hz = mixed[0]
    api = APIClient()
    api.force_authenticate(hz.world.manager_a)
    for bad in ("status=nope", "hazard_type=x", "unit=abc", "overdue=maybe"):
        response = api.get(f"/api/v1/hazards/?{bad}")
        assert response.status_code == 400 or (
            bad == "overdue=maybe" and response.status_code == 200
        ), bad
    client.force_login(hz.world.manager_a)
    # The board ignores a wrong filter and shows every hazard.
    assert _portal_ids(client, "status=nope") == set(
        Hazard.objects.filter(enterprise=hz.world.enterprise_a).values_list(
            "pk", flat=True
        )
    )
    # "Overdue only" unticked filters nothing.
    assert len(_portal_ids(client, "status=confirmed")) == 2
