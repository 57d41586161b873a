"""The risk hooks: scoring rules, direct determination, the risk library."""

import pytest

from core.risks.checks import risk_contribution_errors
from core.scoring import InvalidInputs, ScoringEngine
from plugins import hookimpl
from plugins.contributions import (
    DirectCondition,
    I18nText,
    LevelThresholds,
    RiskLibraryEntry,
    RiskLibraryEvent,
    ScoringRule,
)
from plugins.manager import build_plugin_manager
from tests.dummy_pack import plugin as dummy


def manager_with(*plugins):
    return build_plugin_manager([], extra_plugins=list(plugins))


def test_builtin_methods_come_through_safegrid_scoring_rules():
    manager = manager_with()
    rules = {item.key: name for name, item in manager.collect("safegrid_scoring_rules")}
    assert rules == {
        "lec": "safegrid.default_scoring",
        "ls": "safegrid.default_scoring",
        "mes": "safegrid.default_scoring",
        "direct": "safegrid.default_scoring",
    }
    assert risk_contribution_errors(manager) == []


def test_dummy_pack_contributions_are_attributed_to_it():
    manager = manager_with(("dummy", dummy))
    assert ("dummy", "dummy_grade") in [
        (name, rule.key) for name, rule in manager.collect("safegrid_scoring_rules")
    ]
    conditions = manager.collect("safegrid_direct_determination_conditions")
    assert ("dummy", "dummy_big_site") in [(n, c.key) for n, c in conditions]
    library = manager.collect("safegrid_risk_library")
    assert [(n, e.key) for n, e in library] == [("dummy", "dummy_tank")]
    assert risk_contribution_errors(manager) == []


def test_a_risk_rule_without_thresholds_grades_itself():
    registry = ScoringEngine(manager_with(("dummy", dummy)))
    assert registry.evaluate("dummy_grade", {"state": "hot"}).level == "major"
    evaluation = registry.evaluate("dummy_grade", {"state": "cold"})
    assert (evaluation.level, evaluation.pack) == ("low", "dummy")


def test_other_kinds_return_their_own_result():
    registry = ScoringEngine(manager_with(("dummy", dummy)))
    evaluation = registry.evaluate("dummy_count", {"items": [1, 2, 3]})
    assert evaluation.kind == "checklist"
    assert evaluation.level is None
    assert evaluation.details == {"value": 6, "passed": True}


def test_a_pack_condition_raises_only_for_its_industries():
    registry = ScoringEngine(manager_with(("dummy", dummy)))
    inputs = {"L": 1, "S": 2, "direct_conditions": ["dummy_big_site"]}
    evaluation = registry.evaluate("ls", inputs, industries=["dummy"])
    assert (evaluation.scored_level, evaluation.level) == ("low", "significant")
    assert evaluation.direct_reasons[0]["pack"] == "dummy"
    # It never lowers: a major score stays major.
    major = registry.evaluate("ls", {**inputs, "L": 5, "S": 5}, industries=["dummy"])
    assert major.level == "major"
    with pytest.raises(InvalidInputs) as caught:
        registry.evaluate("ls", inputs, industries=["chemicals"])
    assert caught.value.as_list()[0]["path"] == "/direct_conditions/0"


class BrokenPack:
    @hookimpl
    def safegrid_scoring_rules(self):
        return [
            ScoringRule(
                key="Bad Key",
                title=I18nText("坏", ""),
                input_schema={"type": "object"},
                evaluate=lambda inputs: {},
            ),
            ScoringRule(
                key="bad_schema",
                title=I18nText("坏", "Bad"),
                input_schema={"type": "thing"},
                evaluate=lambda inputs: {},
            ),
            ScoringRule(
                key="lec",  # taken by the platform
                title=I18nText("抢", "Taken"),
                input_schema={"type": "object"},
                evaluate=lambda inputs: {},
            ),
            ScoringRule(
                key="unordered",
                title=I18nText("乱", "Unordered"),
                input_schema={"type": "object"},
                evaluate=lambda inputs: {},
                default_thresholds=LevelThresholds(major=1, significant=5, general=2),
                value_range=(0, 10),
            ),
            "not a rule",
        ]

    @hookimpl
    def safegrid_direct_determination_conditions(self):
        return [
            DirectCondition(
                key="too_high", title=I18nText("高", "High"), raises_to="extreme"
            )
        ]

    @hookimpl
    def safegrid_risk_library(self):
        return [
            RiskLibraryEntry(
                key="thing",
                industry="x",
                name=I18nText("物", "Thing"),
                kind="spaceship",
                events=(
                    RiskLibraryEvent(name=I18nText("事", "Event"), accident_types=()),
                ),
            )
        ]


def test_broken_risk_contributions_stop_start_up():
    errors = risk_contribution_errors(manager_with(("broken", BrokenPack())))
    by_id = {}
    for error in errors:
        by_id.setdefault(error.id, []).append(error.msg)
    assert any("'Bad Key'" in m for m in by_id["safegrid.E010"])
    assert any("not a valid JSON Schema" in m for m in by_id["safegrid.E010"])
    assert any("must decrease strictly" in m for m in by_id["safegrid.E010"])
    assert any("extreme" in m for m in by_id["safegrid.E011"])
    assert any("spaceship" in m for m in by_id["safegrid.E012"])
    assert any("no accident type" in m for m in by_id["safegrid.E012"])
    assert any("'not a rule'" in m for m in by_id["safegrid.E013"])
    assert any("'lec'" in m and "broken" in m for m in by_id["safegrid.E014"])
    # The registry keeps the platform's lec and leaves the broken rules out.
    registry = ScoringEngine(manager_with(("broken", BrokenPack())))
    assert registry.get("lec").pack == "safegrid.default_scoring"
    assert "bad_schema" not in registry.rules


@pytest.mark.django_db
def test_the_risk_library_selector_filters_by_industry(enable_packs):
    from core.risks.selectors import risk_library

    enable_packs(extra=[("dummy", dummy)])
    assert [i.entry.key for i in risk_library(industry_codes=["dummy"])] == [
        "dummy_tank"
    ]
    assert risk_library(industry_codes=["chemicals"]) == []
