"""Invalid input: every error, each with its path and a reason in plain words."""

import pytest
from django.utils import translation

from core.scoring import (
    InvalidInputs,
    ScoringEngine,
    UnknownRule,
    scoring_engine,
)
from plugins.contributions import I18nText, ScoringInputError, ScoringRule
from plugins.manager import build_plugin_manager
from plugins.schema_errors import json_pointer, schema_errors


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def errors_of(key, inputs):
    with pytest.raises(InvalidInputs) as caught:
        scoring_engine().evaluate(key, inputs)
    return caught.value.as_list()


def test_a_table_method_refuses_a_value_not_in_its_table():
    [error] = errors_of("lec", {"L": 4, "E": 3, "C": 7})
    assert error["path"] == "/L"
    assert error["keyword"] == "enum"
    assert error["reason"] == "Must be one of: 10, 6, 3, 1, 0.5, 0.2, 0.1."


def test_every_error_is_reported_with_its_path():
    errors = errors_of("lec", {"L": 4, "E": "3", "X": 1})
    assert [(e["path"], e["keyword"]) for e in errors] == [
        ("/C", "required"),
        ("/E", "enum"),
        ("/L", "enum"),
        ("/X", "additionalProperties"),
    ]
    assert {e["path"]: e["reason"] for e in errors}["/C"] == "This field is required."
    assert {e["path"]: e["reason"] for e in errors}[
        "/X"
    ] == "This field is not allowed."


def test_reasons_are_never_raw_library_messages():
    errors = errors_of("ls", {"L": 6, "S": True})
    text = " ".join(e["reason"] for e in errors)
    assert "is not one of" not in text and "True" not in text
    assert [e["path"] for e in errors] == ["/L", "/S"]


def test_inputs_must_be_an_object():
    [error] = errors_of("mes", [3, 6, 10])
    assert error == {
        "path": "",
        "reason": "Must be an object (a set of named fields).",
        "keyword": "type",
    }


def test_unknown_direct_condition_is_refused_at_its_index():
    errors = errors_of("ls", {"L": 2, "S": 2, "direct_conditions": ["nope"]})
    assert [(e["path"], e["keyword"]) for e in errors] == [
        ("/direct_conditions/0", "enum")
    ]


def test_direct_method_needs_a_condition():
    errors = errors_of("direct", {"direct_conditions": []})
    assert [(e["path"], e["keyword"]) for e in errors] == [
        ("/direct_conditions", "minItems")
    ]
    assert errors[0]["reason"] == "Choose or enter at least 1 item."


def test_unknown_rule():
    with pytest.raises(UnknownRule):
        scoring_engine().evaluate("no_such_rule", {})


def test_formats_are_checked():
    [error] = schema_errors({"type": "string", "format": "date"}, "2024-13-45")
    assert error.keyword == "format"
    assert error.reason == "Is not a valid date."


def test_required_and_unknown_fields_are_reported_at_the_field_itself():
    schema = {
        "type": "object",
        "properties": {"a/b": {"type": "object", "required": ["c"]}},
        "additionalProperties": False,
    }
    errors = schema_errors(schema, {"a/b": {}, "z": 1})
    assert [(e.path, e.keyword) for e in errors] == [
        ("/a~1b/c", "required"),
        ("/z", "additionalProperties"),
    ]


def test_one_of_reports_the_closest_alternative():
    schema = {
        "oneOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}},
            {"type": "array"},
        ]
    }
    [error] = schema_errors(schema, {"a": 1})
    assert (error.path, error.reason) == ("/a", "Must be text.")


def test_messages_follow_the_language():
    # Built at call time through gettext: Django's own catalogue already has
    # this sentence in Chinese.
    with translation.override("zh-hans"):
        [error] = schema_errors({"type": "object", "required": ["x"]}, {})
    assert error.reason != "This field is required."
    assert json_pointer(["events", 0, "L"]) == "/events/0/L"


def _raising(inputs):
    raise ScoringInputError([{"path": "/q", "message": "q must not be zero"}])


def test_problems_a_rule_finds_itself_are_reported_like_schema_errors():
    from plugins import hookimpl

    class Pack:
        @hookimpl
        def safegrid_scoring_rules(self):
            return [
                ScoringRule(
                    key="picky",
                    title=I18nText("挑剔", "Picky"),
                    kind="major_hazard",
                    input_schema={"type": "object"},
                    evaluate=_raising,
                )
            ]

    registry = ScoringEngine(build_plugin_manager([], extra_plugins=[("p", Pack())]))
    with pytest.raises(InvalidInputs) as caught:
        registry.evaluate("picky", {"q": 0})
    assert caught.value.as_list() == [
        {"path": "/q", "reason": "q must not be zero", "keyword": "rule"}
    ]
