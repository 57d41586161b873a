"""The Construction pack, loaded the way the platform loads it: through its entry point."""

from plugins.manager import build_plugin_manager


def test_construction_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["construction"])
    assert manager.problems == []
    assert manager.pack_names() == ["construction"]


def test_construction_pack_contributes_its_industry():
    manager = build_plugin_manager(["construction"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["construction"]
    assert industries[0].name.zh_hans == "建筑施工"
    assert industries[0].name.en == "Construction"
    assert industries[0].problems() == []
