"""A single choice: one option, shown as buttons or a drop-down list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node
from core.forms.questions.choices import ChoiceQuestion, option_values
from core.forms.questions.parts import ChoiceQuestionBlock, layout
from core.forms.questions.registry import register


class SingleChoiceBlock(ChoiceQuestionBlock):
    widget = blocks.ChoiceBlock(
        choices=[("radio", _("Buttons")), ("select", _("Drop-down list"))],
        default="radio",
        label=_("Shown as"),
    )

    class Meta:
        label = _("Single choice")
        icon = "radio-full"
        form_layout = layout("options", "option_list", "widget")


@register
class SingleChoice(ChoiceQuestion):
    name = "single_choice"
    block_class = SingleChoiceBlock

    def schema(self, node, by_key):
        return {"type": "string", "enum": option_values(node.value)}

    def ui(self, node: Node) -> dict[str, Any]:
        return {**super().ui(node), "widget": node.value.get("widget") or "radio"}

    def form_fields(self, question, required, common):
        options = [(o["value"], o["label"]) for o in question["options"]]
        if question.get("widget") == "select":
            widget: type[forms.Widget] = forms.Select
            options = [("", "---------"), *options]
        else:
            widget = forms.RadioSelect
        return {
            question["key"]: forms.ChoiceField(
                choices=options, widget=widget, required=required, **common
            )
        }
