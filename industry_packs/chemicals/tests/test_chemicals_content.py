"""The chemicals pack's content holds together: keys, codes, criteria, forms."""

import copy
import re
import string

import pytest
from safegrid_chemicals import data

from plugins.pack_support import content as shape
from plugins.pack_support.validation import problems as content_problems

CJK = re.compile(r"[\u3400-\u9fff]")
CONTENT = data.content()


def all_questions(definition):
    return [q for s in definition["sections"] for q in shape.iter_questions(s["items"])]


def test_content_has_no_problems():
    assert data.problems() == []


def test_at_least_fifteen_risk_points_with_events_and_measures():
    assert len(data.RISK_POINTS) >= 15
    for point in data.RISK_POINTS:
        assert point["hazard_factors"] and point["events"]
        assert all(event["measures"] for event in point["events"])


def test_keys_are_unique_everywhere():
    def unique(keys):
        keys = list(keys)
        return len(keys) == len(set(keys))

    points = data.RISK_POINTS
    assert unique(p["key"] for p in points)
    assert unique(e["key"] for p in points for e in p["events"])
    assert unique(m["key"] for p in points for e in p["events"] for m in e["measures"])
    definitions = data.CHECKLISTS + data.FORMS + data.CRITERIA
    assert unique(d["key"] for d in definitions)
    for definition in definitions:
        assert unique(s["key"] for s in definition["sections"])
        assert unique(q["key"] for q in all_questions(definition))
    assert unique(p["key"] for p in data.MONITORED_PARAMETERS)
    for sections in data.DOCUMENTS.values():
        assert unique(s["key"] for s in sections)


def test_accident_types_are_gb6441_codes():
    codes = {f"{n:02d}" for n in range(1, 21)}
    for point in data.RISK_POINTS:
        for event in point["events"]:
            assert event["accident_types"]
            assert set(event["accident_types"]) <= codes, event["key"]


def test_hazard_factor_codes_are_allowed():
    allowed = set(shape.HAZARD_FACTOR_CODES)
    # No deeper code of groups 21-49 than the second level may be used.
    assert not [c for c in allowed if c[0] in "34" and len(c) > 2]
    for point in data.RISK_POINTS:
        for item in point["hazard_factors"]:
            assert item["code"] in allowed, (point["key"], item["code"])


def test_suggested_assessments_use_method_tables():
    for point in data.RISK_POINTS:
        for event in point["events"]:
            assessment = event["assessment"]
            table = {"lec": shape.LEC_VALUES, "ls": shape.LS_VALUES}[
                assessment["method"]
            ]
            for name, value in assessment["inputs"].items():
                assert value in table[name], event["key"]


def test_every_label_has_chinese_text():
    texts = list(shape.iter_texts(CONTENT))
    assert len(texts) > 500
    for path, value in texts:
        assert CJK.search(value["zh_hans"]), path
        assert value["en"].strip(), path


def test_every_main_operation_has_a_checklist():
    assert len(data.OPERATIONS) >= 6
    for operation in data.OPERATIONS:
        covering = [c for c in data.CHECKLISTS if operation["key"] in c["operations"]]
        assert covering, operation["key"]
    assert 6 <= len(data.CHECKLISTS) <= 12


def test_criteria_are_the_twenty_items_all_major():
    (criteria,) = data.CRITERIA
    items = [q for q in all_questions(criteria) if q["type"] == "check"]
    assert sorted(q["item"] for q in items) == list(range(1, 21))
    for q in items:
        assert q["major_hazard"] is True
        assert q["hazard_grade"] == "major"
        assert q["article"] is None
        assert q["basis"][0]["document"] == "安监总管三〔2017〕121号"
    (edition,) = data.CRITERIA_EDITIONS
    assert edition["key"] == criteria["edition"]
    assert edition["status"] == "current"
    assert edition["issued"] == "2017-11-13"
    assert edition["counts"] == {"items": 20}


def test_checklist_items_matching_a_criterion_open_a_major_hazard():
    criterion_keys = {q["key"] for q in all_questions(data.CRITERIA[0])}
    linked = 0
    for checklist in data.CHECKLISTS:
        for q in all_questions(checklist):
            if q["type"] != "check":
                continue
            assert q["evidence"] == {
                "on": "non_compliant",
                "require": ["photo", "note"],
            }
            if q["criterion"]:
                linked += 1
                assert q["criterion"] in criterion_keys
                assert q["hazard_grade"] == "major" and q["major_hazard"]
            else:
                assert q["hazard_grade"] == "general" and not q["major_hazard"]
    assert linked >= 10


def test_checklists_use_numbers_groups_and_conditions():
    questions = [q for c in data.CHECKLISTS for q in all_questions(c)]
    types = {q["type"] for q in questions}
    assert {"check", "number", "group", "single_choice", "multiple_choice"} <= types
    setpoint = next(q for q in questions if q["key"] == "combustible_alarm_setpoint")
    assert (setpoint["unit"], setpoint["warn_max"]) == ("%LEL", 25)
    tank_farm = next(c for c in data.CHECKLISTS if c["key"] == "chem_tank_farm")
    conditional = [s for s in tank_farm["sections"] if "show_if" in s]
    assert conditional[0]["show_if"] == {"question": "is_major_hazard", "equals": "yes"}


def test_gas_alarm_thresholds_follow_gb_t_50493():
    gas = next(p for p in data.MONITORED_PARAMETERS if p["key"] == "combustible_gas")
    assert [(t["op"], t["value"]) for t in gas["thresholds"]] == [
        (">=", 25),
        (">=", 50),
    ]
    assert {t["basis"]["document"] for t in gas["thresholds"]} == {"GB/T 50493-2019"}
    for parameter in data.MONITORED_PARAMETERS:
        for t in parameter["thresholds"]:
            assert t.get("basis") or t.get("typical"), parameter["key"]


def test_daily_commitment_form():
    (form,) = data.FORMS
    assert form["kind"] == "form" and form["recurrence"] == {"every": 1, "unit": "day"}
    keys = {q["key"] for q in all_questions(form)}
    special = {"hot_work_special", "hot_work_level1", "hot_work_level2", "confined_space",
               "blind_plate", "work_at_height", "lifting", "temporary_power",
               "excavation", "road_closure"}  # fmt: skip
    assert special <= keys
    assert {"units_running", "units_stopped", "major_hazards_controlled",
            "commitment_statement", "signature"} <= keys  # fmt: skip
    for language in ("zh_hans", "en"):
        template = form["publication"]["template"][language]
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert fields <= keys, fields - keys
    assert set(form["publication"]["shown_fields"]) <= keys


def test_handbook_and_card_sections_present():
    assert set(data.DOCUMENTS) == {"handbook", "post_card", "emergency_card"}
    handbook = {s["key"] for s in data.DOCUMENTS["handbook"]}
    assert {"major_hazard_installations", "daily_commitment"} <= handbook
    assert data.EMERGENCY_CARDS


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda c: c["risk_points"][0]["events"][0]["accident_types"].append("21"), "GB 6441"),
        (lambda c: c["risk_points"][0]["hazard_factors"].append({"code": "2103", "text": shape.text("电", "Electric")}), "13861"),
        (lambda c: c["risk_points"].append(copy.deepcopy(c["risk_points"][0])), "used twice"),
        (lambda c: c["risk_points"][0]["name"].update(zh_hans="Tank farm"), "Chinese"),
        (lambda c: c["criteria"][0]["sections"][0]["items"][0].update(major_hazard=False, hazard_grade="general"), "major hazard"),
        (lambda c: c.update(checklists=[x for x in c["checklists"] if "utilities" not in x["operations"]]), "no checklist"),
        (lambda c: c["risk_points"][0]["events"][0]["assessment"]["inputs"].update(L=7), "method's table"),
        (lambda c: c["risk_points"][0].update(control_level="post"), "not controlled"),
    ],
)  # fmt: skip
def test_the_integrity_check_catches_broken_content(breakage, expected):
    broken = copy.deepcopy(CONTENT)
    breakage(broken)
    assert any(expected in problem for problem in content_problems(broken))


def _checks():
    return {
        q["key"]: (definition, section, q)
        for definition in data.CHECKLISTS
        for section in definition["sections"]
        for q in shape.iter_questions(section["items"])
        if q["type"] == "check"
    }


def test_the_emergency_shut_off_is_major_only_for_grade_1_and_2_tank_farms():
    """Item 5 of 安监总管三〔2017〕121号 covers 一级、二级 major hazard tank farms."""
    checks = _checks()
    _definition, section, item = checks["emergency_shutoff"]
    assert item["hazard_grade"] == "major"
    assert section["show_if"] == {
        "question": "major_hazard_grade",
        "equals": "grade_1_2",
    }
    assert checks["independent_sis"][1] is section
    # The remote operation of the valves is a general check for every grade.
    _definition, section, item = checks["shutoff_valves_sound"]
    assert item["hazard_grade"] == "general"
    assert section["show_if"] == {"question": "is_major_hazard", "equals": "yes"}


@pytest.mark.parametrize(
    ("key", "added_condition"),
    [
        ("toxic_detectors", "联锁"),
        ("safety_valves_ok", "校验"),
        ("reaction_assessment", "落实"),
        ("procedures_limits", "受控"),
        ("warehouse_ex_electrics", "开关"),
        ("h2s_detectors", "有效"),
        ("emergency_shutoff", "远程"),
    ],
)
def test_a_major_check_adds_no_condition_to_its_criterion(key, added_condition):
    """The condition moved to a general check; the major one says the criterion."""
    item = _checks()[key][2]
    assert item["hazard_grade"] == "major"
    assert added_condition not in item["text"]["zh_hans"]


def test_the_fine_chemical_assessment_is_asked_of_fine_chemical_enterprises():
    """Item 19: 精细化工企业未按规定开展反应安全风险评估 (not a key-process condition)."""
    item = _checks()["reaction_assessment"][2]
    assert item["show_if"] == {"question": "fine_chemical", "equals": "yes"}


@pytest.mark.parametrize(
    ("key", "basis"),
    [
        ("accountability_posted", "应急厅〔2021〕12号"),
        ("chlorine_absorption", "GB 11984-2008"),
        ("cylinders_inspected", "TSG 23-2021"),
    ],
)
def test_checks_cite_their_real_basis(key, basis):
    item = _checks()[key][2]
    assert [b["document"] for b in item["basis"]] == [basis]


def test_the_inspection_schedules_follow_the_guideline_and_the_baobao_rules():
    schedules = {s["key"]: s for s in data.SCHEDULES}
    period = {
        k: s["every"]
        and (s["every"]["every"], s["every"]["unit"], s["every"].get("times", 1))
        for k, s in schedules.items()
    }
    assert period["operator_rounds"] == (2, "hour", 1)
    assert period["operator_rounds_key_units"] == (1, "hour", 1)
    assert period["technical_checks"] == (1, "day", 2)
    assert period["workshop_checks"] == (1, "week", 1)
    assert period["plant_checks"] == (1, "month", 1)
    assert period["seasonal_checks"] == (1, "quarter", 1)
    assert period["company_comprehensive"] == (6, "month", 1)
    assert period["base_unit_comprehensive"] == (1, "quarter", 1)
    assert period["hazop_key_units"] == (3, "year", 1)
    assert period["hazop_other_units"] == (5, "year", 1)
    assert period["baobao_technical"] == (1, "quarter", 1)
    assert period["baobao_operational"] == (1, "week", 1)
    assert period["baobao_main"] is None and schedules["baobao_main"]["triggers"] == []
    assert set(schedules["baobao_technical"]["triggers"]) == {
        "before_major_event",
        "key_period",
        "before_holiday",
    }
    assert schedules["operator_rounds_key_units"]["applies_to"] == "key_units"
    assert {s["basis"]["document"] for s in data.SCHEDULES} == {
        "应急〔2019〕78号",
        "应急厅〔2021〕12号",
    }
