"""The chemicals pack, loaded the way the platform loads it: through its entry point."""

from safegrid_chemicals import data

from plugins.manager import build_plugin_manager
from plugins.pack_support.testing import (
    check_items,
    contributions,
    form_score,
    library_copy_problems,
    pack_contract_problems,
    pack_manager,
)


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


def test_the_pack_keeps_the_platform_contract():
    """Every start-up check passes and every form compiles to a valid JSON Schema."""
    assert pack_contract_problems("chemicals") == []


def test_the_risk_library_carries_events_factors_and_measures():
    library = contributions(
        pack_manager("chemicals"), "chemicals", "safegrid_risk_library"
    )
    assert len(library) >= 15
    tank = next(entry for entry in library if entry.key == "tank_farm")
    assert (tank.kind, tank.control_level) == ("facility", "company")
    assert [event.accident_types for event in tank.events] == [
        ("08", "18"),
        ("08", "18", "19"),
    ]
    fire, overfill = tank.events
    kinds = {m.kind for event in tank.events for m in event.measures}
    assert {"engineering", "automation", "emergency", "ppe", "training"} <= kinds
    # Each measure controls one event; each factor goes with what it causes.
    assert {m.kind for m in overfill.measures} == {
        "automation",
        "management",
        "training",
    }
    assert "210104" in {f.code for f in fire.hazard_factors}
    assert "210104" not in {f.code for f in overfill.hazard_factors}
    assert fire.suggested_assessment.inputs == {"L": 3, "S": 5}
    assert fire.direct_conditions == ("major_hazard_installation",)
    assert (tank.inspection_period.every, tank.inspection_period.unit) == (1, "hour")


def test_a_deduction_checklist_is_scored_as_the_points_kept():
    manager = pack_manager("chemicals")
    forms = contributions(manager, "chemicals", "safegrid_form_definitions")
    checklist = next(f for f in forms if f.key == "chem_utilities")
    assert checklist.scoring == {"rule": "weighted"}
    items = check_items(checklist)
    answers = {item["key"]: {"result": "compliant"} for item in items}
    first = items[0]
    answers[first["key"]] = {"result": "non_compliant", "note": "n"}
    result = form_score(checklist, answers)
    total = sum(item["points"] for item in items)
    assert result["score"] == round((total - first["points"]) / total * 100, 2)


def test_the_daily_commitment_is_published_with_its_public_answers_only():
    forms = contributions(
        pack_manager("chemicals"), "chemicals", "safegrid_form_definitions"
    )
    commitment = next(f for f in forms if f.key == "chem_daily_risk_commitment")
    assert (commitment.kind, commitment.scoring) == ("form", {"rule": "none"})
    assert "commitment_statement" in commitment.public_fields
    assert "signature" not in commitment.public_fields
    assert commitment.problems() == []


def test_monitored_parameters_cite_their_standard():
    manager = pack_manager("chemicals")
    parameters = {
        p.key: p
        for p in contributions(manager, "chemicals", "safegrid_monitoring_parameters")
    }
    gas = parameters["combustible_gas"]
    assert (gas.unit, gas.basis) == ("%LEL", ("GB/T 50493-2019",))
    assert [(t.operator, t.value) for t in gas.thresholds] == [(">=", 25), (">=", 50)]
    sections = contributions(manager, "chemicals", "safegrid_document_sections")
    assert ("handbook", "major_hazard_installations") in {
        (s.document, s.key) for s in sections
    }


def test_the_criteria_checklist_has_all_20_items_as_major_hazards():
    forms = contributions(
        pack_manager("chemicals"), "chemicals", "safegrid_form_definitions"
    )
    criteria = next(f for f in forms if f.key == "chem_major_hazard_criteria")
    items = check_items(criteria)
    assert len(items) == 20
    assert {item["hazard_grade"] for item in items} == {"major"}
    assert "依据：安监总管三〔2017〕121号 (1)。" in items[0]["help_text"]
    assert "2017-11-13印发" in criteria.blocks[0]["value"]["description"]


def test_copying_every_library_entry_is_exact(world, enable_packs):
    """Each copy has exactly the content's events, measures and factors."""
    enable_packs("chemicals")
    problems = library_copy_problems(
        "chemicals",
        data.content(),
        actor=world.manager_a,
        enterprise=world.enterprise_a,
    )
    assert problems == []


def test_the_inspection_schedules_come_through_the_hook():
    schedules = contributions(
        pack_manager("chemicals"), "chemicals", "safegrid_inspection_schedules"
    )
    by_key = {s.key: s for s in schedules}
    rounds = by_key["operator_rounds_key_units"]
    assert (rounds.who, rounds.every.every, rounds.every.unit) == (
        "operator",
        1,
        "hour",
    )
    assert rounds.applies_to == "key_units"
    assert rounds.basis == "应急〔2019〕78号"
    assert by_key["technical_checks"].every.times == 2
    assert by_key["baobao_main"].every is None
    assert all(s.problems() == [] for s in schedules)
