"""The road transport pack, loaded the way the platform loads it: through its entry point."""

from safegrid_road_transport import data

from plugins.manager import build_plugin_manager
from plugins.pack_support.testing import (
    check_items,
    contributions,
    form_findings,
    form_score,
    library_copy_problems,
    pack_contract_problems,
    pack_manager,
)


def test_road_transport_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["road_transport"])
    assert manager.problems == []
    assert manager.pack_names() == ["road_transport"]


def test_road_transport_pack_contributes_its_industry():
    manager = build_plugin_manager(["road_transport"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["road_transport"]
    assert industries[0].name.zh_hans == "道路运输"
    assert industries[0].problems() == []


def test_the_pack_keeps_the_platform_contract():
    """Every start-up check passes and every form compiles to a valid JSON Schema."""
    assert pack_contract_problems("road_transport") == []


def test_its_hooks_return_the_content():
    manager = pack_manager("road_transport")
    library = contributions(manager, "road_transport", "safegrid_risk_library")
    assert len(library) >= 15
    assert {entry.industry for entry in library} == {"road_transport"}
    forms = contributions(manager, "road_transport", "safegrid_form_definitions")
    assert {f.scoring["rule"] for f in forms} == {"road_transport_checklist"}
    parameters = contributions(
        manager, "road_transport", "safegrid_monitoring_parameters"
    )
    keys = {entry.key for entry in library}
    assert parameters and all(set(p.risk_points) <= keys for p in parameters)
    sections = contributions(manager, "road_transport", "safegrid_document_sections")
    assert {s.document for s in sections} == {"handbook", "post_card", "emergency_card"}


def _vehicle_check(manager):
    forms = contributions(manager, "road_transport", "safegrid_form_definitions")
    return next(f for f in forms if f.key == "rt_dangerous_goods_vehicle")


def test_a_submission_is_scored_by_the_pack_method_in_the_forms_engine():
    checklist = _vehicle_check(pack_manager("road_transport"))
    answers = {item["key"]: {"result": "compliant"} for item in check_items(checklist)}
    result = form_score(checklist, answers)
    assert (result["rule"], result["score"], result["passed"]) == (
        "road_transport_checklist",
        100.0,
        True,
    )
    assert result["error"] is None


def test_a_criterion_answered_non_compliant_fails_the_form_whatever_the_score():
    checklist = _vehicle_check(pack_manager("road_transport"))
    items = check_items(checklist)
    assert next(i for i in items if i["key"] == "within_payload")["hazard_grade"] == (
        "major"
    )
    answers = {item["key"]: {"result": "compliant"} for item in items}
    answers["within_payload"] = {"result": "non_compliant", "note": "超载"}
    result = form_score(checklist, answers)
    assert result["passed"] is False
    assert result["grade"] == "fail"
    assert [row["key"] for row in result["details"]["major_hazards"]] == ["art6_2"]
    assert result["score"] < 100


def test_the_criteria_checklist_flags_every_item_as_a_major_hazard():
    forms = contributions(
        pack_manager("road_transport"), "road_transport", "safegrid_form_definitions"
    )
    criteria = next(f for f in forms if f.key == "road_major_hazard_criteria")
    items = check_items(criteria)
    assert len(items) == 9  # 8 criteria; Art. 3(3) has a check per case
    assert {item["hazard_grade"] for item in items} == {"major"}
    assert "依据：交办运〔2023〕52号 第三条第（一）项。" in items[0]["help_text"]
    assert "2023" in criteria.blocks[0]["value"]["description"]


def test_copying_every_library_entry_is_exact(world, enable_packs):
    """Each copy has exactly the content's events, measures and factors."""
    enable_packs("road_transport")
    problems = library_copy_problems(
        "road_transport",
        data.content(),
        actor=world.manager_a,
        enterprise=world.enterprise_a,
    )
    assert problems == []


def test_art_3_3_opens_a_major_hazard_only_when_both_conditions_hold():
    """As the forms engine records findings: the criterion is asked only after
    its first condition holds; an answer to it otherwise is dropped."""
    forms = contributions(
        pack_manager("road_transport"), "road_transport", "safegrid_form_definitions"
    )
    criteria = next(f for f in forms if f.key == "road_major_hazard_criteria")
    failed = {"result": "non_compliant", "note": "长期超速未处理"}
    handled = {"result": "compliant"}
    first = "art3_3_long_standing"
    assert form_findings(criteria, {first: "no", "art3_3": failed}) == {}
    assert form_findings(criteria, {first: "yes", "art3_3": handled}) == {}
    assert form_findings(criteria, {first: "yes", "art3_3": failed}) == {
        "art3_3": "major"
    }
