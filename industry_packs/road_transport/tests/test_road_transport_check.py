"""The ``road_transport_check`` rule: our own deduction score with 交办运〔2023〕52号
as automatic fails (method in the pack README)."""

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator
from safegrid_road_transport import road_transport_check as rule_module

from plugins.contributions import ScoringRule
from plugins.manager import build_plugin_manager
from plugins.pack_support.scoring import ScoringInputError


def item(key, full, **answer):
    return {"key": key, "full_score": full, **answer}


def test_score_of_an_enterprise_inspection():
    """Items: 动态监控 20 (−5), 安全例会 10 (−12 → capped at 10), 车辆维护 30 (score 27),
    应急演练 10 missing.

    Points: 15 + 0 + 27 = 42 of 20 + 10 + 30 = 60 checked → 42 / 60 × 100 = 70 → fail.
    """
    result = rule_module.evaluate(
        {
            "items": [
                item("monitoring", 20, deduction=5),
                item("safety_meetings", 10, deduction=12),
                item("maintenance", 30, score=27),
                item("drills", 10, missing=True),
            ]
        }
    )
    assert result["score"] == 70.0
    assert result["value"] == 70.0
    assert result["passed"] is False
    assert result["automatic_fail"] is False


def test_exactly_the_pass_mark_passes():
    """4 items of 25, 20 points off in all: 80 / 100 → passes at the default mark."""
    result = rule_module.evaluate(
        {"items": [item(f"i{n}", 25, deduction=5) for n in range(4)]}
    )
    assert (result["score"], result["passed"], result["grade"]) == (80.0, True, "pass")


def test_a_major_hazard_fails_the_inspection_whatever_the_score():
    """Full marks, but a scrapped coach in service (Art. 3(2)) and a ≥800 km line
    without the 02:00–05:00 stop (Art. 4(1))."""
    with translation.override("en"):
        result = rule_module.evaluate(
            {
                "items": [item("monitoring", 20, deduction=0)],
                "major_hazard_criteria": {
                    "art3_2": {"status": "non_compliant", "note": "coach 12 scrapped"},
                    "art4_1": {"status": "non_compliant"},
                    "art6_2": {"status": "not_applicable"},
                },
            }
        )
    assert result["score"] == 100.0
    assert (result["passed"], result["automatic_fail"]) == (False, True)
    assert [h["key"] for h in result["major_hazards"]] == ["art3_2", "art4_1"]
    assert [r["criterion"] for r in result["fail_reasons"]] == ["art3_2", "art4_1"]
    assert "Art. 3(2)" in result["fail_reasons"][0]["message"]
    assert "art6_2" not in result["criteria_not_checked"]
    assert "art3_1" in result["criteria_not_checked"]


def test_criteria_only_inspection_passes_without_a_score():
    result = rule_module.evaluate(
        {"major_hazard_criteria": {"art3_1": {"status": "compliant"}}}
    )
    assert (result["score"], result["passed"]) == (None, True)


def test_catch_all_needs_a_note_and_unknown_criteria_are_refused():
    payload = {
        "major_hazard_criteria": {
            "art3_5": {"status": "non_compliant"},
            "art5_1": {"status": "non_compliant"},  # not captured: not offered
        }
    }
    with translation.override("en"):
        problems = rule_module.validate(payload)
        with pytest.raises(ScoringInputError):
            rule_module.evaluate(payload)
    assert [p["path"] for p in problems] == [
        "/major_hazard_criteria/art3_5/note",
        "/major_hazard_criteria/art5_1",
    ]


def test_the_checked_criteria_are_listed():
    """FACTS-2 §2 build note: Art. 3 (1)–(5), Art. 4(1), Art. 6(2), taxi item (1)."""
    assert [c.key for c in rule_module.CRITERIA] == [
        "art3_1",
        "art3_2",
        "art3_3",
        "art3_4",
        "art3_5",
        "art4_1",
        "art6_2",
        "taxi_1",
    ]
    unverified = [c.key for c in rule_module.CRITERIA if not c.verified]
    assert unverified == ["taxi_1"]  # its article number is not confirmed


def test_input_schema_and_contribution():
    Draft202012Validator.check_schema(rule_module.INPUT_SCHEMA)
    manager = build_plugin_manager(["road_transport"])
    rules = {r.key: (n, r) for n, r in manager.collect("safegrid_scoring_rules")}
    pack, rule = rules["road_transport_check"]
    assert pack == "road_transport"
    assert isinstance(rule, ScoringRule)
    assert rule.problems() == []
