"""The lists' unit chooser: the scoped endpoint and the filters that use it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.organizations.models import Unit
from tests.factories import unit

pytestmark = pytest.mark.django_db

URL = "/portal/units/autocomplete/"
LISTS = ["/portal/risks/list/", "/portal/hazards/"]


def named(name):
    return Unit.objects.get(name=name)


def posts(world, count, prefix="岗位"):
    """``count`` more posts of enterprise A under its team."""
    team = named("一班")
    for n in range(count):
        unit(world.enterprise_a, f"{prefix}{n:03d}", Unit.Kind.POST, team)
        team.refresh_from_db()


def results(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.json()["results"]


def test_the_url_is_the_portals():
    assert reverse("portal:unit_autocomplete") == URL
    assert reverse("risks:list") == LISTS[0]
    assert reverse("hazards:list") == LISTS[1]


def test_matches_are_the_users_own_units_with_their_labels(client, world):
    unit(world.enterprise_b, "反应釜操作岗", Unit.Kind.WORKSHOP, None)
    client.force_login(world.manager_a)
    assert results(client, q="操作") == [
        {
            "id": world.post_a.pk,
            "name": "反应釜操作岗",
            "label": "合成车间 / 一班 / 反应釜操作岗",
        }
    ]
    # Part of a name, anywhere in it; no text, no match.
    assert [row["name"] for row in results(client, q="车间")] == ["合成车间"]
    assert results(client, q="  ") == []
    assert results(client) == []
    # One unit by id, to name a chosen filter.
    assert [row["id"] for row in results(client, id=world.post_a.pk)] == [
        world.post_a.pk
    ]


def test_another_enterprise_sees_nothing_of_these_units(client, world):
    client.force_login(world.manager_b)
    assert results(client, q="操作") == []
    assert results(client, id=world.post_a.pk) == []
    assert results(client, id="abc") == []


@pytest.mark.parametrize("who", ["committee", "dept_chemicals", "street1_office"])
def test_government_users_are_refused(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(URL, {"q": "操作"}).status_code == 403


def test_anonymous_and_users_without_an_enterprise_are_refused(client, world):
    response = client.get(URL, {"q": "操作"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    client.force_login(world.outsider)
    assert client.get(URL, {"q": "操作"}).status_code == 403


def test_matches_are_bounded_in_rows_and_queries(client, world):
    client.force_login(world.manager_a)
    results(client, q="岗位")  # warm the session
    posts(world, 5)
    with CaptureQueriesContext(connection) as few:
        assert len(results(client, q="岗位")) == 5
    posts(world, 30, prefix="岗位X")
    with CaptureQueriesContext(connection) as many:
        found = results(client, q="岗位")
    assert len(found) == 20
    # In tree order: the first twenty of the team's posts.
    assert [row["name"] for row in found] == sorted(row["name"] for row in found)
    assert len(many) == len(few) <= 8


@pytest.mark.parametrize("path", LISTS)
def test_the_lists_filter_by_unit_and_name_the_chosen_one(client, world, path):
    client.force_login(world.manager_a)
    team = named("一班")
    response = client.get(path, {"unit": team.pk})
    assert response.status_code == 200
    assert response.context["form"].is_valid()
    text = response.text
    assert "data-unit-chooser" in text
    assert f'name="unit" value="{team.pk}"' in text
    assert 'value="合成车间 / 一班"' in text
    assert f'data-source="{URL}"' in text


@pytest.mark.parametrize("path", LISTS)
def test_another_enterprises_unit_is_refused_at_the_field(client, world, path):
    other = unit(world.enterprise_b, "乙车间", Unit.Kind.WORKSHOP, None)
    client.force_login(world.manager_a)
    response = client.get(path, {"unit": other.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert "乙车间" not in response.text


@pytest.mark.parametrize("path", LISTS)
def test_the_lists_no_longer_carry_every_unit(client, world, path):
    client.force_login(world.manager_a)
    client.get(path)  # warm the session and the content types
    posts(world, 5)
    with CaptureQueriesContext(connection) as few:
        small = client.get(path).text
    posts(world, 60, prefix="岗位X")
    with CaptureQueriesContext(connection) as many:
        large = client.get(path).text
    assert "岗位X" not in large
    assert len(many) == len(few)
    assert abs(len(large) - len(small)) < 200
