"""Show a stored answer as people read it, always with the version it answered.

Used by the admin's submission page and the Excel export, and meant for the
portal's print view: labels and option texts come from the submission's own
``FormVersion``, never from the definition as it is edited today. How an
answer reads is its question type's (``QuestionType.display``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from core.forms.definition import condition_met
from core.forms.questions import question_type


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

    @property
    def display_template(self) -> str:
        """The template of the answer as the portal shows it: its type's."""
        return question_type(self.type).display_template

    @property
    def signs(self) -> bool:
        """The answer signs the form (a signature)."""
        return question_type(self.type).signs

    @property
    def answer_is_files(self) -> bool:
        """The answer is the files it holds (shown as them, not as text)."""
        return question_type(self.type).answer_is_files


def _row(question: Mapping[str, Any], answer: Any, **kwargs) -> AnswerRow:
    kind = question_type(question["type"])
    return AnswerRow(
        key=question["key"],
        label=question["label"],
        value=display_value(question, answer),
        type=question["type"],
        files=kind.files(answer),
        **kind.row_parts(question, answer),
        **kwargs,
    )


def display_value(question: Mapping[str, Any], answer: Any) -> str:
    """One answer as text (a group's entries are shown separately)."""
    if answer is None:
        return "—"
    return question_type(question["type"]).display(question, answer)


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
            if question_type(question["type"]).container:
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
