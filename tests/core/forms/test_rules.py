"""Conditions chosen from pickers (is / is not / any of) and checks across
questions (a sum equal to a total), compiled into the version and enforced
the same way by the service, the API and the generated form."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from core.forms.builder import FormBuilder
from core.forms.definition import compile_definition, condition_met
from core.forms.services import AnswersInvalid, definition_check, submission_submit
from tests.core.forms.test_api import client_for, submissions_url
from tests.core.notices.test_public_notice import ANSWERS


def _choice(key, options, **extra):
    return {
        "type": "single_choice",
        "value": {
            "key": key,
            "label": key.title(),
            "options": [{"value": v, "label": v.upper()} for v in options],
            **extra,
        },
    }


def _text(key, condition):
    return {
        "type": "text",
        "value": {"key": key, "label": key, "required": True, "condition": condition},
    }


def _compiled(blocks):
    checked, problems = definition_check(blocks)
    assert problems == []
    return compile_definition(checked)


@pytest.mark.parametrize(
    ("operator", "value", "shown_for", "hidden_for"),
    [
        ("is", "b", ["b"], ["a", "c", None]),
        ("is_not", "b", ["a", "c"], ["b", None]),
        ("any_of", "a,c", ["a", "c"], ["b", None]),
    ],
)
def test_a_condition_compares_as_chosen_in_the_schema_and_the_ui_alike(
    operator, value, shown_for, hidden_for
):
    compiled = _compiled(
        [
            _choice("pick", ["a", "b", "c"], required=False),
            _text(
                "why",
                {"question": "pick", "operator": operator, "value": value},
            ),
        ]
    )
    validator = Draft202012Validator(compiled.json_schema)
    condition = compiled.ui_schema["questions"]["why"]["condition"]
    for answer in shown_for:
        data = {"pick": answer}
        assert condition_met(condition, data)
        # Shown and required: missing is refused, given is accepted.
        assert not validator.is_valid(data)
        assert validator.is_valid({**data, "why": "x"})
    for answer in hidden_for:
        data = {} if answer is None else {"pick": answer}
        assert not condition_met(condition, data)
        assert validator.is_valid(data)
        assert not validator.is_valid({**data, "why": "x"})


def test_is_not_and_any_of_on_a_check_item_and_a_multiple_choice():
    compiled = _compiled(
        [
            {"type": "check_item", "value": {"key": "exits", "label": "出口"}},
            {
                "type": "multiple_choice",
                "value": {
                    "key": "kinds",
                    "label": "种类",
                    "required": False,
                    "options": [
                        {"value": "gas", "label": "气"},
                        {"value": "oil", "label": "油"},
                    ],
                },
            },
            _text(
                "a", {"question": "exits", "operator": "is_not", "value": "compliant"}
            ),
            _text("b", {"question": "kinds", "operator": "any_of", "value": "oil"}),
        ]
    )
    questions = compiled.ui_schema["questions"]
    validator = Draft202012Validator(compiled.json_schema)
    data = {"exits": {"result": "non_compliant"}, "kinds": ["gas"], "a": "x"}
    assert condition_met(questions["a"]["condition"], data)
    assert not condition_met(questions["b"]["condition"], data)
    assert validator.is_valid(data)
    data = {"exits": {"result": "compliant"}, "kinds": ["gas", "oil"], "b": "y"}
    assert not condition_met(questions["a"]["condition"], data)
    assert condition_met(questions["b"]["condition"], data)
    assert validator.is_valid(data)


def test_a_condition_on_an_unknown_answer_is_refused_at_the_block():
    _checked, problems = definition_check(
        [
            _choice("pick", ["a", "b"]),
            _text("why", {"question": "pick", "operator": "any_of", "value": "a,zz"}),
        ]
    )
    assert [p.location() for p in problems] == ["blocks[1].condition.value"]
    assert "zz" in problems[0].message


NUMBERS = [
    {"type": "number", "value": {"key": "total", "label": "总数"}},
    {"type": "number", "value": {"key": "a", "label": "甲", "required": False}},
    {"type": "number", "value": {"key": "b", "label": "乙", "required": False}},
]


def _rule(left, comparison, right, message="甲乙之和应等于总数"):
    return {
        "type": "rule",
        "value": {
            "left": left,
            "comparison": comparison,
            "right": right,
            "message": message,
        },
    }


def test_a_sum_rule_is_checked_by_the_server_with_the_authors_message():
    compiled = _compiled([*NUMBERS, _rule("a + b", "eq", "total")])
    (rule,) = compiled.ui_schema["rules"]
    assert rule["at"] == "b" and rule["in_schema"] is False
    # The version's steps and order do not count the rule as a question.
    assert compiled.ui_schema["order"] == ["total", "a", "b"]
    builder = FormBuilder(compiled.ui_schema, compiled.json_schema)
    form = builder.get_form_class()({"total": "1", "a": "1", "b": "1"})
    assert not form.is_valid()
    assert form.errors["b"] == ["甲乙之和应等于总数"]
    assert builder.get_form_class()({"total": "2", "a": "1", "b": "1"}).is_valid()
    # Not all answered: nothing to compare.
    assert builder.get_form_class()({"total": "2", "a": "1"}).is_valid()


def test_a_question_against_a_number_goes_into_the_json_schema():
    compiled = _compiled([*NUMBERS, _rule("a", "le", "10", "甲不超过10")])
    assert compiled.ui_schema["rules"][0]["in_schema"] is True
    constraint = compiled.json_schema["allOf"][-1]["properties"]["a"]
    assert constraint["maximum"] == 10
    assert constraint["x-messages"] == {"maximum": "甲不超过10"}
    form = FormBuilder(compiled.ui_schema, compiled.json_schema).get_form_class()(
        {"total": "1", "a": "11"}
    )
    assert not form.is_valid()
    assert form.errors["a"] == ["甲不超过10"]


@pytest.mark.parametrize(
    ("rule", "where", "words"),
    [
        (_rule("a + later", "eq", "total"), "left", "later"),
        (_rule("a + note", "eq", "total"), "left", "note"),
        (_rule("a", "eq", "total", message=""), "message", "必填"),
        (_rule("1", "eq", "2"), "left", "请至少选择一个问题"),
    ],
)
def test_a_bad_rule_is_refused_at_its_block(rule, where, words):
    blocks = [
        *NUMBERS,
        {"type": "text", "value": {"key": "note", "label": "备注"}},
        rule,
        {"type": "number", "value": {"key": "later", "label": "后"}},
    ]
    _checked, problems = definition_check(blocks)
    found = {p.location(): p.message for p in problems}
    assert words in found[f"blocks[4].{where}"]


def test_the_commitment_refuses_units_that_do_not_add_up(world, commitment):
    rules = commitment.ui_schema["rules"]
    assert [r["at"] for r in rules] == ["units_overhaul"]
    bad = {**ANSWERS, "units_total": 1, "units_running": 1, "units_stopped": 1}
    with pytest.raises(AnswersInvalid) as refused:
        submission_submit(
            actor=world.manager_a,
            version=commitment,
            enterprise=world.enterprise_a,
            data=bad,
        )
    (error,) = refused.value.errors
    assert error.path == ("units_overhaul",)
    assert error.message == "运行、停产、检修装置之和应等于装置总数"
    # The API refuses the same answer with the same message at the field.
    response = client_for(world.manager_a, "zh-hans").post(
        submissions_url(commitment.definition.key),
        {"enterprise": world.enterprise_a.pk, "data": bad},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "path": "/data/units_overhaul",
            "keyword": "rule",
            "reason": "运行、停产、检修装置之和应等于装置总数",
        }
    ]
    # The generated form (the portal's step of the units) places it at the field.
    builder = FormBuilder(commitment.ui_schema, commitment.json_schema)
    step = builder.get_form_class(step=0)(
        {"units_total": "1", "units_running": "1", "units_stopped": "1",
         "units_overhaul": "1", "trial_production": "no", "startup_shutdown": "no"}
    )  # fmt: skip
    assert not step.is_valid()
    assert step.errors["units_overhaul"] == ["运行、停产、检修装置之和应等于装置总数"]
