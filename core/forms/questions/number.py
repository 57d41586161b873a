"""A number: whole or not, with limits that refuse and limits that only warn."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import Node, Problem
from core.forms.questions.base import (
    QuestionType,
    limits_in_order,
    number,
    with_unit,
)
from core.forms.questions.parts import QuestionBlock, layout
from core.forms.questions.registry import register


class NumberBlock(QuestionBlock):
    unit = blocks.CharBlock(required=False, max_length=20, label=_("Unit"))
    whole_number = blocks.BooleanBlock(required=False, label=_("Whole numbers only"))
    minimum = blocks.FloatBlock(required=False, label=_("Minimum"))
    maximum = blocks.FloatBlock(required=False, label=_("Maximum"))
    warning_below = blocks.FloatBlock(
        required=False,
        label=_("Warn below"),
        help_text=_("A value below this is accepted but flagged."),
    )
    warning_above = blocks.FloatBlock(
        required=False,
        label=_("Warn above"),
        help_text=_("A value above this is accepted but flagged."),
    )

    class Meta:
        label = _("Number")
        icon = "decimal"
        form_layout = layout(
            "unit",
            "whole_number",
            "minimum",
            "maximum",
            "warning_below",
            "warning_above",
        )


@register
class Number(QuestionType):
    name = "number"
    block_class = NumberBlock
    numeric = True
    condition_source = True
    condition_picker = "number"

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        return [
            *limits_in_order(
                node,
                "minimum",
                "maximum",
                gettext("The maximum cannot be less than the minimum."),
            ),
            *limits_in_order(
                node,
                "warning_below",
                "warning_above",
                gettext("“Warn above” cannot be less than “warn below”."),
            ),
        ]

    def condition_value_problem(self, node: Node, text: str) -> str | None:
        try:
            float(text)
        except ValueError:
            return gettext("“%(label)s” is a number question; enter a number.") % {
                "label": node.label
            }
        return None

    def condition_value(self, text: str) -> Any:
        return number(text)

    def schema(self, node, by_key):
        value = node.value
        schema: dict[str, Any] = {
            "type": "integer" if value.get("whole_number") else "number"
        }
        if value.get("minimum") is not None:
            schema["minimum"] = value["minimum"]
        if value.get("maximum") is not None:
            schema["maximum"] = value["maximum"]
        return schema

    def ui(self, node: Node) -> dict[str, Any]:
        value = node.value
        return {
            "widget": "number",
            "unit": value.get("unit") or "",
            "whole_number": bool(value.get("whole_number")),
            "minimum": value.get("minimum"),
            "maximum": value.get("maximum"),
            "warning_below": value.get("warning_below"),
            "warning_above": value.get("warning_above"),
        }

    def form_fields(self, question, required, common):
        field_class: type[forms.IntegerField] | type[forms.FloatField] = (
            forms.IntegerField if question.get("whole_number") else forms.FloatField
        )
        common = dict(common)
        if question.get("unit"):
            common["label"] = f"{question['label']} ({question['unit']})"
        return {
            question["key"]: field_class(
                min_value=question.get("minimum"),
                max_value=question.get("maximum"),
                required=required,
                widget=forms.NumberInput(
                    attrs={"step": "1" if question.get("whole_number") else "any"}
                ),
                **common,
            )
        }

    def display(self, question, answer):
        return with_unit(question, answer)

    def warnings(
        self, question: Mapping[str, Any], answer: Any, path: tuple
    ) -> list[dict[str, Any]]:
        """The answer beyond a warning limit: accepted, but flagged."""
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return []
        found = []
        below, above = question.get("warning_below"), question.get("warning_above")
        if below is not None and answer < below:
            found.append(
                {"path": list(path), "key": question["key"], "value": answer,
                 "limit": "below", "threshold": below}
            )  # fmt: skip
        if above is not None and answer > above:
            found.append(
                {"path": list(path), "key": question["key"], "value": answer,
                 "limit": "above", "threshold": above}
            )  # fmt: skip
        return found
