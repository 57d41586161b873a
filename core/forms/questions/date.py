"""A date, ``YYYY-MM-DD``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.forms.definition.model import Node
from core.forms.fields import IsoDateField
from core.forms.questions.base import QuestionType
from core.forms.questions.parts import QuestionBlock, layout
from core.forms.questions.registry import register


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"
        form_layout = layout()


@register
class Date(QuestionType):
    name = "date"
    block_class = DateQuestionBlock

    def schema(self, node, by_key):
        return {"type": "string", "format": "date"}

    def ui(self, node: Node) -> dict[str, Any]:
        return {"widget": "date"}

    def answer(self, question, cleaned, references):
        value = cleaned.get(question["key"])
        return value.isoformat() if value is not None else None

    def form_fields(self, question, required, common):
        return {question["key"]: IsoDateField(required=required, **common)}
