"""Excel export of submissions across versions (openpyxl), for officers.

* Sheet 1, one row per submission: the form's title, its version, the
  enterprise, status, who submitted it (the person's name), score; then one
  column per question found in any version of the exported submissions (the
  newest version's order first), headed by the question's label; answers as
  people read them (option labels, "不符合 — note (2 photos)"). A submission
  shows "—" where its version had no such question.
* One sheet per repeatable group (e.g. 储罐逐台检查): one row per entry, with
  the submission's number, the enterprise and the entry's number.
* "Photos and files": one row per photo or file, its name a link to it (the
  platform's own address, opened with the officer's login and scope).

Answers are typed by enterprises: a text starting with "=" stays text,
never a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.base.workbook import bold_header, guard_last_row, new_sheet, workbook_bytes
from core.forms.display import display_value
from core.forms.models import Submission
from core.forms.questions import question_type

# Cells longer than this are cut (Excel's own limit is 32,767 characters).
MAX_CELL = 30000


def _columns(versions: Iterable[Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every top-level question of the versions, newest version's order first."""
    columns: dict[str, dict[str, Any]] = {}
    for version in sorted(versions, key=lambda v: -v.number):
        questions = version.ui_schema.get("questions", {})
        for key in version.ui_schema.get("order", []):
            columns.setdefault(key, questions[key])
    return list(columns.items())


def _headers(labels: list[str]) -> list[str]:
    """Labels as column headers; a repeated label gets a number."""
    seen: dict[str, int] = {}
    headers = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        headers.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return headers


def person_name(user) -> str:
    """A person as officers know them: the full name, else the login name."""
    if user is None:
        return ""
    return (user.get_full_name() or "").strip() or user.get_username()


def submissions_xlsx(
    submissions: Iterable[Submission],
    *,
    file_url: Callable[[str], str] | None = None,
) -> bytes:
    """The workbook as bytes; ``submissions`` come from ``submission_list``,
    ``file_url`` gives the address of an uploaded file (by its id)."""
    rows = list(submissions)
    versions = {s.version_id: s.version for s in rows}
    columns = _columns(versions.values())
    simple = [(key, q) for key, q in columns if not question_type(q["type"]).container]
    groups = [(key, q) for key, q in columns if question_type(q["type"]).container]
    workbook = Workbook()
    used_names: set[str] = set()
    sheet = workbook.active
    sheet.title = _("Submissions")[:31]
    used_names.add(sheet.title)
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
    bold_header(sheet, fixed + _headers([q["label"] for _key, q in simple]))
    group_sheets = {}
    for key, question in groups:
        group_sheet = new_sheet(workbook, question["label"], used_names)
        fields = _group_fields(versions.values(), key)
        bold_header(
            group_sheet,
            [_("Submission"), _("Enterprise"), _("Entry")]
            + _headers([f["label"] for _k, f in fields]),
        )
        group_sheets[key] = (group_sheet, fields)
    files_sheet = new_sheet(workbook, _("Photos and files"), used_names)
    bold_header(
        files_sheet,
        [_("Submission"), _("Enterprise"), _("Question"), _("Entry"), _("File")],
    )
    for submission in rows:
        questions = submission.version.ui_schema.get("questions", {})
        data = submission.data
        values = [
            submission.pk,
            submission.definition.title,
            submission.version.number,
            submission.enterprise.name,
            submission.enterprise.uscc,
            submission.get_status_display(),
            submission.revision,
            timezone.localtime(submission.submitted_at).replace(tzinfo=None),
            person_name(submission.submitted_by),
            submission.score,
            submission.max_score,
            submission.percent,
            ""
            if submission.passed is None
            else (_("yes") if submission.passed else _("no")),
        ]
        for key, _question in simple:
            question = questions.get(key)
            if question is None:
                values.append("—")
                continue
            values.append(display_value(question, data.get(key))[:MAX_CELL])
            for ref in question_type(question["type"]).files(data.get(key)):
                _file_row(files_sheet, submission, question, None, ref, file_url)
        sheet.append(values)
        guard_last_row(sheet)
        for key, (group_sheet, fields) in group_sheets.items():
            entries = data.get(key) if key in questions else None
            for number, entry in enumerate(entries or [], start=1):
                if not isinstance(entry, dict):
                    continue
                entry_values = [submission.pk, submission.enterprise.name, number]
                for field_key, _field in fields:
                    field = questions.get(field_key)
                    if field is None:
                        entry_values.append("—")
                        continue
                    answer = entry.get(field_key)
                    entry_values.append(display_value(field, answer)[:MAX_CELL])
                    for ref in question_type(field["type"]).files(answer):
                        _file_row(files_sheet, submission, field, number, ref, file_url)
                group_sheet.append(entry_values)
                guard_last_row(group_sheet)
    return workbook_bytes(workbook)


def _group_fields(
    versions: Iterable[Any], key: str
) -> list[tuple[str, dict[str, Any]]]:
    fields: dict[str, dict[str, Any]] = {}
    for version in sorted(versions, key=lambda v: -v.number):
        questions = version.ui_schema.get("questions", {})
        group = questions.get(key)
        if group is None or not question_type(group["type"]).container:
            continue
        for field_key in group.get("fields", []):
            fields.setdefault(field_key, questions[field_key])
    return list(fields.items())


def _file_row(sheet, submission, question, entry, ref, file_url) -> None:
    name = str(ref.get("name") or ref["id"])[:255]
    sheet.append(
        [
            submission.pk,
            submission.enterprise.name,
            question["label"],
            entry if entry is not None else "",
            name,
        ]
    )
    guard_last_row(sheet)
    if file_url is not None:
        cell = sheet.cell(sheet.max_row, 5)
        cell.hyperlink = file_url(str(ref["id"]))
        cell.style = "Hyperlink"


def follow_up_xlsx(assignment, period_start, rows) -> bytes:
    """Who has (not) submitted an assignment's form this period, as a workbook."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Who has submitted")[:31]
    bold_header(
        sheet,
        [
            _("Enterprise"),
            _("Unified social credit code"),
            _("Jurisdiction"),
            _("This period"),
            _("Submitted at"),
            _("Submitted by"),
            _("Score"),
        ],
    )
    for row in rows:
        submission = row.submission
        enterprise = row.enterprise
        sheet.append(
            [
                enterprise.name,
                enterprise.uscc,
                str(enterprise.jurisdiction or ""),
                submission.get_status_display() if submission else _("Not submitted"),
                timezone.localtime(submission.submitted_at).replace(tzinfo=None)
                if submission
                else "",
                person_name(submission.submitted_by) if submission else "",
                submission.score if submission else None,
            ]
        )
        guard_last_row(sheet)
    return workbook_bytes(workbook)
