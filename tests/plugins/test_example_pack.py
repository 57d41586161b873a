"""A third party's pack, installed as its own distribution (tests/example_pack).

The Makefile installs it editable; the platform finds it through the
``safegrid.packs`` entry point like any pack, not through ``extra_plugins``.
"""

import os
import subprocess
import sys
from importlib.metadata import distribution
from pathlib import Path

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


def test_an_enabled_pack_is_a_django_app_and_an_installed_one_is_not():
    from plugins.packs import pack_apps
    from safegrid_site.settings.base import PLATFORM_APPS, installed_apps

    assert pack_apps(["example"]) == ["safegrid_example"]
    assert "safegrid_example" in pack_apps(["*"])
    assert pack_apps(["not_installed"]) == []
    assert installed_apps([]) == PLATFORM_APPS
    assert installed_apps(["example"]) == [*PLATFORM_APPS, "safegrid_example"]


PROBE = """
import django
django.setup()
from django.apps import apps
from django.utils import translation
translation.activate("zh-hans")
print(apps.is_installed("safegrid_example"))
print(translation.gettext("Cold storage pack (example)"))
"""


def _run_with_packs(packs: str) -> list[str]:
    """What a process started with ``SAFEGRID_PACKS=packs`` sees of the pack."""
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "safegrid_site.settings.production",
        "DJANGO_SECRET_KEY": "a-key-for-this-test-only",
        "SAFEGRID_PACKS": packs,
        "PYTHONPATH": os.pathsep.join([str(root / "site"), str(root)]),
    }
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_its_translations_load_when_it_is_enabled_and_not_before():
    assert _run_with_packs("") == ["False", "Cold storage pack (example)"]
    assert _run_with_packs("chemicals,example") == ["True", "冷库行业包（示例）"]


def test_its_app_name_is_translated():
    from django.apps import apps
    from django.utils import translation

    verbose_name = apps.get_app_config("safegrid_example").verbose_name
    with translation.override("zh-hans"):
        assert str(verbose_name) == "冷库行业包（示例）"
    with translation.override("en"):
        assert str(verbose_name) == "Cold storage pack (example)"
