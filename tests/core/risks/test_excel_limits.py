"""The risk list workbook: size limits before reading, and text that stays text."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from core.organizations.scope import scope_for
from core.risks.excel import (
    MAX_COLUMNS,
    MAX_UNPACKED_BYTES,
    SHEET_TITLE,
    risk_list_export,
    risk_list_import,
)
from core.risks.models import RiskPoint
from core.risks.services import RiskPointData, risk_point_create
from tests.core.risks.test_excel import workbook_with

pytestmark = pytest.mark.django_db


def test_a_name_starting_with_equals_is_exported_as_text(world):
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(
            name='=HYPERLINK("http://evil","点")', kind="area", events=[]
        ),
    )
    content = risk_list_export(scope=scope_for(world.manager_a))
    sheet = load_workbook(io.BytesIO(content))[SHEET_TITLE]
    cell = sheet.cell(row=2, column=1)
    assert cell.value == '=HYPERLINK("http://evil","点")'
    assert cell.data_type == "s"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = next(n for n in archive.namelist() if "worksheets/sheet1" in n)
        assert b"<f>" not in archive.read(sheet_xml)


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_reading(world):
    buffer = io.BytesIO(workbook_with([]).getvalue())
    with zipfile.ZipFile(buffer, "a") as archive:
        # Compresses to a few hundred kB, unpacks past the limit.
        archive.writestr(
            "xl/bomb.xml", b"<c/>" * (MAX_UNPACKED_BYTES // 4 + 1), zipfile.ZIP_DEFLATED
        )
    buffer.seek(0)
    result = risk_list_import(
        user=world.manager_a, enterprise=world.enterprise_a, file=buffer
    )
    [problem] = result.problems
    assert problem.row == 0 and "split" in str(problem) or "拆分" in str(problem)
    assert not RiskPoint.objects.exists()


def _imported(world, workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return risk_list_import(
        user=world.manager_a, enterprise=world.enterprise_a, file=buffer
    )


def test_a_sheet_declaring_too_many_rows_or_columns_is_refused(world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.cell(row=1, column=MAX_COLUMNS + 5, value="x")
    result = _imported(world, workbook)
    assert len(result.problems) == 1 and result.problems[0].row == 0
    sheet.cell(row=200_000, column=1, value="x")
    result = _imported(world, workbook)
    assert len(result.problems) == 1 and result.problems[0].row == 0
