"""Limits of an uploaded workbook, and formula-safe cells."""

from __future__ import annotations

import zipfile
from typing import Any

from django.utils.translation import gettext as _

from core.base.workbook import text_cell  # noqa: F401 (re-exported)
from core.risks.excel.columns import MAX_ROWS

# -- limits and formula safety -------------------------------------------------------

#: What a workbook may unpack to, in all and per part: the template filled with
#: MAX_ROWS rows unpacks to a few MB; a zip of repeated cells to gigabytes.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_PARTS = 200
#: The risk list's columns, with room for a few notes beside them.
MAX_COLUMNS = 64


def workbook_limits_problem(file: Any) -> str | None:
    """Why ``file`` is too big to read, looked at before any sheet is parsed.

    The parts' unpacked sizes (zip bombs of repeated cells) and the data
    sheet's declared rows × columns; None when it may be read. The rows read
    are counted again while reading (``MAX_ROWS``), since the declaration is
    the file's own word.
    """
    try:
        position = file.tell()
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a zip: openpyxl's reading says so
    finally:
        file.seek(position)
    if len(parts) > MAX_PARTS or (
        sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES
    ):
        return _("The workbook is too large to import; split it.")
    return None


def _sheet_size_problem(sheet: Any) -> str | None:
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > MAX_ROWS + 1:
        return _("The file has more than %(count)d rows; split it.") % {
            "count": MAX_ROWS
        }
    if columns > MAX_COLUMNS:
        return _("The sheet has more than %(count)d columns; use the template.") % {
            "count": MAX_COLUMNS
        }
    return None
