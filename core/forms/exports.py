"""Excel export of submissions across versions (openpyxl).

One row per submission with a version column; one column per question key
found in any version of the exported submissions (the newest version's order
first, then keys only older versions had), headed by the label and the key.
A submission shows "—" where its version had no such question.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from core.forms.display import display_value
from core.forms.models import Submission

# Cells longer than this are cut (Excel's own limit is 32,767 characters).
MAX_CELL = 30000


def _columns(versions: Iterable[Any]) -> list[tuple[str, str]]:
    columns: dict[str, str] = {}
    for version in sorted(versions, key=lambda v: -v.number):
        questions = version.ui_schema.get("questions", {})
        for key in version.ui_schema.get("order", []):
            columns.setdefault(key, questions[key]["label"])
    return list(columns.items())


def submissions_xlsx(submissions: Iterable[Submission]) -> bytes:
    """The workbook as bytes; ``submissions`` come from ``submission_list``."""
    rows = list(submissions)
    versions = {s.version_id: s.version for s in rows}
    columns = _columns(versions.values())
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Submissions")[:31]
    fixed = [
        _("Submission"),
        _("Form"),
        _("Version"),
        _("Enterprise"),
        _("Unified social credit code"),
        _("Status"),
        _("Revision"),
        _("Submitted at"),
        _("Submitted by"),
        _("Score"),
        _("Maximum score"),
        _("Percent"),
        _("Passed"),
    ]
    sheet.append(fixed + [f"{label} ({key})" for key, label in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for submission in rows:
        questions = submission.version.ui_schema.get("questions", {})
        values = [
            submission.pk,
            submission.definition.key,
            submission.version.number,
            submission.enterprise.name,
            submission.enterprise.uscc,
            submission.get_status_display(),
            submission.revision,
            timezone.localtime(submission.submitted_at).replace(tzinfo=None),
            submission.submitted_by.get_username() if submission.submitted_by else "",
            submission.score,
            submission.max_score,
            submission.percent,
            ""
            if submission.passed is None
            else (_("yes") if submission.passed else _("no")),
        ]
        for key, _label in columns:
            question = questions.get(key)
            if question is None:
                values.append("—")
            elif question["type"] == "group":
                values.append(
                    json.dumps(submission.data.get(key, []), ensure_ascii=False)[
                        :MAX_CELL
                    ]
                )
            else:
                values.append(
                    display_value(question, submission.data.get(key))[:MAX_CELL]
                )
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            # Answers are typed by enterprises: "=..." must stay text, never a formula.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
