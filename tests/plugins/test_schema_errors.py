"""The one JSON-Schema translator: a schema's own messages (``x-messages``)."""

import pytest
from django.utils import translation

from plugins.schema_errors import (
    CompiledSchema,
    errors_from_problems,
    message_problems,
    parse_pointer,
    problems_from_errors,
    schema_errors,
)

CAS = {
    "type": "object",
    "properties": {
        "cas": {
            "type": "string",
            "enum": ["7782-50-5", "7664-41-7"],
            "x-messages": {
                "enum": {
                    "zh-hans": "未知的CAS号“%(value)s”",
                    "en": "Unknown CAS number “%(value)s” (known: %(expected)s)",
                }
            },
        },
        "quantity": {"type": "number", "minimum": 0},
    },
    "required": ["cas"],
    "additionalProperties": False,
}


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "Unknown CAS number “7732-18-5” (known: 7782-50-5, 7664-41-7)"),
        ("zh-hans", "未知的CAS号“7732-18-5”"),
    ],
)
def test_a_schema_s_own_message_replaces_the_generic_one(language, reason):
    with translation.override(language):
        [error] = schema_errors(CAS, {"cas": "7732-18-5"})
    assert (error.path, error.keyword, error.reason) == ("/cas", "enum", reason)


def test_keywords_without_an_own_message_keep_the_generic_one():
    with translation.override("en"):
        [error] = schema_errors(CAS, {"cas": "7782-50-5", "quantity": -1})
    assert error.reason == "Must be at least 0."


def test_a_single_text_serves_every_language_and_a_lone_percent_stays():
    schema = {"type": "integer", "maximum": 100, "x-messages": {"maximum": "≤ 100%"}}
    for language in ("en", "zh-hans"):
        with translation.override(language):
            assert schema_errors(schema, 150)[0].reason == "≤ 100%"


def test_required_and_unknown_fields_name_the_property_in_their_own_message():
    schema = {
        "type": "object",
        "properties": {"a": {}},
        "required": ["a"],
        "additionalProperties": False,
        "x-messages": {
            "required": {"zh-hans": "请填写%(value)s", "en": "Fill in %(value)s"},
            "additionalProperties": {
                "zh-hans": "没有“%(value)s”",
                "en": "There is no “%(value)s”",
            },
        },
    }
    with translation.override("en"):
        errors = schema_errors(schema, {"b": 1})
    assert [(e.path, e.reason) for e in errors] == [
        ("/a", "Fill in a"),
        ("/b", "There is no “b”"),
    ]


def test_an_own_message_on_one_of_replaces_the_closest_alternative():
    schema = {
        "oneOf": [{"type": "string"}, {"type": "integer"}],
        "x-messages": {
            "oneOf": {"zh-hans": "文字或整数", "en": "Text or a whole number"}
        },
    }
    with translation.override("en"):
        [error] = schema_errors(schema, 1.5)
    assert (error.path, error.keyword, error.reason) == (
        "",
        "oneOf",
        "Text or a whole number",
    )


def test_exactly_one_of_several_fields_is_said_so():
    """A oneOf of alternatives that only require one field each, whether none
    or several of the fields are given."""
    schema = {
        "type": "object",
        "oneOf": [{"required": ["name"]}, {"required": ["cas"]}],
    }
    with translation.override("en"):
        for instance in ({}, {"name": "氯", "cas": "7782-50-5"}):
            [error] = schema_errors(schema, instance)
            assert (error.path, error.reason) == (
                "",
                "Give exactly one of: name, cas.",
            )


def test_a_compiled_schema_gives_the_same_errors_as_the_function():
    compiled = CompiledSchema(CAS)
    with translation.override("en"):
        assert compiled.errors({"cas": "x", "y": 1}) == schema_errors(
            CAS, {"cas": "x", "y": 1}
        )


def test_problems_and_errors_convert_both_ways():
    problems = [{"path": "/units/0/a~1b", "message": "no"}]
    [error] = errors_from_problems(problems)
    assert error.location == ("units", "0", "a/b")
    assert error.keyword == "rule"
    assert problems_from_errors([error]) == problems
    assert parse_pointer("") == ()


def test_malformed_own_messages_are_found_in_every_subschema():
    schema = {
        "type": "object",
        "x-messages": {"required": {"zh-hans": "缺"}},
        "properties": {
            "a": {"type": "array", "items": {"enum": [1], "x-messages": {"enum": ""}}},
            # A property may be called x-messages: it is a schema, not messages.
            "x-messages": {"type": "string"},
        },
        "$defs": {"b": {"x-messages": ["not", "a", "map"]}},
    }
    problems = message_problems(schema)
    assert len(problems) == 3
    assert any("(root)" in p and "'required'" in p for p in problems)
    assert any("/properties/a/items" in p and "'enum'" in p for p in problems)
    assert any("/$defs/b" in p for p in problems)
    assert message_problems(CAS) == []
