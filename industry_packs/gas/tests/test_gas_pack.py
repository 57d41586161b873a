"""The Urban gas pack, loaded the way the platform loads it: through its entry point."""

from plugins.manager import build_plugin_manager


def test_gas_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["gas"])
    assert manager.problems == []
    assert manager.pack_names() == ["gas"]


def test_gas_pack_contributes_its_industry():
    manager = build_plugin_manager(["gas"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["gas"]
    assert industries[0].name.zh_hans == "城镇燃气"
    assert industries[0].name.en == "Urban gas"
    assert industries[0].problems() == []
