"""The portal navigation is built from the safegrid_portal_menu_items hook."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.organizations.scope import scope_for
from core.portal.selectors import portal_menu
from plugins import hookimpl
from plugins.contributions import I18nText, PortalMenuItem
from tests.dummy_pack import plugin as dummy_plugin

pytestmark = pytest.mark.django_db


class ManagersOnlyPack:
    """A pack whose entries are for the safety manager, one with a bad URL."""

    @hookimpl
    def safegrid_portal_menu_items(self):
        return [
            PortalMenuItem(
                "audit",
                I18nText("检查", "Audit"),
                "portal:people",
                order=5,
                roles=("enterprise_manager",),
            ),
            PortalMenuItem("broken", "Broken", "portal:does_not_exist"),
        ]


def keys(user, path=""):
    return [entry.key for entry in portal_menu(scope=scope_for(user), path=path)]


def test_the_portal_own_entries_in_order(world):
    assert keys(world.manager_a) == [
        "home",
        "profile",
        "units",
        "people",
        "risks",
        "hazards",
        "inspections",
        "emergency",
        "monitoring",
        "forms",
        "documents",
        "campaigns",
        "notices",
    ]
    assert keys(world.staff_a) == [
        "home",
        "profile",
        "units",
        "people",
        "risks",
        "hazards",
        "inspections",
        "emergency",
        "monitoring",
        "forms",
        "documents",
        "campaigns",
        "notices",
    ]


def test_no_menu_for_users_outside_enterprises(world):
    assert keys(world.committee) == []
    assert keys(world.outsider) == []


def test_dummy_pack_entry_appears_when_enabled(client, world, enable_packs):
    client.force_login(world.manager_a)
    assert 'data-menu-key="dummy"' not in client.get(reverse("portal:home")).text
    assert "dummy" not in keys(world.manager_a)

    enable_packs(extra=[("dummy", dummy_plugin)])
    assert keys(world.manager_a)[-1] == "dummy"  # order 999: last
    text = client.get(reverse("portal:home")).text
    assert 'data-menu-key="dummy"' in text
    assert "测试" in text
    with translation.override("en"):
        labels = [e.label for e in portal_menu(scope=scope_for(world.manager_a))]
    assert labels[-1] == "Dummy"


def test_entries_limited_to_a_role_and_unknown_urls_left_out(world, enable_packs):
    enable_packs(extra=[("managers_only", ManagersOnlyPack())])
    assert keys(world.manager_a) == [
        "home",
        "audit",
        "profile",
        "units",
        "people",
        "risks",
        "hazards",
        "inspections",
        "emergency",
        "monitoring",
        "forms",
        "documents",
        "campaigns",
        "notices",
    ]
    assert keys(world.staff_a) == [
        "home",
        "profile",
        "units",
        "people",
        "risks",
        "hazards",
        "inspections",
        "emergency",
        "monitoring",
        "forms",
        "documents",
        "campaigns",
        "notices",
    ]
