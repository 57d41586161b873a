"""Show a stored answer as people read it, always with the version it answered.

Used by the admin's submission page and the Excel export, and meant for the
portal's print view: labels and option texts come from the submission's own
``FormVersion``, never from the definition as it is edited today.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from core.forms.definition import condition_met

RESULT_LABELS = {
    "compliant": lambda: _("Compliant"),
    "non_compliant": lambda: _("Non-compliant"),
    "not_applicable": lambda: _("Not applicable"),
}


@dataclass
class AnswerRow:
    key: str
    label: str
    value: str
    type: str
    step: str = ""
    entries: list[list[AnswerRow]] = field(default_factory=list)


def display_value(question: Mapping[str, Any], answer: Any) -> str:
    """One answer as text (a group's entries are shown separately)."""
    if answer is None:
        return "—"
    kind = question["type"]
    if kind == "check_item" and isinstance(answer, dict):
        text = RESULT_LABELS.get(answer.get("result"), lambda: "—")()
        if answer.get("note"):
            text += f" — {answer['note']}"
        if answer.get("photos"):
            text += " " + _("(%(count)d photos)") % {"count": len(answer["photos"])}
        return text
    if kind in ("single_choice", "multiple_choice"):
        labels = {o["value"]: o["label"] for o in question.get("options", [])}
        values = answer if isinstance(answer, list) else [answer]
        return "、".join(labels.get(v, str(v)) for v in values)
    if kind == "file_upload" and isinstance(answer, list):
        return "、".join(
            str(ref.get("name", "")) for ref in answer if isinstance(ref, dict)
        )
    if kind == "signature" and answer is True:
        return _("Confirmed")
    if kind == "signature" and question.get("mode") == "drawn":
        return _("Signed")
    if kind == "location" and isinstance(answer, dict):
        return f"{answer.get('lat')}, {answer.get('lng')}"
    if kind in ("number", "calculated"):
        unit = question.get("unit") or ""
        return f"{answer} {unit}".strip()
    if kind == "group" and isinstance(answer, list):
        return _("%(count)d entries") % {"count": len(answer)}
    return str(answer)


def answer_rows(
    ui_schema: Mapping[str, Any], data: Mapping[str, Any]
) -> list[AnswerRow]:
    """The version's questions in order with the answers given (hidden ones left out)."""
    questions = ui_schema.get("questions", {})
    rows = []
    for step in ui_schema.get("steps", []):
        for key in step.get("questions", []):
            question = questions[key]
            if key not in data and not condition_met(question.get("condition"), data):
                continue
            row = AnswerRow(
                key=key,
                label=question["label"],
                value=display_value(question, data.get(key)),
                type=question["type"],
                step=step.get("title") or "",
            )
            if question["type"] == "group":
                for entry in data.get(key) or []:
                    row.entries.append(
                        [
                            AnswerRow(
                                key=child_key,
                                label=questions[child_key]["label"],
                                value=display_value(
                                    questions[child_key], entry.get(child_key)
                                ),
                                type=questions[child_key]["type"],
                            )
                            for child_key in question.get("fields", [])
                        ]
                    )
            rows.append(row)
    return rows
