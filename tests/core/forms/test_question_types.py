"""The question types' registry: every type is one class, and a new type is
one module registering a class (here, a star rating defined in this test,
with its own templates): its block, checks, schema, form, how it is filled
and shown, and what the editor's pickers know of it."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from django import forms
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.blocks import body_block
from core.forms.builder import FormBuilder, answers_as_form_data
from core.forms.definition import (
    QUESTION_TYPES,
    compile_definition,
    definition_problems,
)
from core.forms.display import answer_rows, answer_steps
from core.forms.questions import question_type, question_types, registry
from core.forms.questions.base import QuestionType
from core.forms.questions.parts import QuestionBlock, layout, picker_types
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
    condition_picker = "number"
    fill_template = "rating/fill.html"
    display_template = "rating/display.html"

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
def rating(tmp_path, settings):
    """The rating registered, and its templates where the project finds
    templates (a type's module would ship them in its app's templates/)."""
    (tmp_path / "rating").mkdir()
    (tmp_path / "rating" / "fill.html").write_text(
        '<span class="sg-stars" data-stars="{{ item.question.stars }}">'
        "{{ item.fields.0 }}</span>"
    )
    (tmp_path / "rating" / "display.html").write_text(
        '<span class="sg-stars">{{ row.value }}</span>'
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
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


def test_a_new_type_is_filled_and_shown_by_its_own_templates(rating):
    raw = [
        {"type": "rating", "value": {"key": "service", "label": "服务", "stars": 4}},
        {"type": "text", "value": {"key": "why", "label": "原因"}},
    ]
    compiled = compile_definition(raw, title="t")
    builder = FormBuilder(compiled.ui_schema, compiled.json_schema)
    form = builder.get_form_class()(initial_answers={"service": 3})
    html = render_to_string("forms/includes/questions.html", {"items": form.layout()})
    assert '<div class="sg-question sg-question--rating" data-key="service"' in html
    assert (
        '<span class="sg-stars" data-stars="4"><input type="number" name="service"'
        in html
    )
    assert 'value="3"' in html
    # The types without templates of their own: their fields, labelled.
    assert '<label for="id_why">原因</label>' in html

    rows = answer_steps(compiled.ui_schema, {"service": 3, "why": "快"})[0].rows
    shown = render_to_string("forms/portal/includes/answers.html", {"rows": rows})
    assert '<span class="sg-stars">★★★</span>' in shown
    assert re.search(r'data-key="why">\s*<dt>原因</dt>\s*<dd>\s*快\s*</dd>', shown)

    # The editor's pickers offer it as a condition's source and in sums.
    assert picker_types()["rating"] == {
        "condition": True,
        "numeric": True,
        "container": False,
        "values": "number",
    }


ROOT = Path(__file__).resolve().parents[3]
SHARED = (
    "core/forms/templates/forms/includes/questions.html",
    "core/forms/templates/forms/portal/includes/answers.html",
    "core/forms/templates/forms/admin/submission.html",
    "core/notices/templates/notices/commitment_notice_page.html",
    "site/safegrid_site/static/safegrid/js/forms.js",
    "site/safegrid_site/static/safegrid/js/form-editor.js",
)


@pytest.mark.parametrize("path", SHARED)
def test_the_shared_templates_and_scripts_name_no_question_type(path):
    """What differs by type is asked of the type (its templates, its
    ``picker_types`` entry), so these files never compare a type's name.
    "number", "text" and "date" are also input types the scripts set."""
    source = (ROOT / path).read_text()
    names = [kind.name for kind in question_types()]
    for name in (n for n in names if n not in ("number", "text", "date")):
        for spelled in (f'"{name}"', f"'{name}'", f"--{name}"):
            assert spelled not in source, (path, spelled)
    if path.endswith(".html"):
        assert "type ==" not in source and "type !=" not in source


def test_the_editors_pickers_know_each_type_from_its_class():
    types = picker_types()
    assert list(types) == [kind.name for kind in question_types()]
    assert [name for name, kind in types.items() if kind["condition"]] == [
        "check_item",
        "single_choice",
        "multiple_choice",
        "number",
    ]
    assert [name for name, kind in types.items() if kind["numeric"]] == [
        "number",
        "calculated",
    ]
    assert [name for name, kind in types.items() if kind["container"]] == ["group"]
    assert {name: kind["values"] for name, kind in types.items()} == {
        "check_item": "results",
        "single_choice": "options",
        "multiple_choice": "options",
        "number": "number",
        **{
            name: "text"
            for name in types
            if name not in ("check_item", "single_choice", "multiple_choice", "number")
        },
    }
