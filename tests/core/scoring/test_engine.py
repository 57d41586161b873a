"""The one scoring engine: one registry, one validation, one error semantics."""

import pytest
from django.apps import apps
from django.core.checks import run_checks
from django.utils import translation
from rest_framework.test import APIClient

import core.scoring.engine as engine_module
from core.forms.scoring import score_answers
from core.risks.services import risk_event_assess
from core.scoring import (
    InvalidInputs,
    RuleFailed,
    RuleKind,
    ScoringEngine,
    UnknownRule,
    scoring_engine,
)
from core.scoring.checks import scoring_contribution_errors
from plugins import hookimpl
from plugins.contributions import I18nText, ScoringInputError, ScoringRule
from plugins.manager import (
    build_plugin_manager,
    get_plugin_manager,
    set_plugin_manager,
)
from plugins.schema_errors import CompiledSchema
from tests.core.risks.conftest import reactor_data
from tests.dummy_pack import plugin as dummy

RULES = "/api/v1/scoring-rules/"


def _rule(key, kind, evaluate, schema=None):
    return ScoringRule(
        key=key,
        title=I18nText(key, key),
        kind=kind,
        input_schema=schema or {"type": "object"},
        evaluate=evaluate,
    )


def _fails(inputs):
    raise ZeroDivisionError


def _refuses(inputs):
    raise ScoringInputError([{"path": "/n", "message": "n must not be 7"}])


class KindsPack:
    """One working and one faulty rule of every kind but risk."""

    @hookimpl
    def safegrid_scoring_rules(self):
        rules = []
        for kind in (RuleKind.CHECKLIST, RuleKind.INSPECTION, RuleKind.MAJOR_HAZARD):
            rules.append(_rule(f"ok_{kind}", kind, lambda inputs: {"value": 1}))
            rules.append(_rule(f"faulty_{kind}", kind, _fails))
            rules.append(_rule(f"picky_{kind}", kind, _refuses))
        rules.append(_rule("faulty_risk", RuleKind.RISK, _fails))
        return rules


@pytest.fixture
def engine():
    return ScoringEngine(
        build_plugin_manager([], extra_plugins=[("kinds", KindsPack())])
    )


# -- one error semantics -------------------------------------------------------------


@pytest.mark.parametrize("kind", [None, *RuleKind])
def test_an_unknown_key_is_refused_alike_for_every_kind(engine, kind):
    for call in (
        lambda: engine.get("no_such_rule", kind),
        lambda: engine.validate("no_such_rule", {}, kind=kind),
        lambda: engine.evaluate("no_such_rule", {}, kind=kind),
    ):
        with pytest.raises(UnknownRule) as caught:
            call()
        assert caught.value.key == "no_such_rule"


@pytest.mark.parametrize("kind", list(RuleKind))
def test_a_rule_of_another_kind_is_unknown_to_who_asks_for_a_kind(engine, kind):
    other = "lec" if kind is not RuleKind.RISK else "ok_checklist"
    with pytest.raises(UnknownRule):
        engine.evaluate(other, {}, kind=kind)
    assert engine.get(other).key == other  # without a kind it is found


@pytest.mark.parametrize("kind", list(RuleKind))
def test_a_faulty_rule_fails_alike_for_every_kind(engine, kind):
    with pytest.raises(RuleFailed) as caught:
        engine.evaluate(f"faulty_{kind}", {})
    assert caught.value.reason == "ZeroDivisionError"
    assert isinstance(caught.value.__cause__, ZeroDivisionError)


@pytest.mark.parametrize("kind", [RuleKind.CHECKLIST, RuleKind.INSPECTION])
def test_problems_a_rule_finds_are_invalid_inputs_for_every_kind(engine, kind):
    with pytest.raises(InvalidInputs) as caught:
        engine.evaluate(f"picky_{kind}", {"n": 7})
    assert caught.value.as_list() == [
        {"path": "/n", "reason": "n must not be 7", "keyword": "rule"}
    ]


def test_rule_kinds_are_checked_at_start_up():
    class OddPack:
        @hookimpl
        def safegrid_scoring_rules(self):
            return [_rule("odd", "spaceship", lambda inputs: {})]

    manager = build_plugin_manager([], extra_plugins=[("odd", OddPack())])
    [error] = scoring_contribution_errors(manager)
    assert error.id == "safegrid.E010" and "'spaceship'" in error.msg
    assert "odd" not in scoring_engine(manager).rules


def test_malformed_own_messages_are_a_start_up_error():
    class WordyPack:
        @hookimpl
        def safegrid_scoring_rules(self):
            schema = {"type": "object", "x-messages": {"type": {"en": "only English"}}}
            return [_rule("wordy", RuleKind.INSPECTION, lambda i: {}, schema)]

    manager = build_plugin_manager([], extra_plugins=[("wordy", WordyPack())])
    [error] = scoring_contribution_errors(manager)
    assert error.id == "safegrid.E010" and "x-messages" in error.msg


# -- built once, schemas checked once, inputs validated once ---------------------------


@pytest.fixture
def counted(monkeypatch):
    """How often rule schemas are checked and engines built, from here on."""
    counts = {"checked": [], "built": 0}
    check = engine_module.check_rule_schema
    build = ScoringEngine.__init__

    def counting_check(schema):
        counts["checked"].append(schema)
        check(schema)

    def counting_build(self, manager):
        counts["built"] += 1
        build(self, manager)

    monkeypatch.setattr(engine_module, "check_rule_schema", counting_check)
    monkeypatch.setattr(ScoringEngine, "__init__", counting_build)
    return counts


@pytest.fixture
def validations(monkeypatch):
    """The inputs each rule schema validated, from here on."""
    seen = []
    errors = CompiledSchema.errors

    def counting_errors(self, instance):
        if self in get_plugin_manager()._scoring_engine._compiled.values():
            seen.append(instance)
        return errors(self, instance)

    monkeypatch.setattr(CompiledSchema, "errors", counting_errors)
    return seen


@pytest.mark.django_db
def test_the_engine_is_built_and_its_schemas_checked_once_per_process(
    world, enable_packs, counted
):
    enable_packs("chemicals", "construction", "gas", "road_transport")
    run_checks(tags=["safegrid"])  # as runserver, migrate and check do at start-up
    client = APIClient()
    client.force_authenticate(world.manager_a)
    for _ in range(2):
        client.get(RULES)
        for key, inputs in (
            ("lec", {"L": 3, "E": 6, "C": 7}),
            ("gb18218", {"substances": [{"cas": "7782-50-5", "quantity": 1}]}),
            ("jgj59", {"tables": {}}),
        ):
            client.post(f"{RULES}{key}/evaluate/", inputs, format="json")
    score_answers({"rule": "jgj59_table", "sections": []}, {})
    engine = scoring_engine()
    assert counted["built"] == 1
    assert len(counted["checked"]) == len(engine.rules) >= 11
    assert engine is scoring_engine()


def test_the_app_builds_the_engine_when_the_process_starts():
    manager = build_plugin_manager([])
    set_plugin_manager(manager)
    assert getattr(manager, "_scoring_engine", None) is None
    apps.get_app_config("scoring").ready()
    assert isinstance(manager._scoring_engine, ScoringEngine)


@pytest.mark.django_db
def test_inputs_are_validated_once_per_evaluation(world, validations):
    engine = scoring_engine()
    inputs = {"L": 3, "E": 6, "C": 7}
    engine.evaluate("lec", inputs)
    assert validations == [inputs]
    assert engine.validate("lec", inputs) == []
    engine.evaluate("lec", inputs, validated=True)  # what validate() accepted
    assert len(validations) == 2


@pytest.mark.django_db
def test_assessing_a_risk_event_validates_its_inputs_once(world, validations):
    from core.risks.services import risk_point_create

    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    assert len(validations) == 1  # the one assessed event of the point
    event = point.events.get(latest_assessment__isnull=False)
    risk_event_assess(
        user=world.manager_a, event=event, method="ls", inputs={"L": 2, "S": 3}
    )
    assert validations[1:] == [{"L": 2, "S": 3}]


# -- the forms engine keeps every submission ---------------------------------------------


def test_a_faulty_or_refusing_checklist_rule_keeps_the_breakdown():
    set_plugin_manager(build_plugin_manager([], extra_plugins=[("kinds", KindsPack())]))
    plan = {
        "rule": "faulty_checklist",
        "sections": [
            {
                "key": "s",
                "title": "S",
                "items": [{"key": "a", "label": "A", "points": 5}],
            }
        ],
    }
    answers = {"a": {"result": "compliant"}}
    with translation.override("en"):
        failed = score_answers(plan, answers)
        refused = score_answers({**plan, "rule": "picky_checklist"}, answers)
        other_kind = score_answers({**plan, "rule": "ok_inspection"}, answers)
    assert failed.score is None and "failed: ZeroDivisionError" in failed.error
    assert failed.sections[0].score == 5.0
    assert refused.error.endswith("cannot score this form: n must not be 7")
    assert refused.problems == [
        {"path": "/n", "reason": "n must not be 7", "keyword": "rule"}
    ]
    assert "not available" in other_kind.error


def test_the_breakdown_a_checklist_rule_receives_fits_the_contract():
    seen = []

    class Contract:
        @hookimpl
        def safegrid_scoring_rules(self):
            from plugins.contributions import CHECKLIST_INPUT_SCHEMA

            return [
                _rule(
                    "contract",
                    RuleKind.CHECKLIST,
                    lambda breakdown: seen.append(breakdown) or {"score": 1},
                    CHECKLIST_INPUT_SCHEMA,
                )
            ]

    set_plugin_manager(build_plugin_manager([], extra_plugins=[("c", Contract())]))
    plan = {
        "rule": "contract",
        "sections": [
            {
                "key": "s",
                "title": "S",
                "guarantee_floor": 3,
                "items": [
                    {"key": "a", "label": "A", "points": 5, "guarantee": True},
                    {"key": "b", "label": "B", "points": 5, "group": "g"},
                ],
            }
        ],
    }
    answers = {
        "a": {"result": "non_compliant"},
        "g": [{"b": {"result": "compliant"}}, {"b": {"result": "not_applicable"}}],
    }
    result = score_answers(plan, answers)
    assert result.error is None and result.score == 1.0
    [breakdown] = seen
    assert breakdown["sections"][0]["zeroed_reason"] == "guarantee_floor"
    assert [i["entry"] for i in breakdown["items"]] == [None, 0, 1]
    assert breakdown["answers"] == answers


def test_checklist_rules_are_the_engine_s():
    from core.forms.rules import checklist_rules

    set_plugin_manager(build_plugin_manager([], extra_plugins=[("dummy", dummy)]))
    assert set(checklist_rules()) == {"dummy_count", "dummy_checklist"}
    assert {r.key for r in scoring_engine().all("checklist")} == set(checklist_rules())
