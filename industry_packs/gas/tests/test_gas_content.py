"""The gas pack's content holds together and feeds its scoring rule."""

import copy
import re
from collections import Counter

import pytest
from safegrid_gas import data, gas_check

from plugins.pack_support import content as shape
from plugins.pack_support.checklist_input import rule_input
from plugins.pack_support.validation import problems as content_problems

CJK = re.compile(r"[\u3400-\u9fff]")
CONTENT = data.content()


def all_questions(definition):
    return [q for s in definition["sections"] for q in shape.iter_questions(s["items"])]


def criteria_items():
    return [q for q in all_questions(data.CRITERIA[0]) if q["type"] == "check"]


def checklist(key):
    return next(c for c in data.CHECKLISTS if c["key"] == key)


def test_content_has_no_problems():
    assert data.problems() == []


def test_at_least_fifteen_risk_points():
    assert len(data.RISK_POINTS) >= 15


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


def test_accident_types_and_hazard_codes():
    codes = {f"{n:02d}" for n in range(1, 21)}
    for point in data.RISK_POINTS:
        for item in point["hazard_factors"]:
            assert item["code"] in shape.HAZARD_FACTOR_CODES, item["code"]
        for event in point["events"]:
            assert event["accident_types"] and set(event["accident_types"]) <= codes


def test_every_label_has_chinese_text():
    for path, value in shape.iter_texts(CONTENT):
        assert CJK.search(value["zh_hans"]), path
        assert value["en"].strip(), path


def test_every_main_operation_has_a_checklist():
    for operation in data.OPERATIONS:
        assert any(operation["key"] in c["operations"] for c in data.CHECKLISTS), (
            operation
        )


def test_criteria_are_22_across_articles_4_to_10_all_major():
    items = criteria_items()
    assert len(items) == 22
    assert Counter(q["article"] for q in items) == {
        4: 5,
        5: 5,
        6: 3,
        7: 3,
        8: 1,
        9: 4,
        10: 1,
    }
    assert [q["item"] for q in items if q["article"] in (8, 10)] == [None, None]
    assert len([q for q in items if q["item"] is not None]) == 20
    for q in items:
        assert q["major_hazard"] is True and q["hazard_grade"] == "major"
    (edition,) = data.CRITERIA_EDITIONS
    assert edition["document"] == "建城规〔2023〕4号" and edition["status"] == "current"
    assert edition["counts"]["criteria"] == 22


def test_article_9_items_need_the_unnotified_precondition():
    questions = {q["key"]: q for q in all_questions(data.CRITERIA[0])}
    for q in criteria_items():
        if q["article"] == 9:
            condition = q["precondition"]
            assert condition["key"] == "found_in_user_check_and_not_notified_in_writing"
            follow_up = questions[condition["question"]]
            assert follow_up["show_if"] == {
                "question": q["key"],
                "equals": "non_compliant",
            }
        else:
            assert "precondition" not in q
    assert next(q for q in criteria_items() if q["key"] == "art10")["catch_all"] is True


def test_criteria_keys_are_those_of_the_scoring_rule():
    assert [q["key"] for q in criteria_items()] == [c.key for c in gas_check.CRITERIA]
    flagged = {c.key for c in gas_check.CRITERIA if c.major_only_if_not_notified}
    assert flagged == {q["key"] for q in criteria_items() if "precondition" in q}


def compliant_answers(definition):
    answers = {}
    for sec in definition["sections"]:
        for q in sec["items"]:
            if q["type"] == "check":
                answers[q["key"]] = "compliant"
            elif q["type"] == "group":
                answers[q["key"]] = [
                    {
                        g["key"]: "compliant"
                        for g in q["questions"]
                        if g["type"] == "check"
                    }
                ]
    return answers


def test_filled_checklists_are_accepted_by_the_rule():
    for definition in data.CHECKLISTS + data.CRITERIA:
        payload = rule_input(definition, compliant_answers(definition))
        assert gas_check.validate(payload) == [], definition["key"]
        assert gas_check.evaluate(payload)["passed"] is True


def test_an_unnotified_user_finding_is_major_a_notified_one_is_not():
    residential = checklist("gas_residential_user_check")
    answers = compliant_answers(residential)
    answers["no_riser_in_bathroom"] = "non_compliant"
    answers["no_riser_in_bathroom_notified"] = "yes"
    result = gas_check.evaluate(rule_input(residential, answers))
    assert result["major_hazards"] == []
    assert [row["key"] for row in result["notified_user_conditions"]] == ["art9_2"]
    answers["no_riser_in_bathroom_notified"] = "no"
    result = gas_check.evaluate(rule_input(residential, answers))
    assert [row["key"] for row in result["major_hazards"]] == ["art9_2"]
    assert result["passed"] is False


def test_station_checklist_has_tanks_numbers_and_conditions():
    station = checklist("gas_station")
    questions = {q["key"]: q for q in all_questions(station)}
    assert questions["tanks"]["repeatable"] is True
    assert questions["tanks"]["show_if"] == {"question": "has_tanks", "equals": "yes"}
    assert (
        questions["alarm_setpoint"]["unit"],
        questions["alarm_setpoint"]["warn_max"],
    ) == ("%LEL", 20)
    assert questions["fixed_gas_alarms"]["criterion"] == "art5_5"


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda c: c["criteria"][0]["sections"][5]["items"][0]["precondition"].update(question="nope"), "precondition question missing"),
        (lambda c: c["risk_points"][0].update(kind="pipeline"), "unknown kind"),
        (lambda c: c["documents"]["handbook"].append(copy.deepcopy(c["documents"]["handbook"][0])), "used twice"),
    ],
)  # fmt: skip
def test_the_integrity_check_catches_broken_content(breakage, expected):
    broken = copy.deepcopy(CONTENT)
    breakage(broken)
    assert any(expected in problem for problem in content_problems(broken))


def _criteria():
    return {
        q["key"]: q for q in all_questions(data.CRITERIA[0]) if q["type"] == "check"
    }


def test_art_7_2_covers_any_missing_licence_of_the_filler():
    """建城规〔2023〕4号 7(2): 销售未经许可的充装单位充装的瓶装燃气 — any licence
    the filler lacks, not only the gas business licence."""
    text = _criteria()["art7_2"]["text"]["zh_hans"]
    assert "未经许可的充装单位" in text
    assert "燃气经营许可证" not in text


def test_art_8_keeps_the_standards_requirement():
    """Art. 8: 供应不具有标准要求警示性臭味燃气 — the odour the standards require."""
    assert "标准要求" in _criteria()["art8"]["text"]["zh_hans"]


def test_a_question_type_the_forms_engine_lacks_is_a_problem(monkeypatch):
    """The content's question types become the forms engine's registered
    types; one mapped onto a type the engine does not register is reported."""
    assert content_problems(CONTENT) == []
    monkeypatch.setitem(shape.QUESTION_BLOCKS, "check", ("check_list", {}))
    assert any(
        "the forms engine has no question type 'check_list'" in problem
        for problem in content_problems(CONTENT)
    )
