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
    """One answered question; ``files`` are the upload references it holds
    (photos of a check item, uploaded files), ``image`` a drawn signature,
    ``result`` and ``note`` a check item's parts (``value`` has them as text)."""

    key: str
    label: str
    value: str
    type: str
    step: str = ""
    entries: list[list[AnswerRow]] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)
    image: str = ""
    result: str = ""
    note: str = ""


def _files(question: Mapping[str, Any], answer: Any) -> list[dict[str, Any]]:
    if question["type"] == "check_item" and isinstance(answer, dict):
        answer = answer.get("photos")
    elif question["type"] != "file_upload":
        return []
    return [ref for ref in answer or [] if isinstance(ref, dict) and "id" in ref]


def _image(question: Mapping[str, Any], answer: Any) -> str:
    # Only a value the schema's pattern accepted is stored: a PNG data URL.
    if (
        question["type"] == "signature"
        and question.get("mode") == "drawn"
        and isinstance(answer, str)
        and answer.startswith("data:image/png;base64,")
    ):
        return answer
    return ""


def _row(question: Mapping[str, Any], answer: Any, **kwargs) -> AnswerRow:
    return AnswerRow(
        key=question["key"],
        label=question["label"],
        value=display_value(question, answer),
        type=question["type"],
        files=_files(question, answer),
        image=_image(question, answer),
        **_check_parts(question, answer),
        **kwargs,
    )


def _check_parts(question: Mapping[str, Any], answer: Any) -> dict[str, str]:
    if question["type"] != "check_item" or not isinstance(answer, dict):
        return {}
    return {
        "result": str(answer.get("result") or ""),
        "note": str(answer.get("note") or ""),
    }


def _number_text(value: Any) -> str:
    # A float form field stores 38.0 for "38": show what was typed.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
        return f"{_number_text(answer)} {unit}".strip()
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
            row = _row(question, data.get(key), step=step.get("title") or "")
            if question["type"] == "group":
                for entry in data.get(key) or []:
                    row.entries.append(
                        [
                            _row(questions[child_key], entry.get(child_key))
                            for child_key in question.get("fields", [])
                        ]
                    )
            rows.append(row)
    return rows


@dataclass
class AnswerStep:
    """The answered questions of one step, under the step's title."""

    number: int
    title: str
    rows: list[AnswerRow]


def answer_steps(
    ui_schema: Mapping[str, Any], data: Mapping[str, Any]
) -> list[AnswerStep]:
    """``answer_rows`` grouped by step (steps without answers left out); an
    untitled step is called "Step n"."""
    rows = answer_rows(ui_schema, data)
    steps = []
    for number, step in enumerate(ui_schema.get("steps", []), start=1):
        keys = set(step.get("questions", []))
        step_rows = [row for row in rows if row.key in keys]
        if step_rows:
            title = step.get("title") or _("Step %(number)d") % {"number": number}
            steps.append(AnswerStep(number=number, title=title, rows=step_rows))
    return steps
