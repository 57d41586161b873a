"""The question types' registry: every type is one class, and a new type is
one module registering a class (here, a star rating defined in this test)."""

from __future__ import annotations

import pytest
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.blocks import body_block
from core.forms.builder import FormBuilder, answers_as_form_data
from core.forms.definition import (
    QUESTION_TYPES,
    compile_definition,
    definition_problems,
)
from core.forms.display import answer_rows
from core.forms.questions import question_type, question_types, registry
from core.forms.questions.base import QuestionType
from core.forms.questions.parts import QuestionBlock, layout
from core.forms.validation import answers_validate


def test_every_type_is_registered_in_the_editors_order():
    names = [kind.name for kind in question_types()]
    assert names == [*QUESTION_TYPES, "group"]
    assert list(body_block().child_blocks) == [*names, "section", "rule"]
    entry = body_block().child_blocks["group"].child_blocks["fields"]
    assert list(entry.child_blocks) == [*QUESTION_TYPES, "rule"]
    for kind in question_types():
        assert question_type(kind.name) is kind
        assert isinstance(kind.block(), blocks.StructBlock)


def test_a_type_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(type(question_type("number")))


class RatingBlock(QuestionBlock):
    stars = blocks.IntegerBlock(default=5, min_value=2, max_value=10)

    class Meta:
        label = _("Rating")
        form_layout = layout("stars")


class Rating(QuestionType):
    """1 to ``stars`` stars: all a new type needs to say."""

    name = "rating"
    block_class = RatingBlock
    numeric = True
    condition_source = True

    def problems(self, node, earlier):
        from core.forms.definition.model import Problem

        if (node.value.get("stars") or 5) > 10:
            return [Problem((*node.path, "stars"), "At most 10 stars.")]
        return []

    def schema(self, node, by_key):
        return {"type": "integer", "minimum": 1, "maximum": node.value["stars"]}

    def ui(self, node):
        return {"widget": "rating", "stars": node.value["stars"]}

    def form_fields(self, question, required, common):
        return {
            question["key"]: forms.IntegerField(
                min_value=1, max_value=question["stars"], required=required, **common
            )
        }

    def display(self, question, answer):
        return "★" * answer


@pytest.fixture
def rating():
    registry.register(Rating)
    yield question_type("rating")
    registry._TYPES.pop("rating")


def test_a_new_type_is_one_registered_class(rating):
    assert "rating" in body_block().child_blocks
    raw = [
        {"type": "rating", "value": {"key": "service", "label": "服务", "stars": 4, "required": True}},
        {"type": "text", "value": {"key": "why", "label": "原因", "condition": {"question": "service", "value": "1"}}},
        {"type": "calculated", "value": {"key": "double", "label": "两倍", "expression": "service * 2"}},
    ]  # fmt: skip
    assert definition_problems(raw) == []
    too_many = [{"type": "rating", "value": {"key": "x", "label": "x", "stars": 11}}]
    assert [p.message for p in definition_problems(too_many)] == ["At most 10 stars."]

    compiled = compile_definition(raw, title="t")
    assert compiled.json_schema["properties"]["service"] == {
        "title": "服务",
        "type": "integer",
        "minimum": 1,
        "maximum": 4,
    }
    assert compiled.json_schema["required"] == ["service"]
    question = compiled.ui_schema["questions"]["service"]
    assert (question["widget"], question["stars"]) == ("rating", 4)
    assert compiled.ui_schema["questions"]["why"]["condition"] == {
        "all": [{"key": "service", "op": "equals", "value": "1"}]
    }

    builder = FormBuilder(compiled.ui_schema, compiled.json_schema)
    form_class = builder.get_form_class()
    data = QueryDict(mutable=True)
    for name, values in answers_as_form_data(
        builder, {"service": 3}, ["service"]
    ).items():
        data.setlist(name, values)
    form = form_class(data=data)
    assert form.is_valid(), form.errors
    assert form.answers == {"service": 3, "double": 6}
    refused = answers_validate(
        json_schema=compiled.json_schema,
        ui_schema=compiled.ui_schema,
        data={"service": 5},
    )
    assert [error.path for error in refused.errors] == [("service",)]
    rows = answer_rows(compiled.ui_schema, {"service": 3, "double": 6})
    assert [(row.key, row.value) for row in rows] == [
        ("service", "★★★"),
        ("double", "6"),
    ]
