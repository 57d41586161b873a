"""The admin sidebar kept per user (core.base.sidebar): each user gets the
menu Wagtail builds for them, whoever asked before, and a kept menu is
rebuilt when what decides it changes."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from wagtail.admin.templatetags import wagtailadmin_tags

from core.base import sidebar

pytestmark = pytest.mark.django_db

PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
    re.S,
)


def _props(client, url="wagtailadmin_home") -> str:
    response = client.get(reverse(url))
    assert response.status_code == 200
    return PROPS.search(response.content.decode()).group(1)


def _names(props: str) -> set[str]:
    """The names of the menu items (not the user's)."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if "name" in node and "label" in node:
                found.add(node["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props))
    return found


@pytest.fixture
def built(monkeypatch):
    """Counts the sidebars Wagtail builds; nothing kept before the test."""
    sidebar.forget_all()
    calls = []
    original = wagtailadmin_tags.sidebar_props

    def counting(context):
        calls.append(context["request"].user.pk)
        return original(context)

    monkeypatch.setattr(wagtailadmin_tags, "sidebar_props", counting)
    yield calls
    sidebar.forget_all()


def test_the_sidebar_does_not_depend_on_the_page(client, world):
    # The current item is marked in the browser, so one kept value serves
    # every page of a user.
    client.force_login(world.dept_chemicals)
    home = _props(client)
    assert _props(client, "enterprises:index") == home
    assert _props(client, "risk_points:index") == home


@override_settings(SAFEGRID_SIDEBAR_SECONDS=300)
def test_two_roles_each_get_their_own_menu(client, world, built):
    with override_settings(SAFEGRID_SIDEBAR_SECONDS=0):
        client.force_login(world.committee)
        committee = _props(client)
        client.force_login(world.dept_chemicals)
        department = _props(client)
    # Each role has items the other has not (the committee's registers, an
    # industry department's handbook sections).
    assert _names(committee) - _names(department)
    assert _names(department) - _names(committee)
    built.clear()

    for _round in range(2):
        client.force_login(world.committee)
        assert _props(client) == committee
        assert _props(client, "enterprises:index") == committee
        client.force_login(world.dept_chemicals)
        assert _props(client) == department
        assert _props(client, "risk_points:index") == department
    # Built once per user, then kept.
    assert built == [world.committee.pk, world.dept_chemicals.pk]


@override_settings(SAFEGRID_SIDEBAR_SECONDS=300)
def test_a_kept_menu_is_never_served_to_another_user(client, world, built):
    # Two departments of the same role: the same items, but each their own
    # name, and never the other's kept value.
    client.force_login(world.dept_chemicals)
    chemicals = _props(client)
    client.force_login(world.dept_construction)
    construction = _props(client)
    assert world.dept_chemicals.get_username() in chemicals
    assert world.dept_construction.get_username() in construction
    assert world.dept_chemicals.get_username() not in construction
    assert built == [world.dept_chemicals.pk, world.dept_construction.pk]


@override_settings(SAFEGRID_SIDEBAR_SECONDS=300)
def test_a_kept_menu_is_rebuilt_when_what_decides_it_changes(client, world, built):
    client.force_login(world.dept_chemicals)
    _props(client)
    _props(client)
    assert len(built) == 1
    # Joining a group (its page and collection permissions decide Wagtail's
    # own items) forgets every kept sidebar.
    world.dept_chemicals.groups.add(Group.objects.create(name="Sidebar test"))
    _props(client)
    assert len(built) == 2
    # So does a new name.
    world.dept_chemicals.first_name = "王"
    world.dept_chemicals.save()
    assert "王" in json.loads(_props(client))["modules"][-1]["_args"][2]["name"]
    assert len(built) == 3
