"""Django forms generated from a version's UI description and JSON Schema.

Shaped like Wagtail's form builder (``wagtail/contrib/forms/forms.py``); each
question type gives its own fields (``QuestionType.form_fields`` in
``core.forms.questions``). The admin preview renders
these forms and the portal's guided form uses them step by step, so an
officer previews exactly what an enterprise fills in.

The fields parse what a browser sends (numbers, dates, choices, files); the
form's ``clean()`` then turns the cleaned values into the JSON answer and runs
``core.forms.validation.answers_validate`` — the very check of the API — and
puts each error at the field of its path. A generated form therefore accepts
exactly the answers the JSON Schema accepts (tests/core/forms prove it with
hypothesis). Conventions: an unanswered question is a key left out, never
``""``, ``[]`` or ``false``; a check item's note and photos are the fields
``<key>__note`` and ``<key>__photos``; a repeatable group is a formset whose
prefix is the group's key (built, read and laid out by the group's type:
``QuestionType.formset``).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.definition import FILE_TYPES
from core.forms.fields import (
    CHECK_CHOICES,
    UploadHandler,
    UploadsField,
    UploadsValue,
)
from core.forms.questions import question_type
from core.forms.validation import answers_validate

# -- the builder ------------------------------------------------------------------


class FormBuilder:
    """Form fields for the questions of a version (UI description + JSON Schema)."""

    def __init__(self, ui_schema: Mapping[str, Any], json_schema: Mapping[str, Any]):
        self.ui_schema = ui_schema
        self.json_schema = json_schema
        self.questions: Mapping[str, Any] = ui_schema.get("questions", {})

    # Field-level "required" only where it always holds; conditional
    # requirements are the JSON Schema's, checked in clean().
    @staticmethod
    def required(question: Mapping[str, Any]) -> bool:
        return (
            bool(question.get("required"))
            and not question.get("condition")
            and not question.get("required_when")
        )

    @staticmethod
    def _common(question: Mapping[str, Any]) -> dict[str, Any]:
        return {"label": question["label"], "help_text": question.get("help_text", "")}

    def fields_for(self, question: Mapping[str, Any]) -> dict[str, forms.Field]:
        """The form fields of one question, its type's (none for calculated
        values; a group's entries are a formset)."""
        return question_type(question["type"]).form_fields(
            question, self.required(question), self._common(question)
        )

    def get_form_class(self, step: int | None = None) -> type[AnswerForm]:
        """The form of one step (index into ``ui_schema["steps"]``) or of all."""
        steps = self.ui_schema.get("steps", [])
        chosen = steps if step is None else [steps[step]]
        keys = [key for s in chosen for key in s["questions"]]
        attrs: dict[str, Any] = {"builder": self, "question_keys": keys}
        for key in keys:
            attrs.update(self.fields_for(self.questions[key]))
        return type(
            "AnswerStepForm" if step is not None else "AnswerForm", (AnswerForm,), attrs
        )


# -- the generated form -------------------------------------------------------------


@dataclass
class QuestionLayout:
    """What a template renders for one question.

    A repeatable group also carries the layout of each of its entries and of
    the empty entry a script clones (``__prefix__`` in its field names), so
    the questions of an entry keep their own ``data-condition``.
    """

    question: Mapping[str, Any]
    fields: list[Any] = field(default_factory=list)
    formset: Any = None
    entries: list[EntryLayout] = field(default_factory=list)
    empty_entry: EntryLayout | None = None

    @property
    def fill_template(self) -> str:
        """The template of the question's own part: its type's."""
        return question_type(self.question["type"]).fill_template

    @property
    def condition_json(self) -> str:
        return json.dumps(self.question.get("condition") or None, ensure_ascii=False)

    @property
    def required_when_json(self) -> str:
        return json.dumps(self.question.get("required_when"), ensure_ascii=False)

    @property
    def required_when_text(self) -> str:
        """The evidence rule in the reader's words: "Required when “设备状态”
        is 不合格"."""
        rule = self.question.get("required_when_text")
        if not rule:
            return ""
        results = dict(CHECK_CHOICES)
        values = [
            str(results.get(v, v)) if rule.get("results") else v
            for v in rule.get("values", [])
        ]
        answers = str(_(" or ")).join(f"“{v}”" for v in values)
        texts = {
            "is": _("Required when “%(question)s” is %(answers)s."),
            "any_of": _("Required when “%(question)s” is %(answers)s."),
            "is_not": _("Required when “%(question)s” is not %(answers)s."),
        }
        text = texts.get(rule.get("operator"), texts["is"])
        return text % {"question": rule.get("question", ""), "answers": answers}


@dataclass
class EntryLayout:
    """One entry of a repeatable group: its form and its questions."""

    form: Any
    items: list[QuestionLayout] = field(default_factory=list)


class AnswerForm(forms.Form):
    """Base of the generated forms; ``answers`` holds the JSON answer after
    validation (calculated values included)."""

    builder: FormBuilder
    question_keys: list[str] = []

    def __init__(
        self,
        *args,
        prior_answers: Mapping[str, Any] | None = None,
        initial_answers: Mapping[str, Any] | None = None,
        enterprise=None,
        upload_handler: UploadHandler | None = None,
        **kwargs,
    ):
        if initial_answers:
            kwargs.setdefault(
                "initial",
                answers_as_initial(self.builder, initial_answers, self.question_keys),
            )
        super().__init__(*args, **kwargs)
        self.prior_answers = dict(prior_answers or {})
        self.enterprise = enterprise
        self.upload_handler = upload_handler
        self.answers: dict[str, Any] = {}
        self.warnings: list[dict[str, Any]] = []
        self.formsets = {}
        for key in self.question_keys:
            question = self.builder.questions[key]
            formset = question_type(question["type"]).formset(
                self, question, (initial_answers or {}).get(key)
            )
            if formset is not None:
                self.formsets[key] = formset

    def layout(self) -> list[QuestionLayout]:
        items = []
        for key in self.question_keys:
            question = self.builder.questions[key]
            item = QuestionLayout(
                question=question,
                fields=bound_fields(self, question),
                formset=self.formsets.get(key),
            )
            if item.formset is not None:
                question_type(question["type"]).formset_layout(self, question, item)
            items.append(item)
        return items

    def partial_answers(self) -> dict[str, Any]:
        """This form's answers from the fields that are valid on their own.

        For keeping a draft of a step that is not valid yet (the guided form's
        "back" and "save draft"): what could be read is kept, what could not
        is left out. Call after ``is_valid()``.
        """
        cleaned = getattr(self, "cleaned_data", None) or {}
        answers: dict[str, Any] = {}
        for key in self.question_keys:
            answers.update(self._answer_of(cleaned, key, partial=True))
        return answers

    def _answer_of(
        self, cleaned: Mapping[str, Any], key: str, *, partial: bool = False
    ) -> dict[str, Any]:
        """``{key: answer}`` of a top-level question (empty: unanswered)."""
        if key not in self.formsets:
            return self.answers_of(cleaned, [key])
        question = self.builder.questions[key]
        answer = question_type(question["type"]).formset_answer(self, question, partial)
        return {} if answer is None else {key: answer}

    def keep_stored_files(self) -> None:
        """Show the files this validation stored as attached, errors or not.

        A browser cannot send a chosen file again: when a step is refused for
        another reason (say, a note missing beside a photo), the photo stored
        by the upload handler must stay attached in the page shown again.
        Call after ``is_valid()``; it rewrites the bound data of upload fields.
        """
        if not self.is_bound:
            return
        data = self.data.copy()
        forms_ = [self, *(f for fs in self.formsets.values() for f in fs.forms)]
        for form in forms_:
            cleaned = getattr(form, "cleaned_data", None) or {}
            for name, form_field in form.fields.items():
                value = cleaned.get(name)
                if isinstance(form_field, UploadsField) and isinstance(
                    value, UploadsValue
                ):
                    data[form.add_prefix(name)] = json.dumps(
                        value.references, ensure_ascii=False
                    )
        for form in forms_:
            form.data = data
        for formset in self.formsets.values():
            formset.data = data

    def is_valid(self) -> bool:
        valid = super().is_valid()
        formsets_valid = [formset.is_valid() for formset in self.formsets.values()]
        return valid and all(formsets_valid)

    def clean(self):
        cleaned = super().clean()
        answers: dict[str, Any] = {}
        # Every formset is cleaned, not just those before the first invalid
        # one (``all()`` over a generator would stop there).
        validity = [formset.is_valid() for formset in self.formsets.values()]
        formsets_valid = all(validity)
        for key in self.question_keys:
            answers.update(self._answer_of(cleaned, key))
        merged = {
            k: v for k, v in self.prior_answers.items() if k not in self.question_keys
        }
        merged.update(answers)
        result = answers_validate(
            json_schema=self.builder.json_schema,
            ui_schema=self.builder.ui_schema,
            data=merged,
            enterprise=self.enterprise,
        )
        for error in result.errors:
            self._place_error(error)
        if formsets_valid and not self.errors:
            self.answers = result.data
            self.warnings = result.warnings
        return cleaned

    def answers_of(self, cleaned: Mapping[str, Any], keys: list[str]) -> dict[str, Any]:
        """The answers to ``keys`` (questions without a formset; a group's
        entries are read with it) in ``cleaned``, unanswered left out."""
        answers: dict[str, Any] = {}
        for key in keys:
            question = self.builder.questions[key]
            kind = question_type(question["type"])
            if kind.computed:
                continue
            answer = kind.answer(question, cleaned, self._references)
            if answer is not None:
                answers[key] = answer
        return answers

    def _references(self, value: UploadsValue | None) -> list[dict[str, Any]]:
        if not value:
            return []
        references = list(value.references)
        for upload in value.files:
            if self.upload_handler is not None:
                references.append(self.upload_handler(upload).as_reference())
            else:  # a preview: checked, not stored
                references.append(
                    {
                        "id": str(uuid.uuid4()),
                        "name": os.path.basename(upload.name)[:255] or "upload",
                        "content_type": _content_type(upload.name),
                        "size": upload.size,
                    }
                )
        value.references, value.files = references, []
        return references

    def _place_error(self, error) -> None:
        if not error.path:
            self.add_error(None, error.message)
            return
        key = error.path[0]
        if key not in self.question_keys:
            return  # another step's question: checked when that step is filled
        question = self.builder.questions[key]
        if key in self.formsets:
            question_type(question["type"]).formset_error(self, question, error)
            return
        name = error_field_name(question, key, error.path[1:])
        if name not in self.fields:
            self.add_error(None, f"{question['label']}: {error.message}")
        elif name not in self.errors:
            self.add_error(name, error.message)


def bound_fields(form: forms.Form, question: Mapping[str, Any]) -> list[Any]:
    """The bound fields of one question, in its type's order (a check item's
    result, note and photos)."""
    names = question_type(question["type"]).field_names(question["key"])
    return [form[name] for name in names if name in form.fields]


def error_field_name(question: Mapping[str, Any], key: str, rest: tuple) -> str:
    """The field an error at ``(key, *rest)`` of an answer is shown at."""
    kind = question.get("type")
    return question_type(kind).field_name(key, rest) if kind else key


def _content_type(name: str) -> str:
    extension = os.path.splitext(name or "")[1].lower()
    for types in FILE_TYPES.values():
        if extension in types:
            return types[extension]
    return "application/octet-stream"


# -- answers <-> form values -------------------------------------------------------


def answers_as_initial(
    builder: FormBuilder, answers: Mapping[str, Any], keys: list[str]
) -> dict[str, Any]:
    """Initial values for a form (a draft resumed); groups are formset initials."""
    initial: dict[str, Any] = {}
    for key in keys:
        question = builder.questions[key]
        kind = question_type(question["type"])
        if key in answers and not kind.computed:
            initial.update(kind.initial(question, answers[key]))
    return initial


def answers_as_form_data(
    builder: FormBuilder, answers: Mapping[str, Any], keys: list[str]
) -> dict[str, Any]:
    """What a browser posts for ``answers`` (a ``QueryDict``-like dict of lists)."""
    data: dict[str, list[str]] = {}
    for key in keys:
        question = builder.questions[key]
        kind = question_type(question["type"])
        for name, value in kind.post_data(builder, question, answers, ""):
            data.setdefault(name, []).append(value)
    return data
