"""A text: one line or several, at most a given length, never blank."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node
from core.forms.questions.base import QuestionType
from core.forms.questions.parts import QuestionBlock, RequiredWhenBlock, layout
from core.forms.questions.registry import register
from core.forms.questions.schemas import text_schema


class TextQuestionBlock(QuestionBlock):
    multiline = blocks.BooleanBlock(required=False, label=_("Several lines"))
    max_length = blocks.IntegerBlock(
        default=500, min_value=1, max_value=10000, label=_("Maximum length")
    )
    required_when = RequiredWhenBlock()

    class Meta:
        label = _("Text")
        icon = "pilcrow"
        form_layout = layout("multiline", "max_length", "required_when")


@register
class Text(QuestionType):
    name = "text"
    block_class = TextQuestionBlock
    evidence_rule = True

    def schema(self, node, by_key):
        return text_schema(node.value.get("max_length") or 500)

    def ui(self, node: Node) -> dict[str, Any]:
        return {
            "widget": "textarea" if node.value.get("multiline") else "text",
            "max_length": node.value.get("max_length") or 500,
        }

    def form_fields(self, question, required, common):
        widget = (
            forms.Textarea(attrs={"rows": 4})
            if question.get("widget") == "textarea"
            else None
        )
        return {
            question["key"]: forms.CharField(
                strip=False,
                max_length=question.get("max_length"),
                required=required,
                widget=widget,
                **common,
            )
        }
