"""The Road transport pack, loaded the way the platform loads it: through its entry point."""

from plugins.manager import build_plugin_manager


def test_road_transport_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["road_transport"])
    assert manager.problems == []
    assert manager.pack_names() == ["road_transport"]


def test_road_transport_pack_contributes_its_industry():
    manager = build_plugin_manager(["road_transport"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["road_transport"]
    assert industries[0].name.zh_hans == "道路运输"
    assert industries[0].name.en == "Road transport"
    assert industries[0].problems() == []
