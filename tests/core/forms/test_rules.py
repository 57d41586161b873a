"""Conditions chosen from pickers (is / is not / any of) and checks across
questions (a sum equal to a total), compiled into the version and enforced
the same way by the service, the API and the generated form."""

from __future__ import annotations

import copy

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator

from core.forms.builder import FormBuilder
from core.forms.definition import compile_definition, condition_met
from core.forms.services import (
    AnswersInvalid,
    assignment_create,
    definition_check,
    definition_publish,
    submission_submit,
)
from core.organizations.scope import scope_for
from tests.core.forms.conftest import make_definition
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
        (_rule("a", "eq", "total", message=""), "message", "required"),
        (_rule("1", "eq", "2"), "left", "choose at least one question"),
    ],
)
def test_a_bad_rule_is_refused_at_its_block(rule, where, words):
    blocks = [
        *NUMBERS,
        {"type": "text", "value": {"key": "note", "label": "备注"}},
        rule,
        {"type": "number", "value": {"key": "later", "label": "后"}},
    ]
    with translation.override("en"):
        _checked, problems = definition_check(blocks)
        found = {p.location(): str(p.message) for p in problems}
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


# -- evidence rules: "required only when" an earlier answer is chosen -----------

STATE = {
    "type": "single_choice",
    "value": {
        "key": "state",
        "label": "设备状态",
        "options": [
            {"value": "ok", "label": "合格"},
            {"value": "bad", "label": "不合格"},
            {"value": "na", "label": "不适用"},
        ],
    },
}


def _photo(key, rule, **extra):
    return {
        "type": "file_upload",
        "value": {
            "key": key,
            "label": "现场照片",
            "required": True,
            "accept": ["image"],
            "required_when": rule,
            **extra,
        },
    }


PHOTO = [
    {
        "id": "7f1f0d7e-9a43-4d55-9f55-2b5e7c1c3a10",
        "name": "a.jpg",
        "content_type": "image/jpeg",
        "size": 10,
    }
]


@pytest.mark.parametrize(
    ("operator", "value", "required_for", "optional_for"),
    [
        ("is", "bad", ["bad"], ["ok", "na", None]),
        ("is_not", "ok", ["bad", "na"], ["ok", None]),
        ("any_of", "bad,na", ["bad", "na"], ["ok", None]),
    ],
)
def test_an_evidence_rule_requires_the_photo_only_when_it_holds(
    operator, value, required_for, optional_for
):
    compiled = _compiled(
        [
            {**STATE, "value": {**STATE["value"], "required": False}},
            _photo(
                "photo", {"question": "state", "operator": operator, "value": value}
            ),
        ]
    )
    validator = Draft202012Validator(compiled.json_schema)
    question = compiled.ui_schema["questions"]["photo"]
    # Always shown; required only while the rule holds.
    assert question["condition"] is None and question["required"] is False
    for answer in required_for:
        data = {"state": answer}
        assert condition_met(question["required_when"], data)
        assert not validator.is_valid(data)
        assert not validator.is_valid({**data, "photo": []})
        assert validator.is_valid({**data, "photo": PHOTO})
    for answer in optional_for:
        data = {} if answer is None else {"state": answer}
        assert not condition_met(question["required_when"], data)
        assert validator.is_valid(data)
        assert validator.is_valid({**data, "photo": PHOTO})


def test_the_portal_form_says_the_rule_by_labels_and_refuses_at_the_field():
    compiled = _compiled(
        [
            STATE,
            _photo("photo", {"question": "state", "operator": "is", "value": "bad"}),
            {
                "type": "text",
                "value": {
                    "key": "why",
                    "label": "原因",
                    "required_when": {
                        "question": "state",
                        "operator": "any_of",
                        "value": "bad,na",
                    },
                },
            },
        ]
    )
    builder = FormBuilder(compiled.ui_schema, compiled.json_schema)
    form_class = builder.get_form_class()
    with translation.override("zh-hans"):
        form = form_class({"state": "bad"})
        assert not form.is_valid()
        assert set(form.errors) == {"photo", "why"}
        layouts = {item.question["key"]: item for item in form.layout()}
        assert layouts["photo"].required_when_text == "“设备状态”为“不合格”时必填。"
        assert "“不合格”或“不适用”" in layouts["why"].required_when_text
    assert form_class({"state": "ok"}).is_valid()
    assert form_class({"state": "na", "why": "停用"}).is_valid()


def test_an_evidence_rule_on_a_check_item_reads_its_results():
    compiled = _compiled(
        [
            {"type": "check_item", "value": {"key": "exits", "label": "安全出口"}},
            {
                "type": "text",
                "value": {
                    "key": "fix",
                    "label": "整改措施",
                    "required_when": {
                        "question": "exits",
                        "operator": "is",
                        "value": "non_compliant",
                    },
                },
            },
        ]
    )
    validator = Draft202012Validator(compiled.json_schema)
    assert not validator.is_valid({"exits": {"result": "non_compliant"}})
    assert validator.is_valid({"exits": {"result": "compliant"}})
    assert compiled.ui_schema["questions"]["fix"]["required_when_text"]["results"]


def test_an_evidence_rule_inside_a_repeatable_group_is_per_entry():
    compiled = _compiled(
        [
            {
                "type": "group",
                "value": {
                    "key": "tanks",
                    "label": "储罐逐台检查",
                    "fields": [
                        {**STATE, "value": {**STATE["value"], "key": "tank_state"}},
                        _photo(
                            "tank_photo",
                            {
                                "question": "tank_state",
                                "operator": "is",
                                "value": "bad",
                            },
                        ),
                    ],
                },
            }
        ]
    )
    validator = Draft202012Validator(compiled.json_schema)
    assert validator.is_valid({"tanks": [{"tank_state": "ok"}]})
    assert not validator.is_valid(
        {"tanks": [{"tank_state": "ok"}, {"tank_state": "bad"}]}
    )
    assert validator.is_valid(
        {"tanks": [{"tank_state": "ok"}, {"tank_state": "bad", "tank_photo": PHOTO}]}
    )


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ({"question": "later", "operator": "is", "value": "x"}, "earlier"),
        ({"question": "state", "operator": "is", "value": "zz"}, "zz"),
        ({"question": "note", "operator": "is", "value": "x"}, "check item"),
    ],
)
def test_a_bad_evidence_rule_is_refused_at_its_block(rule, words):
    blocks = [
        STATE,
        {"type": "text", "value": {"key": "note", "label": "备注"}},
        _photo("photo", rule),
        {"type": "text", "value": {"key": "later", "label": "后"}},
    ]
    with translation.override("en"):
        _checked, problems = definition_check(blocks)
        found = {p.location(): str(p.message) for p in problems}
    assert list(found) == ["blocks[2].required_when.question"] or list(found) == [
        "blocks[2].required_when.value"
    ]
    assert words in next(iter(found.values()))


# -- rules inside a repeatable group: checked in each entry ---------------------

TANKS = {
    "type": "group",
    "value": {
        "key": "tanks",
        "label": "储罐逐台检查",
        "fields": [
            {"type": "number", "value": {"key": "capacity", "label": "容积"}},
            {"type": "number", "value": {"key": "stored", "label": "储量"}},
            _rule("stored", "le", "capacity", "储量不得超过容积"),
            {"type": "number", "value": {"key": "level", "label": "液位%"}},
            _rule("level", "le", "90", "液位不得超过90%"),
        ],
    },
}


@pytest.fixture
def tanks_version(world, chem_department):
    definition = make_definition(
        chem_department, key="tank_rounds", blocks=copy.deepcopy([TANKS]),
        industry=world.chemicals,
    )  # fmt: skip
    version = definition_publish(definition=definition, user=world.dept_chemicals)
    assignment_create(
        scope=scope_for(world.dept_chemicals),
        definition=definition,
        industry=world.chemicals,
    )
    return version


def test_a_rule_in_a_group_holds_in_each_entry_in_the_api_and_the_portal(
    world, tanks_version
):
    compiled = _compiled([TANKS])
    tanks = compiled.ui_schema["questions"]["tanks"]
    assert [r["at"] for r in tanks["rules"]] == ["stored", "level"]
    # "level ≤ 90" is in the entry's JSON Schema; "stored ≤ capacity" is not.
    assert [r["in_schema"] for r in tanks["rules"]] == [False, True]
    assert "rules" not in compiled.ui_schema
    good = {"capacity": 100, "stored": 50, "level": 50}
    bad = {"tanks": [good, {"capacity": 100, "stored": 150, "level": 95}]}
    version = tanks_version
    with pytest.raises(AnswersInvalid) as refused:
        submission_submit(
            actor=world.manager_a,
            version=version,
            enterprise=world.enterprise_a,
            data=bad,
        )
    found = {error.path: error.message for error in refused.value.errors}
    assert found == {
        ("tanks", 1, "stored"): "储量不得超过容积",
        ("tanks", 1, "level"): "液位不得超过90%",
    }
    response = client_for(world.manager_a, "zh-hans").post(
        submissions_url(version.definition.key),
        {"enterprise": world.enterprise_a.pk, "data": bad},
        format="json",
    )
    assert response.status_code == 400
    assert {e["path"]: e["reason"] for e in response.json()["errors"]} == {
        "/data/tanks/1/stored": "储量不得超过容积",
        "/data/tanks/1/level": "液位不得超过90%",
    }
    # The portal's form places each message at the entry's field.
    form = FormBuilder(compiled.ui_schema, compiled.json_schema).get_form_class()(
        {
            "tanks-TOTAL_FORMS": "2",
            "tanks-INITIAL_FORMS": "0",
            "tanks-0-capacity": "100",
            "tanks-0-stored": "50",
            "tanks-0-level": "50",
            "tanks-1-capacity": "100",
            "tanks-1-stored": "150",
            "tanks-1-level": "95",
        }
    )
    assert not form.is_valid()
    entry = form.formsets["tanks"].forms[1]
    assert entry.errors["stored"] == ["储量不得超过容积"]
    assert entry.errors["level"] == ["液位不得超过90%"]
    assert not form.formsets["tanks"].forms[0].errors
    submission_submit(
        actor=world.manager_a,
        version=version,
        enterprise=world.enterprise_a,
        data={"tanks": [good]},
    )


def test_a_rule_in_a_group_sees_only_the_entrys_earlier_questions():
    outside = {"type": "number", "value": {"key": "total", "label": "总数"}}
    group = {
        **TANKS,
        "value": {
            **TANKS["value"],
            "fields": [
                *TANKS["value"]["fields"][:2],
                _rule("stored + total", "le", "capacity"),
            ],
        },
    }
    with translation.override("en"):
        _checked, problems = definition_check([outside, group])
        found = {p.location(): str(p.message) for p in problems}
    assert list(found) == ["blocks[1].fields[2].left"]
    assert "total" in found["blocks[1].fields[2].left"]
