"""The road transport pack's content holds together and feeds its scoring rule."""

import copy
import re
from pathlib import Path

import pytest
from safegrid_road_transport import data, road_transport_check

from plugins.pack_support import content as shape
from plugins.pack_support.checklist_input import rule_input
from plugins.pack_support.validation import problems as content_problems

CJK = re.compile(r"[\u3400-\u9fff]")
CONTENT = data.content()
SEEDED = [(3, 1), (3, 2), (3, 3), (3, 4), (3, 5), (4, 1), (6, 2), (None, 1)]


def all_questions(definition):
    return [q for s in definition["sections"] for q in shape.iter_questions(s["items"])]


def criteria_items():
    """The seeded criteria (a second check answering one of them is left out)."""
    return [
        q
        for q in all_questions(data.CRITERIA[0])
        if q["type"] == "check" and not q.get("criterion")
    ]


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


def test_only_the_checked_items_are_seeded_all_major():
    items = criteria_items()
    assert [(q["article"], q["item"]) for q in items] == SEEDED
    assert [q["key"] for q in items] == [
        "art3_1", "art3_2", "art3_3", "art3_4", "art3_5", "art4_1", "art6_2", "taxi_1",
    ]  # fmt: skip
    for q in items:
        assert q["major_hazard"] is True and q["hazard_grade"] == "major"
    assert next(q for q in items if q["key"] == "art3_5")["catch_all"] is True
    (edition,) = data.CRITERIA_EDITIONS
    assert edition["effective"] == "2023-10-01" and edition["status"] == "current"
    assert edition["counts"] == {"seeded": 8}
    assert len(edition["not_loaded"]) == 5


def test_criteria_keys_are_those_of_the_scoring_rule():
    rule_keys = [c.key for c in road_transport_check.CRITERIA]
    assert [q["key"] for q in criteria_items()] == rule_keys


def test_readme_says_the_rest_is_not_loaded():
    readme = Path(__file__).resolve().parents[1] / "README.md"
    content = readme.read_text(encoding="utf-8")
    assert "not yet loaded" in content
    assert "交办运〔2023〕52号" in content


def test_filled_checklists_are_accepted_by_the_rule():
    for checklist in data.CHECKLISTS + data.CRITERIA:
        answers = {}
        for q in all_questions(checklist):
            if q["type"] == "check":
                answers[q["key"]] = "compliant"
        groups = [
            q for s in checklist["sections"] for q in s["items"] if q["type"] == "group"
        ]
        for group in groups:
            answers[group["key"]] = [
                {
                    q["key"]: "compliant"
                    for q in group["questions"]
                    if q["type"] == "check"
                }
            ]
        payload = rule_input(checklist, answers)
        assert road_transport_check.validate(payload) == [], checklist["key"]
        assert road_transport_check.evaluate(payload)["passed"] is True


def test_a_non_compliant_criterion_item_fails_the_inspection():
    checklist = next(
        c for c in data.CHECKLISTS if c["key"] == "rt_dangerous_goods_vehicle"
    )
    answers = {
        q["key"]: "compliant" for q in all_questions(checklist) if q["type"] == "check"
    }
    answers["within_payload"] = "non_compliant"
    result = road_transport_check.evaluate(rule_input(checklist, answers))
    assert result["passed"] is False
    assert [row["key"] for row in result["major_hazards"]] == ["art6_2"]


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda c: [e["measures"].clear() for e in c["risk_points"][0]["events"]], "no measure of type"),
        (lambda c: c["checklists"][0]["sections"][0]["items"][2].update(criterion="art9_9"), "unknown criterion"),
        (lambda c: c["monitored_parameters"][0]["thresholds"][0].pop("basis"), "basis or the typical"),
    ],
)  # fmt: skip
def test_the_integrity_check_catches_broken_content(breakage, expected):
    broken = copy.deepcopy(CONTENT)
    breakage(broken)
    assert any(expected in problem for problem in content_problems(broken))


@pytest.mark.parametrize(
    ("first", "check", "answers", "major"),
    [
        # Art. 3(3), first case: long-standing 三超一疲劳 and not handled.
        ("art3_3_long_standing", "art3_3", ("yes", "compliant"), False),
        ("art3_3_long_standing", "art3_3", ("no", "non_compliant"), False),
        ("art3_3_long_standing", "art3_3", ("yes", "non_compliant"), True),
        # Second case: 10 or more points at once and kept at work.
        ("art3_3_ten_points", "art3_3_points", ("yes", "compliant"), False),
        ("art3_3_ten_points", "art3_3_points", ("no", "non_compliant"), False),
        ("art3_3_ten_points", "art3_3_points", ("yes", "non_compliant"), True),
    ],
)
def test_art_3_3_is_major_only_when_both_conditions_hold(first, check, answers, major):
    """交办运〔2023〕52号 Art. 3(3): "……长期‘三超一疲劳’且……未……" — both."""
    criteria = data.CRITERIA[0]
    shown = {first: answers[0], "art3_1": "compliant"}
    if answers[0] == "yes":  # the criterion is asked only then
        shown[check] = answers[1]
    result = road_transport_check.evaluate(rule_input(criteria, shown))
    found = [row["key"] for row in result["major_hazards"]]
    assert found == (["art3_3"] if major else [])


def test_art_3_2_keeps_its_catch_all():
    item = next(q for q in criteria_items() if q["key"] == "art3_2")
    assert "以及其他不符合国家规定的车辆装备、设施设备" in item["text"]["zh_hans"]
