"""The Hazardous chemicals pack, loaded the way the platform loads it: through its entry point."""

from plugins.manager import build_plugin_manager


def test_chemicals_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["chemicals"])
    assert manager.problems == []
    assert manager.pack_names() == ["chemicals"]


def test_chemicals_pack_contributes_its_industry():
    manager = build_plugin_manager(["chemicals"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["chemicals"]
    assert industries[0].name.zh_hans == "危险化学品"
    assert industries[0].name.en == "Hazardous chemicals"
    assert industries[0].problems() == []
