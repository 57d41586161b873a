"""What the single and the multiple choice share: options (typed, or from a
department's option list, then possibly scored), their checks, conditions on
the chosen value(s), the options in the UI description and their labels shown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext

from core.forms.definition.model import Node, Problem, list_values, option_items
from core.forms.questions.base import QuestionType


def option_values(value: Mapping[str, Any]) -> list[str]:
    return [option["value"] for option in option_items(value)]


class ChoiceQuestion(QuestionType):
    """A question answered by choosing among options."""

    condition_source = True
    has_options = True
    condition_picker = "options"
    #: Several options may be chosen (the answer is a list).
    multiple = False

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        found = []
        value, path = node.value, node.path
        options = option_items(value)
        seen: set[str] = set()
        for j, option in enumerate(list_values(value.get("options"))):
            if not isinstance(option, dict) or option not in options:
                continue  # a row left empty
            option_value = option.get("value")
            if not option_value:
                found.append(
                    Problem(
                        (*path, "options", j, "value"),
                        gettext("Enter the option's stored value."),
                    )
                )
                continue
            if option_value in seen:
                found.append(
                    Problem(
                        (*path, "options", j, "value"),
                        gettext(
                            "The value “%(value)s” is already used by another option."
                        )
                        % {"value": option_value},
                    )
                )
            seen.add(option_value)
        from_list = bool(value.get("option_list")) and not options
        if len(options) < 2 and not from_list:
            found.append(
                Problem((*path, "options"), gettext("Give at least two options."))
            )
        return found

    def condition_values(self, node: Node) -> list[str] | None:
        if node.value.get("option_list") and not option_items(node.value):
            return None  # a list's options: checked once resolved (publish)
        return [
            option["value"]
            for option in option_items(node.value)
            if option.get("value")
        ]

    def ui(self, node: Node) -> dict[str, Any]:
        return {
            "options": [
                {
                    "value": option["value"],
                    "label": option.get("label") or option["value"],
                }
                for option in option_items(node.value)
            ]
        }

    def scoring_item(self, node: Node, group: str | None) -> dict[str, Any] | None:
        """Options that carry scores (from an option list) are scored like a
        check item: a single choice earns the chosen option's score out of the
        highest; a multiple choice the sum of the chosen options' scores out of
        the sum of the positive ones. An option without a score is not
        counted; a "finding" option chosen opens a hazard (general grade)."""
        options = option_items(node.value)
        scores = {
            o["value"]: float(o["score"])
            for o in options
            if isinstance(o.get("score"), int | float)
        }
        findings = [o["value"] for o in options if o.get("finding")]
        if not scores and not findings:
            return None
        return {
            "key": node.key,
            "label": node.label,
            "points": (
                sum(score for score in scores.values() if score > 0)
                if self.multiple
                else max(scores.values(), default=0.0)
            ),
            "multiple": self.multiple,
            "deduction": None,
            "guarantee": False,
            "hazard_grade": "general" if findings else None,
            "scores": scores,
            "findings": findings,
            "group": group,
        }

    def display(self, question, answer):
        labels = {o["value"]: o["label"] for o in question.get("options", [])}
        values = answer if isinstance(answer, list) else [answer]
        return "、".join(labels.get(v, str(v)) for v in values)
