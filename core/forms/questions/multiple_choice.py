"""A multiple choice: any number of options (at least / at most), the answer a
list of distinct values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node, Problem, option_items
from core.forms.fields import UniqueMultipleChoiceField
from core.forms.questions.base import limits_in_order
from core.forms.questions.choices import ChoiceQuestion, option_values
from core.forms.questions.parts import ChoiceQuestionBlock, layout
from core.forms.questions.registry import register
from core.forms.questions.schemas import count_limits


class MultipleChoiceBlock(ChoiceQuestionBlock):
    min_selected = blocks.IntegerBlock(
        required=False, min_value=0, label=_("At least this many")
    )
    max_selected = blocks.IntegerBlock(
        required=False, min_value=1, label=_("At most this many")
    )

    class Meta:
        label = _("Multiple choice")
        icon = "list-ul"
        form_layout = layout("options", "option_list", "min_selected", "max_selected")


@register
class MultipleChoice(ChoiceQuestion):
    name = "multiple_choice"
    block_class = MultipleChoiceBlock
    condition_op = "contains"
    multiple = True

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        found = super().problems(node, earlier)
        value, path = node.value, node.path
        low, high = value.get("min_selected"), value.get("max_selected")
        options = option_items(value)
        found += limits_in_order(
            node,
            "min_selected",
            "max_selected",
            gettext("“At most” cannot be less than “at least”."),
        )
        if options and (
            high is not None
            and high > len(options)
            or (low is not None and low > len(options))
        ):
            field_name = "max_selected" if high is not None else "min_selected"
            found.append(
                Problem(
                    (*path, field_name),
                    gettext("There are only %(count)d options.")
                    % {"count": len(options)},
                )
            )
        return found

    def match_one(self, values: list[Any]) -> dict[str, Any]:
        if len(values) == 1:
            return {"contains": {"const": values[0]}}
        return {"contains": {"enum": values}}

    def schema(self, node, by_key):
        value = node.value
        return {
            "type": "array",
            "items": {"enum": option_values(value)},
            "uniqueItems": True,
            **count_limits(value, "min_selected", "max_selected"),
        }

    def ui(self, node: Node) -> dict[str, Any]:
        return {
            **super().ui(node),
            "widget": "checkboxes",
            "min_selected": node.value.get("min_selected"),
            "max_selected": node.value.get("max_selected"),
        }

    def form_fields(self, question, required, common):
        return {
            question["key"]: UniqueMultipleChoiceField(
                choices=[(o["value"], o["label"]) for o in question["options"]],
                required=required,
                **common,
            )
        }

    def form_data(self, question, answer, name):
        return [(name, value) for value in answer]
