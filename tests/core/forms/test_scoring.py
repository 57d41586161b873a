"""Scoring: points, deductions, not applicable, guarantee items, rules, pass mark."""

from __future__ import annotations

import pytest

from core.forms.definition import compile_definition
from core.forms.rules import checklist_rules
from core.forms.scoring import score_answers
from core.forms.services import definition_check
from plugins.manager import build_plugin_manager, set_plugin_manager
from tests.dummy_pack import plugin as dummy


def item(key, points, *, guarantee=False, deduction=None, group=None):
    value = {"key": key, "label": key, "points": points, "guarantee": guarantee}
    if deduction is not None:
        value["deduction"] = deduction
    return {"type": "check_item", "value": value}


def section(key, *questions, weight=1, floor=None, zero_if_fails=False):
    return {
        "type": "section",
        "value": {
            "key": key,
            "title": key,
            "weight": weight,
            "guarantee_floor": floor,
            "zero_if_guarantee_item_fails": zero_if_fails,
            "questions": list(questions),
        },
    }


def plan(blocks, **scoring):
    raw, problems = definition_check(blocks)
    assert problems == []
    return compile_definition(raw, scoring=scoring).scoring


def answers(**results):
    return {key: {"result": result} for key, result in results.items()}


def test_points_deductions_and_not_applicable():
    scoring = plan(
        [
            section(
                "s",
                item("a", 10),
                item("b", 5, deduction=2),
                item("c", 4),
                item("d", 6),
            )
        ],
        rule="sum",
    )
    result = score_answers(
        scoring,
        answers(
            a="compliant", b="non_compliant", c="non_compliant", d="not_applicable"
        ),
    )
    # a: 10 of 10; b: 5 - 2 = 3 of 5; c: 0 of 4; d: left out.
    assert (result.score, result.max_score, result.percent) == (13.0, 19.0, 68.42)
    by_key = {i.key: i for i in result.items}
    assert by_key["b"].deduction == 2.0 and by_key["c"].deduction == 4.0
    assert by_key["d"].earned is None


def test_guarantee_items_below_the_floor_zero_the_section():
    blocks = [
        section(
            "table",
            item("g1", 20, guarantee=True),
            item("g2", 20, guarantee=True),
            item("g3", 20, guarantee=True, deduction=15),
            item("general", 40),
            floor=40,
        )
    ]
    scoring = plan(blocks, rule="sum")
    passing = score_answers(
        scoring,
        answers(
            g1="compliant", g2="compliant", g3="non_compliant", general="compliant"
        ),
    )
    assert passing.sections[0].guarantee_score == 45.0  # 20 + 20 + 5
    assert not passing.sections[0].zeroed and passing.score == 85.0
    failing = score_answers(
        scoring,
        answers(
            g1="compliant", g2="non_compliant", g3="non_compliant", general="compliant"
        ),
    )
    # guarantee items: 20 + 0 + 5 = 25 < 40: the whole section scores 0.
    assert (
        failing.sections[0].zeroed
        and failing.sections[0].zeroed_reason == "guarantee_floor"
    )
    assert failing.score == 0.0 and failing.max_score == 100.0


def test_not_applicable_guarantee_items_are_scaled_to_the_full_basis():
    blocks = [
        section(
            "table",
            item("g1", 30, guarantee=True),
            item("g2", 30, guarantee=True),
            floor=40,
        )
    ]
    scoring = plan(blocks)
    # Only g1 checked and compliant: 30 of 30, scaled to 60 of 60: above 40.
    result = score_answers(scoring, answers(g1="compliant", g2="not_applicable"))
    assert result.sections[0].guarantee_score == 60.0 and not result.sections[0].zeroed
    # g1 checked and failing: 0 of 30 → 0: below the floor.
    result = score_answers(scoring, answers(g1="non_compliant", g2="not_applicable"))
    assert result.sections[0].zeroed


def test_any_guarantee_item_at_zero_can_zero_the_section():
    blocks = [
        section(
            "t",
            item("g1", 10, guarantee=True),
            item("g2", 10, guarantee=True),
            item("x", 10),
            zero_if_fails=True,
        )
    ]
    result = score_answers(
        plan(blocks), answers(g1="compliant", g2="non_compliant", x="compliant")
    )
    assert (
        result.sections[0].zeroed
        and result.sections[0].zeroed_reason == "guarantee_item_zero"
    )
    assert result.score == 0.0


def test_weighted_sum_of_section_percentages():
    blocks = [
        section("a", item("a1", 10), item("a2", 10), weight=30),
        section("b", item("b1", 5), weight=70),
        section("c", item("c1", 5), weight=50),  # all not applicable: left out
    ]
    result = score_answers(
        plan(blocks, rule="weighted"),
        answers(
            a1="compliant", a2="non_compliant", b1="compliant", c1="not_applicable"
        ),
    )
    # (50% × 30 + 100% × 70) / (30 + 70) = 85
    assert result.score == 85.0 and result.max_score == 100.0


def test_pass_mark_and_failing_on_a_zeroed_section():
    blocks = [section("t", item("g", 10, guarantee=True), item("x", 90), floor=5)]
    scoring = plan(blocks, rule="sum", pass_mark=80)
    assert score_answers(scoring, answers(g="compliant", x="compliant")).passed is True
    low = score_answers(scoring, answers(g="non_compliant", x="compliant"))
    assert low.sections[0].zeroed and low.passed is False
    strict = plan(blocks, rule="sum", pass_mark=0, fail_if_section_zeroed=True)
    assert (
        score_answers(strict, answers(g="non_compliant", x="compliant")).passed is False
    )
    assert (
        score_answers(plan(blocks, rule="sum"), answers(g="compliant")).passed is None
    )
    assert (
        score_answers(plan(blocks, rule="none"), answers(g="compliant")).score is None
    )


def test_check_items_in_a_repeatable_group_count_per_entry():
    blocks = [
        {
            "type": "group",
            "value": {
                "key": "tanks",
                "label": "Tanks",
                "fields": [item("sealed", 5)],
            },
        }
    ]
    scoring = plan(blocks)
    result = score_answers(
        scoring,
        {
            "tanks": [
                {"sealed": {"result": "compliant"}},
                {"sealed": {"result": "non_compliant"}},
            ]
        },
    )
    assert (result.score, result.max_score) == (5.0, 10.0)
    assert [i.entry for i in result.items] == [0, 1]


@pytest.fixture
def dummy_rules():
    set_plugin_manager(build_plugin_manager([], extra_plugins=[("dummy", dummy)]))
    yield
    set_plugin_manager(None)


def test_a_plugin_rule_scores_from_the_breakdown(dummy_rules):
    rules = checklist_rules()
    assert "dummy_checklist" in rules
    assert "lec" not in rules  # risk methods are not form rules
    blocks = [
        section("a", item("a1", 10), item("a2", 10)),
        section("b", item("b1", 10)),
    ]
    result = score_answers(
        plan(blocks, rule="dummy_checklist"),
        answers(a1="compliant", a2="non_compliant", b1="compliant"),
    )
    assert result.score == 50.0 and result.grade == "B" and result.error is None


def test_an_unavailable_plugin_rule_keeps_the_breakdown_and_says_why():
    from django.utils import translation

    blocks = [section("a", item("a1", 10))]
    with translation.override("en"):
        result = score_answers(plan(blocks, rule="gone"), answers(a1="compliant"))
        assert result.score is None and "not available" in str(result.error)
    assert result.sections[0].score == 10.0
