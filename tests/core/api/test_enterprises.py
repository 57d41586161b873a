"""The enterprise endpoints: shape, filters, scope for every role, query bound."""

from __future__ import annotations

import pytest

from core.organizations.models import Enterprise, Jurisdiction
from tests.factories import EnterpriseFactory, jurisdiction

LIST_URL = "/api/v1/enterprises/"

pytestmark = pytest.mark.django_db


def detail_url(pk: int) -> str:
    return f"{LIST_URL}{pk}/"


def listed_names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


# -- shape -------------------------------------------------------------------


def test_list_is_paginated_in_drf_page_number_shape(client_for, world):
    response = client_for(world.committee).get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2
    assert body["next"] is None
    assert body["previous"] is None
    # Ordered by name.
    assert [item["name"] for item in body["results"]] == sorted(
        [world.enterprise_a.name, world.enterprise_b.name]
    )


def test_list_item_fields(client_for, world):
    world.enterprise_a.address = "一街道化工路8号"
    world.enterprise_a.is_above_scale = True
    world.enterprise_a.has_occupational_hazard = True
    world.enterprise_a.save()

    response = client_for(world.manager_a).get(LIST_URL)

    [item] = response.json()["results"]
    assert item == {
        "id": world.enterprise_a.pk,
        "name": "甲化工有限公司",
        "uscc": world.enterprise_a.uscc,
        "industries": ["chemicals"],
        "jurisdiction": {"id": world.grid1.pk, "name": "一网格"},
        "location": {"lat": 43.85, "lng": 125.4},
        "address": "一街道化工路8号",
        "is_above_scale": True,
        "is_key_industry": False,
        "has_occupational_hazard": True,
    }
    assert isinstance(item["location"]["lat"], float)


def test_industries_are_codes_in_order(client_for, world):
    world.enterprise_a.industries.add(world.construction)

    item = client_for(world.manager_a).get(LIST_URL).json()["results"][0]

    assert item["industries"] == ["chemicals", "construction"]


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(None, None), ("43.850000", None), (None, "125.4")]
)
def test_location_is_null_when_unknown(client_for, world, latitude, longitude):
    world.enterprise_a.latitude = latitude
    world.enterprise_a.longitude = longitude
    world.enterprise_a.save()

    item = client_for(world.manager_a).get(LIST_URL).json()["results"][0]

    assert item["location"] is None


def test_pages_hold_fifty(client_for, world):
    for _ in range(51):
        EnterpriseFactory(jurisdiction=world.street2, industries=[world.construction])
    client = client_for(world.committee)

    first = client.get(LIST_URL).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 53
    assert len(first["results"]) == 50
    assert len(second["results"]) == 3
    assert second["next"] is None
    assert second["previous"] is not None


def test_detail_fields(client_for, world):
    world.enterprise_a.legal_representative = "王五"
    world.enterprise_a.contacts.create(name="李四", title="安全员", phone="13800000000")
    world.enterprise_a.save()

    response = client_for(world.manager_a).get(detail_url(world.enterprise_a.pk))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == world.enterprise_a.pk
    assert body["industries"] == ["chemicals"]
    assert body["jurisdiction"] == {"id": world.grid1.pk, "name": "一网格"}
    assert body["legal_representative"] == "王五"
    assert body["contacts"] == [
        {"name": "李四", "title": "安全员", "phone": "13800000000", "email": ""}
    ]
    assert {"created_at", "updated_at", "location", "uscc"} <= set(body)


def test_read_only(client_for, world):
    client = client_for(world.superuser)

    assert client.post(LIST_URL, {"name": "x"}, format="json").status_code == 405
    url = detail_url(world.enterprise_a.pk)
    assert client.patch(url, {"name": "x"}, format="json").status_code == 405
    assert client.delete(url).status_code == 405
    world.enterprise_a.refresh_from_db()
    assert world.enterprise_a.name == "甲化工有限公司"


# -- filters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [("chemicals", {"甲化工有限公司"}), ("construction", {"乙建筑有限公司"})],
)
def test_filter_by_industry(client_for, world, code, expected):
    response = client_for(world.committee).get(LIST_URL, {"industry": code})
    assert listed_names(response) == expected


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ("district", {"甲化工有限公司", "乙建筑有限公司"}),
        # Enterprise A sits in grid 1, below street 1: the subtree counts.
        ("street1", {"甲化工有限公司"}),
        ("grid1", {"甲化工有限公司"}),
        ("street2", {"乙建筑有限公司"}),
    ],
)
def test_filter_by_jurisdiction_includes_the_subtree(client_for, world, node, expected):
    pk = getattr(world, node).pk
    response = client_for(world.committee).get(LIST_URL, {"jurisdiction": pk})
    assert listed_names(response) == expected


def test_filters_combine(client_for, world):
    client = client_for(world.committee)
    response = client.get(
        LIST_URL, {"industry": "construction", "jurisdiction": world.street1.pk}
    )
    assert listed_names(response) == set()


def test_filters_never_widen_the_scope(client_for, world):
    client = client_for(world.manager_a)
    response = client.get(LIST_URL, {"industry": "construction"})
    assert listed_names(response) == set()
    response = client.get(LIST_URL, {"jurisdiction": world.street2.pk})
    assert listed_names(response) == set()


def test_unknown_filter_values_are_400_at_the_parameter(client_for, world):
    client = client_for(world.committee)

    bad_industry = client.get(LIST_URL, {"industry": "nope"}, HTTP_ACCEPT_LANGUAGE="en")
    bad_node = client.get(LIST_URL, {"jurisdiction": 999999})
    not_a_number = client.get(LIST_URL, {"jurisdiction": "abc"})

    assert bad_industry.status_code == 400
    assert list(bad_industry.json()) == ["industry"]
    assert "valid choice" in bad_industry.json()["industry"][0]
    assert bad_node.status_code == 400
    assert list(bad_node.json()) == ["jurisdiction"]
    assert not_a_number.status_code == 400


# -- scope -------------------------------------------------------------------

A, B = "甲化工有限公司", "乙建筑有限公司"
VISIBLE = {
    "superuser": {A, B},
    "committee": {A, B},
    "dept_chemicals": {A},
    "dept_construction": {B},
    "street1_office": {A},
    "manager_a": {A},
    "manager_b": {B},
    "staff_a": {A},
    "outsider": set(),
}


@pytest.mark.parametrize(("role", "expected"), VISIBLE.items())
def test_list_scope_for_every_role(client_for, world, role, expected):
    response = client_for(getattr(world, role)).get(LIST_URL)

    assert listed_names(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(("role", "visible"), VISIBLE.items())
def test_detail_scope_for_every_role(client_for, world, role, visible):
    client = client_for(getattr(world, role))
    missing = client.get(detail_url(999999))
    assert missing.status_code == 404

    for enterprise in (world.enterprise_a, world.enterprise_b):
        response = client.get(detail_url(enterprise.pk))
        if enterprise.name in visible:
            assert response.status_code == 200
            assert response.json()["id"] == enterprise.pk
        else:
            # Out of scope is indistinguishable from non-existent.
            assert response.status_code == 404
            assert response.json() == missing.json()
            assert enterprise.name not in response.content.decode()


def test_404_says_not_found_in_the_request_language(client_for, world):
    client = client_for(world.manager_a)
    out_of_scope = detail_url(world.enterprise_b.pk)

    assert client.get(out_of_scope).json() == {"detail": "未找到。"}
    english = client.get(out_of_scope, HTTP_ACCEPT_LANGUAGE="en")
    assert english.json() == {"detail": "Not found."}


def test_a_page_past_the_end_is_404(client_for, world):
    response = client_for(world.committee).get(LIST_URL, {"page": 2})
    assert response.status_code == 404


def test_anonymous_sees_nothing(api_client, world):
    assert api_client.get(LIST_URL).status_code == 401
    response = api_client.get(detail_url(world.enterprise_a.pk))
    assert response.status_code == 401
    assert world.enterprise_a.name not in response.content.decode()


def test_territorial_office_sees_new_enterprises_in_a_new_grid(client_for, world):
    grid = jurisdiction("二网格", "T0102", Jurisdiction.Level.GRID, world.street1)
    EnterpriseFactory(name="丙公司", jurisdiction=grid, industries=[world.chemicals])

    response = client_for(world.street1_office).get(LIST_URL)

    assert listed_names(response) == {A, "丙公司"}


# -- query bound -------------------------------------------------------------


def _grow_to(world, total: int) -> None:
    """Add enterprises (two industries each, half in street 1) up to ``total``."""
    for i in range(total - Enterprise.objects.count()):
        node = world.grid1 if i % 2 else world.street2
        EnterpriseFactory(
            jurisdiction=node, industries=[world.chemicals, world.construction]
        )


@pytest.mark.parametrize(
    "role", ["superuser", "committee", "dept_chemicals", "street1_office", "manager_a"]
)
@pytest.mark.parametrize("params", [{}, {"industry": "chemicals"}])
def test_list_query_count_does_not_grow_with_the_data(
    client_for, world, django_assert_max_num_queries, role, params
):
    client = client_for(getattr(world, role))
    counts = []
    for total in (5, 60):
        _grow_to(world, total)
        # Token, scope, count, page, industries; one more to check the filter.
        with django_assert_max_num_queries(7) as captured:
            response = client.get(LIST_URL, params)
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_detail_query_count_is_bounded(
    client_for, world, django_assert_max_num_queries
):
    for _ in range(20):
        world.enterprise_a.contacts.create(name="联系人", phone="1")
    world.enterprise_a.save()
    client = client_for(world.dept_chemicals)

    with django_assert_max_num_queries(8):
        response = client.get(detail_url(world.enterprise_a.pk))

    assert len(response.json()["contacts"]) == 20
