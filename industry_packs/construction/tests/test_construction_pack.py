"""The construction pack, loaded the way the platform loads it: through its entry point."""

import pytest
from safegrid_construction import data

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

GUARANTEE = (
    "responsibility_system",
    "construction_plans",
    "technical_briefing",
    "safety_inspection",
    "safety_education",
    "emergency_rescue",
)
GENERAL = (
    "subcontractor_management",
    "certified_workers",
    "accident_handling",
    "safety_signs",
)


def test_construction_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["construction"])
    assert manager.problems == []
    assert manager.pack_names() == ["construction"]


def test_construction_pack_contributes_its_industry():
    manager = build_plugin_manager(["construction"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["construction"]
    assert industries[0].name.zh_hans == "建筑施工"
    assert industries[0].problems() == []


def test_the_pack_keeps_the_platform_contract():
    """Every start-up check passes and every form compiles to a valid JSON Schema."""
    assert pack_contract_problems("construction") == []


def test_rules_for_the_api_and_for_the_forms():
    manager = pack_manager("construction")
    rules = {
        r.key: r.kind
        for r in contributions(manager, "construction", "safegrid_scoring_rules")
    }
    assert rules == {"jgj59": "inspection", "jgj59_table": "checklist"}
    library = contributions(manager, "construction", "safegrid_risk_library")
    assert len(library) >= 15


@pytest.fixture
def safety_management():
    forms = contributions(
        pack_manager("construction"), "construction", "safegrid_form_definitions"
    )
    return next(f for f in forms if f.key == "jgj59_safety_management")


def _answers(deductions=(), not_applicable=()):
    answers = {key: {"result": "compliant"} for key in GUARANTEE + GENERAL}
    for key, points in dict(deductions).items():
        answers[key] = {"result": "non_compliant", "note": "扣分原因"}
        answers[f"{key}_deduction"] = points
    for key in not_applicable:
        answers[key] = {"result": "not_applicable"}
    return answers


def test_a_table_form_is_scored_by_jgj59(safety_management):
    assert safety_management.scoring == {"rule": "jgj59_table"}
    items = {i["key"]: i for i in check_items(safety_management)}
    assert items["responsibility_system"]["guarantee"] is True
    assert items["safety_signs"]["guarantee"] is False
    result = form_score(
        safety_management,
        _answers({"accident_handling": 4}, not_applicable=["safety_signs"]),
    )
    # D = 86 of E = 90 checked: C = 86 / 90 × 100, truncated to 2 decimals.
    assert (result["score"], result["grade"], result["passed"]) == (
        95.55,
        "excellent",
        True,
    )
    assert result["error"] is None


def test_guarantee_items_below_the_floor_zero_the_table_form(safety_management):
    # Each guarantee item keeps 6 of 10: 36 < 40, so the table scores 0.
    result = form_score(safety_management, _answers(dict.fromkeys(GUARANTEE, 4)))
    assert (result["score"], result["grade"], result["passed"]) == (0.0, "fail", False)
    reason = result["details"]["tables"]["safety_management"]["zero_reason"]
    assert reason["code"] == "guarantee_below_floor"


def test_the_2024_criteria_checklist_is_all_major_with_articles():
    forms = contributions(
        pack_manager("construction"), "construction", "safegrid_form_definitions"
    )
    criteria = next(
        f for f in forms if f.key == "construction_major_hazard_criteria_2024"
    )
    items = check_items(criteria)
    assert len(items) == 53
    assert {item["hazard_grade"] for item in items} == {"major"}
    assert "依据：建质规〔2024〕5号 第四条第（一）项。" in items[0]["help_text"]
    assert "建质规〔2024〕5号" in criteria.blocks[0]["value"]["description"]
    assert "2024-12-13印发" in criteria.blocks[0]["value"]["description"]


def test_copying_every_library_entry_is_exact(world, enable_packs):
    """Each copy has exactly the content's events, measures and factors."""
    enable_packs("construction")
    problems = library_copy_problems(
        "construction",
        data.content(),
        actor=world.manager_a,
        enterprise=world.enterprise_a,
    )
    assert problems == []


def _definition(key):
    forms = contributions(
        pack_manager("construction"), "construction", "safegrid_form_definitions"
    )
    return next(f for f in forms if f.key == key)


FAILED = {"result": "non_compliant", "note": "现场发现"}
MET = {"result": "compliant"}


@pytest.mark.parametrize(
    ("definition", "first", "criterion"),
    [
        (
            "construction_major_hazard_criteria_2024",
            "art9_3_on_structure",
            "art9_3",
        ),
        ("jgj59_work_at_height", "mh_art9_3_on_structure", "mh_art9_3"),
        ("construction_major_hazard_criteria_2024", "art11_1_identified", "art11_1"),
    ],
)
def test_a_criterion_joined_by_and_is_major_only_when_both_conditions_fail(
    definition, first, criterion
):
    """建质规〔2024〕5号 9(3) and 11(1): "……未……，且未……" — both must fail."""
    form = _definition(definition)
    # The first condition fails, the second holds: not major.
    assert criterion not in form_findings(form, {first: "no", criterion: MET})
    # The first holds: the second is not asked, and an answer to it is dropped.
    assert form_findings(form, {first: "yes", criterion: FAILED}) == {}
    # Both fail: a major accident hazard.
    assert form_findings(form, {first: "no", criterion: FAILED}) == {criterion: "major"}


def test_confined_space_not_identified_alone_is_a_general_hazard():
    """Art. 11(1) in the confined-space checklist: not identified → general;
    not identified and no warning signs → major."""
    form = _definition("construction_confined_space")
    one = {"spaces_identified": FAILED, "warning_signs": MET}
    assert form_findings(form, one) == {"spaces_identified": "general"}
    both = {"spaces_identified": FAILED, "warning_signs": FAILED}
    assert form_findings(form, both) == {
        "spaces_identified": "general",
        "warning_signs": "major",
    }
    identified = {"spaces_identified": MET, "warning_signs": FAILED}
    assert form_findings(form, identified) == {}


def test_the_material_hoist_table_asks_no_construction_hoist_criterion():
    """8(6) is the construction hoist's (施工升降机); 8(7), 8(8) the tower crane's."""
    hoist = {i["key"] for i in check_items(_definition("jgj59_material_hoist"))}
    assert "mh_art8_6" not in hoist
    assert not {"mh_art8_7", "mh_art8_8"} & hoist
    lift = {i["key"] for i in check_items(_definition("jgj59_construction_hoist"))}
    assert "mh_art8_6" in lift
    crane = {i["key"] for i in check_items(_definition("jgj59_tower_crane"))}
    assert {"mh_art8_7", "mh_art8_8"} <= crane
    assert "mh_art8_6" not in crane
