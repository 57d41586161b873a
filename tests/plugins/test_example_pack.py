"""A third party's pack, installed as its own distribution (tests/example_pack).

The Makefile installs it editable; the platform finds it through the
``safegrid.packs`` entry point like any pack, not through ``extra_plugins``.
"""

from importlib.metadata import distribution

import pytest

from plugins.manager import build_plugin_manager
from plugins.pack_support.testing import pack_contract_problems


def test_the_example_pack_is_an_installed_distribution():
    dist = distribution("safegrid-pack-example")
    [entry_point] = [e for e in dist.entry_points if e.group == "safegrid.packs"]
    assert (entry_point.name, entry_point.value) == (
        "example",
        "safegrid_example.plugin",
    )


def test_the_manager_finds_it_through_its_entry_point():
    manager = build_plugin_manager(["example"])
    assert manager.problems == []
    assert manager.pack_names() == ["example"]
    [(name, industry)] = [
        (n, i) for n, i in manager.collect("safegrid_industries") if n == "example"
    ]
    assert (name, industry.code, industry.name.zh_hans) == (
        "example",
        "cold_storage",
        "冷库",
    )
    [(name, checklist)] = manager.collect("safegrid_form_definitions")
    assert (name, checklist.key) == ("example", "cold_storage_daily_check")


def test_installed_is_not_enabled():
    assert "example" not in build_plugin_manager(["chemicals"]).pack_names()


def test_it_keeps_the_platform_contract():
    assert pack_contract_problems("example") == []


@pytest.mark.django_db
def test_sync_packs_publishes_its_checklist(enable_packs):
    from django.core.management import call_command

    from core.forms.models import FormDefinition

    enable_packs("example")
    call_command("sync_packs", stdout=None)
    original = FormDefinition.objects.get(key="cold_storage_daily_check")
    assert (original.pack, original.industry.code) == ("example", "cold_storage")
    assert original.published_version.number == 1
    plan = original.published_version.scoring
    assert [i["hazard_grade"] for i in plan["sections"][0]["items"]] == [
        "major",
        "general",
    ]
