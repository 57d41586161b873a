"""The urban gas pack, loaded the way the platform loads it: through its entry point."""

from safegrid_gas import data

from plugins.manager import build_plugin_manager
from plugins.pack_support.testing import (
    check_items,
    contributions,
    form_score,
    library_copy_problems,
    pack_contract_problems,
    pack_manager,
)


def test_gas_pack_is_found_through_its_entry_point():
    manager = build_plugin_manager(["gas"])
    assert manager.problems == []
    assert manager.pack_names() == ["gas"]


def test_gas_pack_contributes_its_industry():
    manager = build_plugin_manager(["gas"])
    industries = [item for name, item in manager.collect("safegrid_industries")]
    assert [i.code for i in industries] == ["gas"]
    assert industries[0].name.zh_hans == "城镇燃气"
    assert industries[0].problems() == []


def test_the_pack_keeps_the_platform_contract():
    """Every start-up check passes and every form compiles to a valid JSON Schema."""
    assert pack_contract_problems("gas") == []


def test_the_library_monitoring_and_documents_come_through_their_hooks():
    manager = pack_manager("gas")
    library = {e.key: e for e in contributions(manager, "gas", "safegrid_risk_library")}
    assert len(library) >= 15
    codes = {
        code for e in library.values() for ev in e.events for code in ev.accident_types
    }
    assert codes <= {f"{n:02d}" for n in range(1, 21)}
    parameters = contributions(manager, "gas", "safegrid_monitoring_parameters")
    assert all(set(p.risk_points) <= set(library) for p in parameters)
    assert all(t.basis or t.typical for p in parameters for t in p.thresholds)
    handbook = [
        s
        for s in contributions(manager, "gas", "safegrid_document_sections")
        if s.document == "handbook"
    ]
    assert [s.order for s in handbook] == sorted(s.order for s in handbook)


def _user_check(manager):
    forms = contributions(manager, "gas", "safegrid_form_definitions")
    return next(f for f in forms if f.key == "gas_residential_user_check")


def _compliant(checklist):
    answers = {item["key"]: {"result": "compliant"} for item in check_items(checklist)}
    answers["access"] = "entered"
    return answers


def test_an_unnotified_user_finding_is_a_major_hazard_that_fails_the_check():
    checklist = _user_check(pack_manager("gas"))
    answers = _compliant(checklist)
    answers["nothing_in_bedroom"] = {
        "result": "non_compliant",
        "note": "卧室内有燃气管",
    }
    answers["nothing_in_bedroom_notified"] = "no"
    result = form_score(checklist, answers)
    assert (result["rule"], result["passed"]) == ("gas_checklist", False)
    assert [r["key"] for r in result["details"]["major_hazards"]] == ["art9_3"]


def test_a_finding_notified_in_writing_is_not_a_major_hazard():
    checklist = _user_check(pack_manager("gas"))
    answers = _compliant(checklist)
    answers["nothing_in_bedroom"] = {
        "result": "non_compliant",
        "note": "卧室内有燃气管",
    }
    answers["nothing_in_bedroom_notified"] = "yes"
    result = form_score(checklist, answers)
    assert result["details"]["major_hazards"] == []
    assert [r["key"] for r in result["details"]["notified_user_conditions"]] == [
        "art9_3"
    ]
    assert result["score"] < 100


def test_the_criteria_checklist_marks_every_article_as_a_major_hazard():
    forms = contributions(pack_manager("gas"), "gas", "safegrid_form_definitions")
    criteria = next(f for f in forms if f.key == "gas_major_hazard_criteria")
    items = check_items(criteria)
    assert len(items) == 22
    assert {item["hazard_grade"] for item in items} == {"major"}
    assert all("不符合即判定为重大事故隐患" in item["help_text"] for item in items)
    assert "建城规〔2023〕4号" in criteria.blocks[0]["value"]["description"]


def test_copying_every_library_entry_is_exact(world, enable_packs):
    """Each copy has exactly the content's events, measures and factors."""
    enable_packs("gas")
    problems = library_copy_problems(
        "gas", data.content(), actor=world.manager_a, enterprise=world.enterprise_a
    )
    assert problems == []
