"""The risk list (风险分级管控清单) as Excel: template, export and import.

One row per risk event; the rows of one risk point share its name (column A)
and the point's own columns may be repeated or left empty on its later rows.
The import is all or nothing: it reads every row, reports every problem with
its row, column and a plain sentence, and writes only when there is none —
then in one transaction, through ``services.risk_point_create``. It adds new
risk points; a name that exists already in the enterprise is reported (edit
existing points in the portal). Cells accept Chinese or English names, codes
and keys alike; what the export writes, the import reads back.

``columns`` defines the columns once; ``writing`` the template and the export;
``reading`` turns rows into risk point data with every problem at its cell;
``limits`` refuses oversized workbooks and writes formula-safe cells;
``importing`` is the all-or-nothing import. Everything is importable from here.
"""

from core.risks.excel.columns import (
    COLUMN_INDEX,
    COLUMNS,
    MAX_ROWS,
    SHEET_TITLE,
    Column,
    column_letter,
    column_title,
)
from core.risks.excel.importing import risk_list_import
from core.risks.excel.limits import (
    MAX_COLUMNS,
    MAX_PARTS,
    MAX_UNPACKED_BYTES,
    text_cell,
    workbook_limits_problem,
)
from core.risks.excel.reading import ImportProblem, ImportResult
from core.risks.excel.writing import risk_list_export, risk_list_template

__all__ = [
    "COLUMNS",
    "COLUMN_INDEX",
    "MAX_COLUMNS",
    "MAX_PARTS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "SHEET_TITLE",
    "Column",
    "ImportProblem",
    "ImportResult",
    "column_letter",
    "column_title",
    "risk_list_export",
    "risk_list_import",
    "risk_list_template",
    "text_cell",
    "workbook_limits_problem",
]
