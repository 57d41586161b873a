"""A repeatable group: the same questions once per entry (e.g. per tank),
with checks across the questions of one entry. Its answer is a list of
entries; in a generated form it is a formset whose prefix is its key, built,
read and laid out here (``formset``, ``formset_answer``, ``formset_error``,
``formset_layout``, ``post_data``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.forms.formsets import formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node, Problem
from core.forms.questions.base import QuestionType, limits_in_order
from core.forms.questions.parts import QuestionBlock, RuleBlock, layout
from core.forms.questions.registry import question_type, question_types, register
from core.forms.questions.schemas import count_limits

# The most entries a group's formset accepts when the group sets no maximum.
MOST_ENTRIES = 1000


def entry_question_blocks() -> list[tuple[str, blocks.Block]]:
    """The blocks of the questions one entry may have: every type registered
    before the group, except containers."""
    return [(qt.name, qt.block()) for qt in question_types(lambda t: not t.container)]


class GroupBlock(QuestionBlock):
    """A repeatable group: the same questions once per entry (e.g. per tank)."""

    entry_label = blocks.CharBlock(
        required=False,
        max_length=100,
        label=_("Name of one entry"),
        help_text=_("E.g. “storage tank”."),
    )
    min_entries = blocks.IntegerBlock(
        required=False, min_value=0, max_value=500, label=_("At least this many")
    )
    max_entries = blocks.IntegerBlock(
        required=False, min_value=1, max_value=500, label=_("At most this many")
    )
    fields = blocks.StreamBlock(
        [*entry_question_blocks(), ("rule", RuleBlock())],
        min_num=1,
        label=_("Questions of one entry"),
    )

    class Meta:
        label = _("Repeatable group")
        icon = "table"
        form_layout = layout("entry_label", "min_entries", "max_entries", "fields")


@register
class Group(QuestionType):
    name = "group"
    block_class = GroupBlock
    container = True
    fill_template = "forms/questions/fill/group.html"
    display_template = "forms/questions/display/group.html"

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        found = limits_in_order(
            node,
            "min_entries",
            "max_entries",
            gettext("“At most” cannot be less than “at least”."),
        )
        if not node.fields:
            found.append(
                Problem((*node.path, "fields"), gettext("Add at least one question."))
            )
        return found

    def schema(self, node, by_key):
        from core.forms.definition.compiler import (
            compile_rule,
            property_schema,
            require,
        )

        value = node.value
        entry_properties = {}
        entry_required: list[str] = []
        entry_rules: list[dict[str, Any]] = []
        for child in node.fields:
            entry_properties[child.key] = property_schema(child, by_key)
            conditions = [child.condition()] if child.condition() else []
            require(child, conditions, by_key, entry_required, entry_rules)
        entry: dict[str, Any] = {
            "type": "object",
            "properties": entry_properties,
            "additionalProperties": False,
        }
        if entry_required:
            entry["required"] = entry_required
        # Rules that JSON Schema can express go into the entry's schema.
        for rule in node.rules:
            compile_rule(rule.value, [child.key for child in node.fields], entry_rules)
        if entry_rules:
            entry["allOf"] = entry_rules
        return {
            "type": "array",
            "items": entry,
            **count_limits(value, "min_entries", "max_entries"),
        }

    def ui(self, node: Node) -> dict[str, Any]:
        from core.forms.definition.compiler import compile_rule

        value = node.value
        order = [child.key for child in node.fields]
        rules = [compile_rule(rule.value, order, []) for rule in node.rules]
        question: dict[str, Any] = {}
        if rules:
            question["rules"] = rules  # checked in each entry
        question.update(
            widget="group",
            fields=order,
            entry_label=value.get("entry_label") or "",
            min_entries=value.get("min_entries"),
            max_entries=value.get("max_entries"),
        )
        return question

    def display(self, question, answer):
        if isinstance(answer, list):
            return gettext("%(count)d entries") % {"count": len(answer)}
        return str(answer)

    # -- the Django form: a formset of entries ----------------------------------------

    def entry_form_class(
        self, builder, question: Mapping[str, Any]
    ) -> type[forms.Form]:
        """The form of one entry: its questions' fields."""
        attrs: dict[str, Any] = {}
        for child_key in question.get("fields", []):
            attrs.update(builder.fields_for(builder.questions[child_key]))
        return type(f"Entry_{question['key']}", (forms.Form,), attrs)

    def entry_initial(self, builder, question, entries: Any) -> list[dict[str, Any]]:
        """Formset initials of stored entries: each child question's fields,
        as ``builder.answers_as_initial`` gives them for top-level questions."""
        from core.forms.builder import answers_as_initial

        children = [
            key
            for key in question.get("fields", [])
            if not question_type(builder.questions[key]["type"]).computed
        ]
        return [
            answers_as_initial(builder, entry, children)
            if isinstance(entry, dict)
            else {}
            for entry in (entries if isinstance(entries, list) else [])
        ]

    def initial(self, question, answer):
        return {}  # the entries are the formset's initial

    def formset(self, form, question, initial):
        # Unbound and new: show the entries the group needs at least.
        blank = (
            0
            if form.is_bound or initial
            else (question.get("min_entries") or (1 if question.get("required") else 0))
        )
        most = question.get("max_entries") or MOST_ENTRIES
        formset_class = formset_factory(
            self.entry_form_class(form.builder, question),
            extra=blank,
            min_num=0,
            max_num=most,
            absolute_max=max(most, MOST_ENTRIES),
        )
        return formset_class(
            data=form.data if form.is_bound else None,
            files=form.files if form.is_bound else None,
            prefix=form.add_prefix(question["key"]),
            initial=(
                self.entry_initial(form.builder, question, initial)
                if initial and not form.is_bound
                else None
            ),
        )

    def formset_answer(self, form, question, partial):
        fields = question.get("fields", [])
        entries = [
            form.answers_of(getattr(entry, "cleaned_data", None) or {}, fields)
            for entry in form.formsets[question["key"]].forms
        ]
        if partial:
            entries = [entry for entry in entries if entry]
        return entries or None

    def formset_error(self, form, question, error) -> None:
        formset = form.formsets[question["key"]]
        path = error.path
        if len(path) >= 3 and isinstance(path[1], int) and path[1] < len(formset.forms):
            from core.forms.builder import error_field_name

            entry = formset.forms[path[1]]
            name = error_field_name(
                form.builder.questions.get(path[2], {}), path[2], path[3:]
            )
            if name in entry.fields and name not in entry.errors:
                entry.add_error(name, error.message)
                return
            if name in entry.fields:
                return
        form.add_error(None, f"{question['label']}: {error.message}")

    def formset_layout(self, form, question, item) -> None:
        from core.forms.builder import EntryLayout, QuestionLayout, bound_fields

        def entry_layout(entry_form) -> EntryLayout:
            return EntryLayout(
                form=entry_form,
                items=[
                    QuestionLayout(
                        question=form.builder.questions[child_key],
                        fields=bound_fields(
                            entry_form, form.builder.questions[child_key]
                        ),
                    )
                    for child_key in question.get("fields", [])
                ],
            )

        item.entries = [entry_layout(entry) for entry in item.formset.forms]
        item.empty_entry = entry_layout(item.formset.empty_form)

    def post_data(self, builder, question, answers, prefix):
        key = question["key"]
        entries = answers.get(key) or []
        data = [
            (f"{key}-TOTAL_FORMS", str(len(entries))),
            (f"{key}-INITIAL_FORMS", "0"),
        ]
        for index, entry in enumerate(entries):
            for child_key in question.get("fields", []):
                child = builder.questions[child_key]
                data += question_type(child["type"]).post_data(
                    builder, child, entry, f"{key}-{index}-"
                )
        return data
