"""The enterprise chooser's endpoint answers the user's scope only."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "safegrid_enterprise_autocomplete"


def ids(client, **query):
    response = client.get(reverse(URL), query)
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]]


def test_each_government_user_finds_only_its_scope(client, world):
    a, b = world.enterprise_a, world.enterprise_b
    expected = {
        world.committee: {a.pk, b.pk},
        world.dept_chemicals: {a.pk},
        world.dept_construction: {b.pk},
        world.street1_office: {a.pk},
    }
    for user, visible in expected.items():
        client.force_login(user)
        for enterprise in (a, b):
            found = set(ids(client, q=enterprise.name))
            assert found == ({enterprise.pk} & visible), (user, enterprise)
            # The chosen filter's name is shown by id, in scope only.
            assert set(ids(client, id=enterprise.pk)) == {enterprise.pk} & visible


def test_by_credit_code_and_nothing_for_an_empty_query(client, world):
    client.force_login(world.committee)
    assert ids(client, q=world.enterprise_a.uscc[:18]) == [world.enterprise_a.pk]
    assert ids(client, q="   ") == []
    assert ids(client, id="x") == []


def test_enterprise_users_and_strangers_are_refused(client, world):
    url = reverse(URL)
    anonymous = client.get(url, {"q": world.enterprise_a.name})
    assert anonymous.status_code in (302, 403)
    assert world.enterprise_a.name not in anonymous.text
    for user in (world.manager_b, world.outsider):
        client.force_login(user)
        response = client.get(url, {"q": world.enterprise_a.name})
        assert response.status_code in (302, 403)
        assert world.enterprise_a.name not in response.text


def test_a_write_method_is_refused(client, world):
    client.force_login(world.committee)
    assert client.post(reverse(URL), {"q": "x"}).status_code == 405
