"""A location: a map point (latitude, longitude)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.forms.definition.model import Node
from core.forms.fields import LocationField
from core.forms.questions.base import QuestionType, text
from core.forms.questions.parts import QuestionBlock, layout
from core.forms.questions.registry import register


class LocationBlock(QuestionBlock):
    class Meta:
        label = _("Location (map point)")
        icon = "site"
        form_layout = layout()


@register
class Location(QuestionType):
    name = "location"
    block_class = LocationBlock

    def schema(self, node, by_key):
        return {
            "type": "object",
            "properties": {
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lng": {"type": "number", "minimum": -180, "maximum": 180},
            },
            "required": ["lat", "lng"],
            "additionalProperties": False,
        }

    def ui(self, node: Node) -> dict[str, Any]:
        return {"widget": "location"}

    def form_fields(self, question, required, common):
        return {question["key"]: LocationField(required=required, **common)}

    def form_data(self, question, answer, name):
        answer = answer if isinstance(answer, dict) else {}
        return [
            (name + "_0", text(answer.get("lat"))),
            (name + "_1", text(answer.get("lng"))),
        ]

    def display(self, question, answer):
        if isinstance(answer, dict):
            return f"{answer.get('lat')}, {answer.get('lng')}"
        return str(answer)
