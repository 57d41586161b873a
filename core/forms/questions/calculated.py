"""A calculated value: computed by the server from earlier number answers
(sum, product, ratio...), never filled in; a sent value is replaced."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node, Problem
from core.forms.expressions import ExpressionError, parse_expression
from core.forms.questions.base import QuestionType, with_unit
from core.forms.questions.parts import KeyBlock, PickerBlock
from core.forms.questions.registry import register


class CalculatedBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=300, label=_("Label"))
    key = KeyBlock()
    help_text = blocks.CharBlock(required=False, max_length=500, label=_("Help text"))
    expression = PickerBlock(
        "calculation",
        max_length=500,
        label=_("Calculation"),
        help_text=_(
            "Choose what to calculate and the earlier number questions it uses, "
            "e.g. the product of length and width."
        ),
    )
    unit = blocks.CharBlock(required=False, max_length=20, label=_("Unit"))
    decimals = blocks.IntegerBlock(
        default=2, min_value=0, max_value=6, label=_("Decimal places")
    )

    class Meta:
        label = _("Calculated value")
        icon = "plus"
        label_format = "{label}"


@register
class Calculated(QuestionType):
    name = "calculated"
    block_class = CalculatedBlock
    computed = True
    numeric = True
    fill_template = "forms/questions/fill/calculated.html"

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        from core.forms.questions.registry import type_names

        numeric = type_names(lambda qt: qt.numeric)
        numbers = {key for key, other in earlier.items() if other.type in numeric}
        try:
            parse_expression(node.value.get("expression") or "", numbers)
        except ExpressionError as exc:
            return [Problem((*node.path, "expression"), str(exc))]
        return []

    def schema(self, node, by_key):
        # Computed by the server from earlier answers; a sent value is replaced.
        return {"type": "number", "readOnly": True}

    def ui(self, node: Node) -> dict[str, Any]:
        value = node.value
        return {
            "widget": "calculated",
            "expression": value.get("expression") or "",
            "unit": value.get("unit") or "",
            "decimals": value.get("decimals")
            if value.get("decimals") is not None
            else 2,
        }

    def compute(self, question: Mapping[str, Any], answers: dict[str, Any]) -> None:
        """Put the value computed from ``answers`` in them (left out when an
        input is missing or not a number)."""
        expression = parse_expression(question["expression"])
        values = {
            name: answers.get(name)
            for name in expression.names
            if isinstance(answers.get(name), int | float)
            and not isinstance(answers.get(name), bool)
        }
        result = expression.evaluate(values)
        if result is not None:
            answers[question["key"]] = round(result, question.get("decimals", 2))

    def display(self, question, answer):
        return with_unit(question, answer)
