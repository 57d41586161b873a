"""A repeatable group: the same questions once per entry (e.g. per tank),
with checks across the questions of one entry. Its answer is a list of
entries; the form builder shows it as a formset whose prefix is its key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node, Problem
from core.forms.questions.base import QuestionType
from core.forms.questions.parts import QuestionBlock, RuleBlock, layout
from core.forms.questions.registry import question_types, register


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

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        found = []
        low, high = node.value.get("min_entries"), node.value.get("max_entries")
        if low is not None and high is not None and low > high:
            found.append(
                Problem(
                    (*node.path, "max_entries"),
                    gettext("“At most” cannot be less than “at least”."),
                )
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
        schema: dict[str, Any] = {"type": "array", "items": entry}
        least = max(value.get("min_entries") or 0, 1 if value.get("required") else 0)
        if least:
            schema["minItems"] = least
        if value.get("max_entries"):
            schema["maxItems"] = value["max_entries"]
        return schema

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
