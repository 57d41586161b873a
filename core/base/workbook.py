"""What every Excel export shares (openpyxl): formula-safe cells, sheet names
Excel accepts, a bold header row, and the download response.

Exports write what enterprises typed: a text that starts with "=" stays text
in the workbook, never a formula (``text_cell``, ``append_row``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_SHEET_NAME_UNSAFE = re.compile(r"[\\/*?:\[\]]")


def text_cell(sheet: Any, *, row: int, column: int, value: Any) -> Any:
    """Write ``value`` into a cell; text stays text (a name that starts with
    "=" is never a formula in the exported workbook)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def guard_last_row(sheet: Any) -> None:
    """Make the text of the sheet's last row text, never a formula."""
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append one row of values, formula-safe."""
    sheet.append(list(values))
    guard_last_row(sheet)


def new_sheet(workbook: Workbook, title: str, used: set[str]) -> Any:
    """A new sheet named after ``title`` as Excel allows (no ``\\/*?:[]``, at
    most 31 characters), numbered when the name is taken."""
    base = _SHEET_NAME_UNSAFE.sub(" ", title).strip()[:28] or "Sheet"
    name, number = base, 1
    while name in used:
        number += 1
        name = f"{base[:25]} ({number})"
    used.add(name)
    return workbook.create_sheet(name)


def bold_header(sheet: Any, header: list[str]) -> None:
    """Append ``header`` as the sheet's bold first row."""
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def workbook_bytes(workbook: Workbook) -> bytes:
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """The download of a workbook, as an attachment named ``filename``."""
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
