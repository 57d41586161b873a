"""The API's enterprise list is written by hand from plain rows
(core.organizations.api_rows): the same JSON as ``EnterpriseSerializer``, row
for row, on every page and filter, in a fixed number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.organizations.api import EnterpriseSerializer
from core.organizations.scope import scope_for
from core.organizations.selectors import enterprise_filter, enterprise_list
from tests.core.base.api_pages import serialized
from tests.factories import EnterpriseFactory

LIST_URL = "/api/v1/enterprises/"

pytestmark = pytest.mark.django_db


def expected(user, **filters) -> list[dict]:
    """What the serializer writes for every enterprise the user sees, in order."""
    enterprises = enterprise_filter(enterprise_list(scope=scope_for(user)), **filters)
    return serialized(EnterpriseSerializer, enterprises)


def every_row(client, params=None) -> list[dict]:
    rows: list[dict] = []
    body = client.get(LIST_URL, params or {}).json()
    rows += body["results"]
    while body["next"]:
        body = client.get(body["next"]).json()
        rows += body["results"]
    return rows


@pytest.fixture
def varied(world):
    """Enterprises that exercise every branch of a row: no industry, several
    (listed by code), no place, half a place, a negative place; enough of
    them for two pages."""
    for name, node, industries, place in (
        ("无行业", world.grid1, [], {}),
        (
            "两个行业",
            world.grid1,
            [world.construction, world.chemicals],
            {"latitude": None, "longitude": None},
        ),
        ("半个位置", world.street2, [world.chemicals], {"latitude": None}),
        (
            "南半球",
            world.street2,
            [world.construction],
            {
                "latitude": Decimal("-33.868800"),
                "longitude": Decimal("-151.209300"),
                "address": "",
                "is_key_industry": True,
            },
        ),
    ):
        EnterpriseFactory(name=name, jurisdiction=node, industries=industries, **place)
    for index in range(55):
        EnterpriseFactory(
            jurisdiction=world.grid1 if index % 2 else world.street2,
            industries=[world.chemicals],
            name=f"企业{index:02d}",
        )


@pytest.mark.parametrize(
    "role", ["superuser", "committee", "dept_chemicals", "street1_office", "manager_a"]
)
def test_the_rows_are_the_serializers_row_for_row(client_for, world, varied, role):
    user = getattr(world, role)
    rows = every_row(client_for(user))
    assert rows == expected(user)
    assert len(rows) > 1 or role == "manager_a"


def test_every_branch_of_a_row(client_for, world, varied):
    rows = {row["name"]: row for row in every_row(client_for(world.committee))}
    assert rows["无行业"]["industries"] == []
    assert rows["两个行业"]["industries"] == ["chemicals", "construction"]
    assert rows["两个行业"]["location"] is None
    assert rows["半个位置"]["location"] is None
    assert rows["南半球"]["location"] == {"lat": -33.8688, "lng": -151.2093}
    assert rows["南半球"]["jurisdiction"] == {
        "id": world.street2.pk,
        "name": world.street2.name,
    }


def test_filtered_pages_keep_the_shape(client_for, world, varied):
    client = client_for(world.committee)
    assert every_row(client, {"industry": "construction"}) == expected(
        world.committee, industry="construction"
    )
    assert every_row(client, {"jurisdiction": world.street2.pk}) == expected(
        world.committee, jurisdiction=world.street2
    )
    second = client.get(LIST_URL, {"page": 2}).json()
    assert second["results"] == expected(world.committee)[50:100]


def test_queries_do_not_grow_with_the_enterprises(
    client_for, world, django_assert_num_queries
):
    client = client_for(world.committee)
    client.get(LIST_URL)  # content types and the like
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    for index in range(60):
        EnterpriseFactory(
            jurisdiction=world.grid1,
            industries=[world.chemicals, world.construction],
            name=f"新企业{index:02d}",
        )
    with django_assert_num_queries(len(few)):
        body = client.get(LIST_URL).json()
    assert len(body["results"]) == 50
    with django_assert_num_queries(len(few)):
        client.get(LIST_URL, {"page": 2})
