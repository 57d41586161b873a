"""A signature or confirmation: a tick, one's full name typed, or a signature
drawn on the screen (a PNG data URL)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import (
    DRAWN_SIGNATURE_MAX_LENGTH,
    DRAWN_SIGNATURE_PATTERN,
    SIGNATURE_NAME_MAX_LENGTH,
    Node,
)
from core.forms.questions.base import QuestionType, text
from core.forms.questions.parts import QuestionBlock, layout
from core.forms.questions.registry import register
from core.forms.questions.schemas import text_schema

DRAWN_PREFIX = "data:image/png;base64,"


class SignatureBlock(QuestionBlock):
    mode = blocks.ChoiceBlock(
        choices=[
            ("confirm", _("Tick to confirm")),
            ("name", _("Type one's full name")),
            ("drawn", _("Sign by hand on the screen")),
        ],
        default="confirm",
        label=_("How"),
    )

    class Meta:
        label = _("Signature or confirmation")
        icon = "user"
        form_layout = layout("mode")


@register
class Signature(QuestionType):
    name = "signature"
    block_class = SignatureBlock
    display_template = "forms/questions/display/signature.html"
    signs = True

    def schema(self, node, by_key):
        mode = node.value.get("mode") or "confirm"
        if mode == "confirm":
            return {"type": "boolean", "const": True}
        if mode == "name":
            return text_schema(SIGNATURE_NAME_MAX_LENGTH)
        return {
            "type": "string",
            "pattern": DRAWN_SIGNATURE_PATTERN,
            "maxLength": DRAWN_SIGNATURE_MAX_LENGTH,
        }

    def ui(self, node: Node) -> dict[str, Any]:
        return {"widget": "signature", "mode": node.value.get("mode") or "confirm"}

    def form_fields(self, question, required, common):
        mode = question.get("mode") or "confirm"
        field: forms.Field
        if mode == "confirm":
            field = forms.BooleanField(required=required, **common)
        elif mode == "name":
            field = forms.CharField(
                strip=False,
                max_length=SIGNATURE_NAME_MAX_LENGTH,
                required=required,
                **common,
            )
        else:
            field = forms.CharField(
                strip=False,
                max_length=DRAWN_SIGNATURE_MAX_LENGTH,
                required=required,
                widget=forms.HiddenInput(attrs={"data-signature-pad": "1"}),
                **common,
            )
        return {question["key"]: field}

    def answer(self, question, cleaned, references):
        if question.get("mode", "confirm") == "confirm":
            return True if cleaned.get(question["key"]) else None
        return super().answer(question, cleaned, references)

    def form_data(self, question, answer, name):
        if question.get("mode", "confirm") == "confirm":
            return [(name, "on")] if answer is True else []
        return [(name, text(answer))]

    def display(self, question, answer):
        if answer is True:
            return gettext("Confirmed")
        if question.get("mode") == "drawn":
            return gettext("Signed")
        return str(answer)

    def row_parts(self, question, answer):
        # Only a value the schema's pattern accepted is stored: a PNG data URL.
        if (
            question.get("mode") == "drawn"
            and isinstance(answer, str)
            and answer.startswith(DRAWN_PREFIX)
        ):
            return {"image": answer}
        return {}
