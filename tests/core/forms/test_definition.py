"""Checking and compiling definitions: each block type, conditions, keys, calculations."""

from __future__ import annotations

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator
from wagtail.blocks.stream_block import StreamBlockValidationError

from core.forms.blocks import body_block
from core.forms.definition import compile_definition, condition_met
from core.forms.expressions import ExpressionError, parse_expression
from core.forms.services import definition_check
from core.forms.validation import answers_validate
from tests.core.forms.conftest import VALID_ANSWER, checklist_blocks


def compiled(blocks, **scoring):
    raw, problems = definition_check(blocks)
    assert problems == []
    result = compile_definition(raw, title="t", scoring=scoring)
    Draft202012Validator.check_schema(result.json_schema)
    return result


def errors_of(form, data):
    result = answers_validate(
        json_schema=form.json_schema, ui_schema=form.ui_schema, data=data
    )
    return {(e.pointer, e.keyword) for e in result.errors}


def one(block_type, **value):
    return [{"type": block_type, "value": {"key": "q", "label": "Q", **value}}]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


# -- each block type -------------------------------------------------------------------


def test_check_item_compiles_to_an_object_with_result_note_and_photos():
    form = compiled(one("check_item", points=5, allow_not_applicable=False))
    schema = form.json_schema["properties"]["q"]
    assert schema["type"] == "object"
    assert schema["properties"]["result"]["enum"] == ["compliant", "non_compliant"]
    assert schema["additionalProperties"] is False
    assert form.json_schema["required"] == ["q"]
    assert errors_of(form, {"q": {"result": "compliant"}}) == set()
    assert ("/q/result", "enum") in errors_of(form, {"q": {"result": "not_applicable"}})
    assert ("/q", "required") in errors_of(form, {})


def test_evidence_rule_needs_a_note_and_a_photo_only_when_non_compliant():
    form = compiled(
        one("check_item", evidence={"requires_photo": True, "requires_note": True})
    )
    assert errors_of(form, {"q": {"result": "compliant"}}) == set()
    found = errors_of(form, {"q": {"result": "non_compliant"}})
    assert found == {("/q/note", "evidence"), ("/q/photos", "evidence")}
    blank = errors_of(
        form, {"q": {"result": "non_compliant", "note": "  ", "photos": []}}
    )
    assert ("/q/note", "pattern") in blank
    assert ("/q/photos", "minItems") in blank


def test_single_and_multiple_choice():
    options = [
        {"value": "a", "label": "A"},
        {"value": "b", "label": "B"},
        {"value": "c", "label": "C"},
    ]
    single = compiled(one("single_choice", options=options))
    assert single.json_schema["properties"]["q"]["enum"] == ["a", "b", "c"]
    assert errors_of(single, {"q": "d"}) == {("/q", "enum")}
    multi = compiled(
        one("multiple_choice", options=options, min_selected=1, max_selected=2)
    )
    schema = multi.json_schema["properties"]["q"]
    assert (
        schema["uniqueItems"] is True
        and schema["minItems"] == 1
        and schema["maxItems"] == 2
    )
    assert errors_of(multi, {"q": ["a", "b"]}) == set()
    assert ("/q", "maxItems") in errors_of(multi, {"q": ["a", "b", "c"]})
    assert ("/q", "uniqueItems") in errors_of(multi, {"q": ["a", "a"]})


def test_number_limits_and_whole_numbers_but_warnings_only_flag():
    form = compiled(
        one("number", minimum=0, maximum=10, whole_number=True, warning_above=8)
    )
    assert form.json_schema["properties"]["q"]["type"] == "integer"
    assert errors_of(form, {"q": 11}) == {("/q", "maximum")}
    assert errors_of(form, {"q": 1.5}) == {("/q", "type")}
    result = answers_validate(
        json_schema=form.json_schema, ui_schema=form.ui_schema, data={"q": 9}
    )
    assert result.errors == [] and result.warnings[0]["limit"] == "above"


def test_text_date_signature_and_location():
    text = compiled(one("text", max_length=3))
    assert errors_of(text, {"q": "abcd"}) == {("/q", "maxLength")}
    assert errors_of(text, {"q": "   "}) == {("/q", "pattern")}
    date = compiled(one("date"))
    assert errors_of(date, {"q": "2024-02-29"}) == set()
    assert errors_of(date, {"q": "2023-02-29"}) == {("/q", "format")}
    confirm = compiled(one("signature", mode="confirm"))
    assert errors_of(confirm, {"q": False}) == {("/q", "const")}
    drawn = compiled(one("signature", mode="drawn"))
    assert errors_of(drawn, {"q": "data:image/png;base64,iVBORw0KGgo="}) == set()
    assert errors_of(drawn, {"q": "javascript:alert(1)"}) == {("/q", "pattern")}
    location = compiled(one("location"))
    assert errors_of(location, {"q": {"lat": 43.8, "lng": 125.3}}) == set()
    assert errors_of(location, {"q": {"lat": 91, "lng": 0}}) == {("/q/lat", "maximum")}
    assert ("/q/lng", "required") in errors_of(location, {"q": {"lat": 1}})


def test_file_upload_limits_types_size_and_count():
    form = compiled(one("file_upload", accept=["pdf"], max_size_mb=1, max_files=1))
    reference = {
        "id": "8b0f0c2e-8f7a-4a59-9a4c-1a2b3c4d5e6f",
        "name": "a.pdf",
        "content_type": "application/pdf",
        "size": 10,
    }
    assert errors_of(form, {"q": [reference]}) == set()
    assert ("/q/0/content_type", "enum") in errors_of(
        form, {"q": [{**reference, "content_type": "image/png"}]}
    )
    assert ("/q/0/size", "maximum") in errors_of(
        form, {"q": [{**reference, "size": 2 * 2**20}]}
    )
    assert ("/q", "maxItems") in errors_of(form, {"q": [reference, reference]})
    assert ("/q/0/id", "format") in errors_of(
        form, {"q": [{**reference, "id": "nope"}]}
    )


def test_repeatable_group_and_calculated_value():
    form = compiled(checklist_blocks())
    tanks = form.json_schema["properties"]["tanks"]
    assert tanks["type"] == "array" and tanks["items"]["additionalProperties"] is False
    result = answers_validate(
        json_schema=form.json_schema, ui_schema=form.ui_schema, data=VALID_ANSWER
    )
    assert result.errors == []
    assert result.data["area"] == 10.0  # computed by the server
    sent = answers_validate(
        json_schema=form.json_schema,
        ui_schema=form.ui_schema,
        data={**VALID_ANSWER, "area": 999},
    )
    assert sent.data["area"] == 10.0  # a sent value is replaced
    bad = errors_of(
        form,
        {**VALID_ANSWER, "tanks": [{"tank_no": "T1", "volume": "x"}, {"extra": 1}]},
    )
    assert ("/tanks/0/volume", "type") in bad
    assert ("/tanks/1/extra", "additionalProperties") in bad
    assert ("/tanks/1/tank_no", "required") in bad


def test_sections_become_steps_and_loose_questions_their_own_step():
    blocks = [*one("text"), *checklist_blocks()]
    form = compiled(blocks)
    steps = form.ui_schema["steps"]
    assert [s["key"] for s in steps] == ["step_1", "fire", "storage"]
    assert steps[1]["questions"] == ["extinguishers", "exits", "exit_problem"]
    assert form.ui_schema["order"][0] == "q"


def test_unknown_answers_are_refused():
    form = compiled(one("text"))
    assert errors_of(form, {"q": "x", "other": 1}) == {
        ("/other", "additionalProperties")
    }


# -- conditions ---------------------------------------------------------------------------


def test_a_condition_requires_the_answer_when_shown_and_refuses_it_when_hidden():
    form = compiled(checklist_blocks())
    shown = {**VALID_ANSWER}
    del shown["exit_problem"]
    assert ("/exit_problem", "required") in errors_of(form, shown)
    hidden = {**VALID_ANSWER, "exits": {"result": "compliant"}}
    assert ("/exit_problem", "hidden") in errors_of(form, hidden)
    del hidden["exit_problem"]
    assert errors_of(form, hidden) == set()
    rule = form.json_schema["allOf"][0]
    assert (
        rule["if"]["properties"]["exits"]["properties"]["result"]["const"]
        == "non_compliant"
    )


def test_a_section_condition_applies_to_each_of_its_questions():
    blocks = [
        *one(
            "single_choice",
            options=[{"value": "yes", "label": "Y"}, {"value": "no", "label": "N"}],
        ),
        {
            "type": "section",
            "value": {
                "key": "tank_part",
                "title": "T",
                "condition": {"question": "q", "value": "yes"},
                "questions": [{"type": "number", "value": {"key": "n", "label": "N"}}],
            },
        },
    ]
    form = compiled(blocks)
    assert form.ui_schema["steps"][1]["condition"] == {
        "all": [{"key": "q", "op": "equals", "value": "yes"}]
    }
    assert errors_of(form, {"q": "no"}) == set()
    assert errors_of(form, {"q": "yes"}) == {("/n", "required")}
    assert errors_of(form, {"q": "no", "n": 1}) == {("/n", "hidden")}
    question = form.ui_schema["questions"]["n"]
    assert condition_met(question["condition"], {"q": "yes"})
    assert not condition_met(question["condition"], {"q": "no"})


def test_conditions_on_numbers_and_multiple_choices():
    options = [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]
    blocks = [
        {"type": "number", "value": {"key": "floors", "label": "F"}},
        {
            "type": "multiple_choice",
            "value": {"key": "m", "label": "M", "options": options},
        },
        {
            "type": "text",
            "value": {
                "key": "t1",
                "label": "T1",
                "condition": {"question": "floors", "value": "3"},
            },
        },
        {
            "type": "text",
            "value": {
                "key": "t2",
                "label": "T2",
                "condition": {"question": "m", "value": "b"},
            },
        },
    ]
    form = compiled(blocks)
    assert errors_of(form, {"floors": 3.0, "m": ["a"], "t1": "x"}) == set()
    assert errors_of(form, {"floors": 2, "m": ["a", "b"], "t2": "y"}) == set()
    assert ("/t2", "required") in errors_of(form, {"floors": 2, "m": ["b"]})


# -- problems shown at the block -------------------------------------------------------------


def problem_map(blocks):
    _raw, problems = definition_check(blocks)
    return {problem.location(): problem.message for problem in problems}


def test_duplicate_keys_are_refused_at_the_later_block():
    blocks = checklist_blocks()
    blocks[1]["value"]["questions"][3]["value"]["key"] = "exits"
    problems = problem_map(blocks)
    assert list(problems) == ["blocks[1].questions[3].key"]
    assert (
        "“exits” is already used by “安全出口畅通”"
        in problems["blocks[1].questions[3].key"]
    )


def test_duplicate_keys_reach_the_editor_as_nested_block_errors():
    blocks = checklist_blocks()
    blocks[1]["value"]["questions"][3]["value"]["fields"][1]["value"]["key"] = "tank_no"
    block = body_block()
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(block.to_python(blocks))
    error = caught.value.block_errors[1].block_errors["questions"].block_errors[3]
    field_error = error.block_errors["fields"].block_errors[1].block_errors["key"]
    assert "already used" in field_error.messages[0]


def test_missing_keys_are_generated_from_the_block_id_and_stay():
    blocks = [{"type": "text", "id": "0a1b2c3d-aaaa", "value": {"label": "no key"}}]
    raw, problems = definition_check(blocks)
    assert problems == []
    assert raw[0]["value"]["key"] == "q_0a1b2c3d"
    raw[0]["value"]["label"] = "renamed"
    again, _ = definition_check(raw)
    assert again[0]["value"]["key"] == "q_0a1b2c3d"


@pytest.mark.parametrize(
    ("condition", "where", "words"),
    [
        (
            {"question": "later", "value": "x"},
            "question",
            "not the key of an earlier question",
        ),
        ({"question": "first", "value": "maybe"}, "value", "has no value “maybe”"),
        ({"question": "first", "value": ""}, "value", "Enter the value"),
        ({"question": "note", "value": "x"}, "question", "can depend on a check item"),
    ],
)
def test_bad_conditions_are_refused_with_a_clear_message(condition, where, words):
    blocks = [
        {"type": "check_item", "value": {"key": "first", "label": "First"}},
        {"type": "text", "value": {"key": "note", "label": "Note"}},
        {"type": "text", "value": {"key": "it", "label": "It", "condition": condition}},
        {"type": "text", "value": {"key": "later", "label": "Later"}},
    ]
    problems = problem_map(blocks)
    assert words in problems[f"blocks[2].condition.{where}"]


def test_limits_must_be_consistent():
    problems = problem_map(one("number", minimum=5, maximum=1))
    assert "maximum cannot be less" in problems["blocks[0].maximum"]
    problems = problem_map(one("check_item", points=2, deduction=3))
    assert "cannot exceed" in problems["blocks[0].deduction"]
    options = [{"value": "a", "label": "A"}, {"value": "a", "label": "B"}]
    problems = problem_map(one("single_choice", options=options))
    assert "already used by another option" in problems["blocks[0].options[1].value"]


# -- calculations ------------------------------------------------------------------------------


def test_calculations_use_only_earlier_numbers():
    blocks = [
        {
            "type": "calculated",
            "value": {"key": "c", "label": "C", "expression": "a + 1"},
        },
        {"type": "number", "value": {"key": "a", "label": "A"}},
    ]
    assert (
        "not the key of an earlier number"
        in problem_map(blocks)["blocks[0].expression"]
    )


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('true')",
        "a.__class__",
        "a ** 2",
        "[a]",
        "a if a else 1",
        "'text'",
        "lambda: 1",
        "a < 1",
        "open('x')",
    ],
)
def test_expressions_allow_only_arithmetic(source):
    with pytest.raises(ExpressionError):
        parse_expression(source, {"a"})


def test_expressions_evaluate_safely():
    expression = parse_expression(
        "round(max(a, b) / (a - b), 1) + abs(-2) % 3", {"a", "b"}
    )
    assert expression.evaluate({"a": 3, "b": 1}) == pytest.approx(3.5)
    assert expression.evaluate({"a": 1, "b": 1}) is None  # division by zero
    assert expression.evaluate({"a": 1}) is None  # an input is missing
