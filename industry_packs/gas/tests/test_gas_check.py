"""The ``gas_check`` rule: our own deduction score with 建城规〔2023〕4号 as automatic fails.

Method (pack README): score = points scored / points of the items checked × 100,
deductions capped at each item's full score; pass mark 80 unless the input
sets one; any criterion of the standard answered non-compliant fails the
inspection, except an Art. 9 user-check finding the operator notified in
writing.
"""

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator
from safegrid_gas import gas_check

from plugins.contributions import ScoringRule
from plugins.manager import build_plugin_manager
from plugins.pack_support.scoring import ScoringInputError


def item(key, full, **answer):
    return {"key": key, "full_score": full, **answer}


def test_score_with_capping_and_missing_items():
    """Items: a 10 (−3), b 10 missing, c 5 (−9, capped at 5), d 20 (−2).

    Points scored: 7 + 0 + 18 = 25 of 10 + 5 + 20 = 35 checked →
    25 / 35 × 100 = 71.428… → shown 71.42; below 80 → fail.
    """
    result = gas_check.evaluate(
        {
            "items": [
                item("a", 10, deduction=3),
                item("b", 10, missing=True),
                item("c", 5, deduction=9),
                item("d", 20, deduction=2),
            ]
        }
    )
    assert (result["points_scored"], result["points_checked"]) == (25.0, 35.0)
    assert result["score"] == 71.42
    assert result["items"][2]["capped"] is True
    assert (result["passed"], result["grade"], result["automatic_fail"]) == (
        False,
        "fail",
        False,
    )
    assert [r["code"] for r in result["fail_reasons"]] == ["below_pass_mark"]


@pytest.mark.parametrize(
    ("deduction", "pass_mark", "passed"),
    [
        (20, None, True),  # 80 of 100: exactly the default pass mark
        (20.01, None, False),  # 79.99
        (40, 60, True),  # 60 with a pass mark of 60
        (40.5, 60, False),
    ],
)
def test_pass_mark_boundary(deduction, pass_mark, passed):
    payload = {"items": [item("x", 100, deduction=deduction)]}
    if pass_mark is not None:
        payload["pass_mark"] = pass_mark
    result = gas_check.evaluate(payload)
    assert result["passed"] is passed
    assert result["pass_mark"] == (pass_mark or 80)


def test_a_major_hazard_fails_even_a_full_score():
    """Full marks on the items, but no warning odour in the gas (Art. 8)."""
    with translation.override("en"):
        result = gas_check.evaluate(
            {
                "items": [item("x", 10, deduction=0)],
                "major_hazard_criteria": {
                    "art8": {"status": "non_compliant"},
                    "art4_1": {"status": "compliant"},
                },
            }
        )
    assert result["score"] == 100.0
    assert (result["passed"], result["automatic_fail"]) == (False, True)
    assert [h["key"] for h in result["major_hazards"]] == ["art8"]
    assert result["major_hazards"][0]["article_zh"] == "第八条"
    assert "Art. 8" in result["fail_reasons"][0]["message"]


def test_art_9_is_major_only_when_the_user_was_not_notified_in_writing():
    notified = gas_check.evaluate(
        {
            "major_hazard_criteria": {
                "art9_2": {"status": "non_compliant", "notified_in_writing": True}
            }
        }
    )
    assert notified["passed"] is True
    assert notified["score"] is None
    assert [h["key"] for h in notified["notified_user_conditions"]] == ["art9_2"]

    not_notified = gas_check.evaluate(
        {
            "major_hazard_criteria": {
                "art9_2": {"status": "non_compliant", "notified_in_writing": False}
            }
        }
    )
    assert not_notified["passed"] is False
    assert [h["key"] for h in not_notified["major_hazards"]] == ["art9_2"]


def test_art_9_findings_must_say_whether_the_user_was_notified():
    with translation.override("en"):
        problems = gas_check.validate(
            {"major_hazard_criteria": {"art9_1": {"status": "non_compliant"}}}
        )
    assert problems == [
        {
            "path": "/major_hazard_criteria/art9_1/notified_in_writing",
            "message": "This field is required.",
        }
    ]


def test_the_catch_all_needs_a_note():
    problems = gas_check.validate(
        {"major_hazard_criteria": {"art10": {"status": "non_compliant", "note": ""}}}
    )
    assert [p["path"] for p in problems] == ["/major_hazard_criteria/art10/note"]
    ok = gas_check.evaluate(
        {
            "major_hazard_criteria": {
                "art10": {
                    "status": "non_compliant",
                    "note": "leaking main under a school",
                }
            }
        }
    )
    assert ok["major_hazards"][0]["note"] == "leaking main under a school"


def test_bad_input_is_refused_at_its_field():
    payload = {
        "items": [item("a", 5, score=6), item("a", 5, score=1)],
        "major_hazard_criteria": {"art11": {"status": "non_compliant"}},
    }
    with translation.override("en"):
        problems = gas_check.validate(payload)
    assert [p["path"] for p in problems] == ["/major_hazard_criteria/art11"]
    del payload["major_hazard_criteria"]
    with translation.override("en"):
        problems = gas_check.validate(payload)
        with pytest.raises(ScoringInputError):
            gas_check.evaluate(payload)
    assert [p["path"] for p in problems] == ["/items/0/score", "/items/1/key"]
    assert gas_check.validate({"items": []})[0]["path"] == ""


def test_the_22_criteria_of_the_standard():
    """Arts. 4/5/6/7/9 have 5 + 5 + 3 + 3 + 4 items; Arts. 8 and 10 are whole."""
    keys = [c.key for c in gas_check.CRITERIA]
    assert len(keys) == 22
    for article, count in {4: 5, 5: 5, 6: 3, 7: 3, 9: 4}.items():
        assert [k for k in keys if k.startswith(f"art{article}_")] == [
            f"art{article}_{n}" for n in range(1, count + 1)
        ]
    assert "art8" in keys and "art10" in keys
    flagged = [c.key for c in gas_check.CRITERIA if c.major_only_if_not_notified]
    assert flagged == ["art9_1", "art9_2", "art9_3", "art9_4"]
    assert [c.key for c in gas_check.CRITERIA if c.catch_all] == ["art10"]


def test_input_schema_and_contribution():
    Draft202012Validator.check_schema(gas_check.INPUT_SCHEMA)
    manager = build_plugin_manager(["gas"])
    rules = {
        rule.key: (n, rule) for n, rule in manager.collect("safegrid_scoring_rules")
    }
    pack, rule = rules["gas_check"]
    assert pack == "gas"
    assert isinstance(rule, ScoringRule)
    assert rule.problems() == []
