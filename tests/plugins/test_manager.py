"""The plugin manager: packs found, enabled by configuration, broken ones refused."""

import pytest

from plugins.checks import pack_errors
from plugins.manager import build_plugin_manager
from tests.dummy_pack import bad_data, broken
from tests.dummy_pack import plugin as dummy


def test_builtin_plugins_are_registered_through_the_same_hooks():
    manager = build_plugin_manager([])
    names = [name for name, _ in manager.collect("safegrid_portal_menu_items")]
    assert "safegrid.default_portal" in names
    assert manager.pack_names() == []


def test_installed_is_not_enabled():
    assert build_plugin_manager([]).pack_names() == []
    assert build_plugin_manager(["gas"]).pack_names() == ["gas"]


def test_star_enables_every_installed_pack():
    names = set(build_plugin_manager(["*"]).pack_names())
    assert {"chemicals", "construction", "road_transport", "gas"} <= names


def test_dummy_pack_contributions_are_attributed_to_it():
    manager = build_plugin_manager([], extra_plugins=[("dummy", dummy)])
    industries = manager.collect("safegrid_industries")
    assert [(name, item.code) for name, item in industries] == [("dummy", "dummy")]
    menu = dict(manager.collect("safegrid_portal_menu_items"))
    assert menu["dummy"].key == "dummy"
    assert pack_errors(manager) == []


def test_a_stray_hook_is_refused_with_a_clear_message():
    manager = build_plugin_manager([], extra_plugins=[("broken", broken)])
    errors = pack_errors(manager)
    assert [e.id for e in errors] == ["safegrid.E001"]
    assert "safegrid_no_such_hook" in errors[0].msg
    assert "'broken'" in errors[0].msg


def test_an_enabled_but_missing_pack_is_refused():
    errors = pack_errors(build_plugin_manager(["no_such_pack"]))
    assert len(errors) == 1
    assert "not installed" in errors[0].msg


def test_invalid_contributions_are_refused():
    manager = build_plugin_manager(["chemicals"], extra_plugins=[("bad", bad_data)])
    messages = [e.msg for e in pack_errors(manager)]
    assert any("'Bad Code!'" in m for m in messages)
    assert any("Chinese and an English name" in m for m in messages)
    assert any("several packs" in m and "chemicals" in m for m in messages)


def test_system_check_runs_at_start_up(settings):
    """The Django check command fails when an enabled pack is not installed."""
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from plugins.manager import set_plugin_manager

    set_plugin_manager(build_plugin_manager(["no_such_pack"]))
    with pytest.raises(SystemCheckError, match="no_such_pack"):
        call_command("check")


@pytest.mark.django_db
def test_disabling_a_pack_marks_its_industry_inactive(enable_packs):
    from core.organizations.models import Industry

    enable_packs("chemicals", "gas")
    assert set(
        Industry.objects.filter(is_active=True).values_list("code", flat=True)
    ) == {
        "chemicals",
        "gas",
    }
    enable_packs("gas")
    assert Industry.objects.get(code="chemicals").is_active is False
    assert Industry.objects.get(code="gas").is_active is True
    assert Industry.objects.get(code="gas").pack == "gas"
