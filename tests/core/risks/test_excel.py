"""The risk list in Excel: template, export, and an all-or-nothing import."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from core.organizations.models import Person
from core.organizations.scope import scope_for
from core.risks.excel import (
    COLUMNS,
    SHEET_TITLE,
    column_letter,
    risk_list_export,
    risk_list_import,
    risk_list_template,
)
from core.risks.models import Assessment, ControlMeasure, RiskEvent, RiskPoint

pytestmark = pytest.mark.django_db

KEYS = [column.key for column in COLUMNS]


def workbook_with(rows):
    """The template filled with ``rows`` (dicts of column key → value)."""
    workbook = load_workbook(io.BytesIO(risk_list_template()))
    sheet = workbook[SHEET_TITLE]
    for number, row in enumerate(rows, start=2):
        for key, value in row.items():
            sheet.cell(row=number, column=KEYS.index(key) + 1, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


GOOD_ROWS = [
    {
        "point": "1号储罐",
        "kind": "设备",
        "unit": "甲化工/合成车间",
        "factors": "210104、120202",
        "event": "储罐泄漏引发火灾",
        "accident_types": "08 火灾、其他爆炸",
        "method": "lec",
        "L": 3,
        "E": 6,
        "C": 15,
        "measures_monitoring": "可燃气体检测报警\n液位高高报警",
        "measures_emergency": "泄漏应急处置卡",
        "control_level": "车间",
        "responsible_unit": "合成车间",
        "responsible_person": "张三",
        "inspection_period": "每2小时",
    },
    {
        "point": "1号储罐",
        "event": "违章作业导致中毒",
        "accident_types": "19",
        "factors": "120202",
        "method": "ls",
        "L": 2,
        "S": 4,
        "direct_conditions": "ten_or_more_people",
        "measures_training": "岗位培训",
    },
    {
        "point": "装卸作业",
        "kind": "operation",
        "event": "车辆伤害",
        "accident_types": "车辆伤害",
        "method": "mes",
        "M": "3",
        "E": "6",
        "S": "10",
    },
]


def test_template_has_the_headings_and_the_codes():
    workbook = load_workbook(io.BytesIO(risk_list_template()))
    sheet = workbook[SHEET_TITLE]
    assert sheet.cell(row=1, column=1).value == "风险点名称\nRisk point"
    assert sheet.max_row == 1
    codes = workbook["代码表 Codes"]
    values = {cell.value for row in codes.iter_rows() for cell in row}
    assert "中毒和窒息" in values and "210104" in values and "violates_law" in values


def test_a_good_import_creates_everything(world):
    result = risk_list_import(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        file=workbook_with(GOOD_ROWS),
    )
    assert result.ok, [str(p) for p in result.problems]
    assert sorted(p.name for p in result.points) == ["1号储罐", "装卸作业"]
    tank = RiskPoint.objects.get(name="1号储罐")
    assert tank.kind == "equipment"
    assert tank.unit.name == "合成车间"
    assert tank.control_level == "workshop"
    assert tank.responsible_person == Person.objects.get(name="张三")
    assert (tank.inspection_every, tank.inspection_unit) == (2, "hour")
    assert tank.level == "major"  # the direct condition on the second event
    fire = tank.events.get(name="储罐泄漏引发火灾")
    assert sorted(fire.accident_types.values_list("code", flat=True)) == ["08", "18"]
    assert fire.latest_assessment.value == 270
    assert sorted(fire.measures.values_list("description", flat=True)) == [
        "可燃气体检测报警",
        "泄漏应急处置卡",
        "液位高高报警",
    ]
    assert tank.hazard_factors.count() == 2
    loading = RiskPoint.objects.get(name="装卸作业")
    assert loading.events.get().latest_assessment.level == "major"  # MES 180


def test_an_import_with_one_bad_row_saves_nothing_and_says_where(world):
    rows = [
        *GOOD_ROWS,
        {
            "point": "3号泵",
            "kind": "设备",
            "event": "机械伤害",
            "accident_types": "机械伤害",
            "method": "lec",
            "L": 4,  # not in the LEC table
            "E": 6,
            "C": 7,
        },
    ]
    with translation.override("en"):
        result = risk_list_import(
            user=world.manager_a,
            enterprise=world.enterprise_a,
            file=workbook_with(rows),
        )
        problems = [(p.row, p.column) for p in result.problems]
        text = [str(p) for p in result.problems]
    assert problems == [(5, column_letter("L"))]
    assert text[0].startswith("Row 5, column K (L): Must be one of: 10, 6, 3, 1")
    assert RiskPoint.objects.count() == 0
    assert RiskEvent.objects.count() == 0
    assert Assessment.objects.count() == 0
    assert ControlMeasure.objects.count() == 0


def test_every_bad_row_and_column_is_reported(world):
    rows = [
        {"point": "甲", "kind": "机器人", "event": "", "accident_types": "99"},
        {
            "point": "甲",
            "kind": "设备",
            "event": "e",
            "accident_types": "08",
            "method": "ls",
            "L": 2,
        },
        {"point": "", "event": "x"},
        {
            "point": "乙",
            "kind": "area",
            "unit": "不存在的车间",
            "event": "e",
            "accident_types": "08",
            "method": "foo",
            "responsible_person": "李四",
            "inspection_period": "有时",
            "factors": "777",
        },
        {"point": "丙", "kind": "area", "event": "e", "accident_types": "08", "C": 7},
    ]
    with translation.override("en"):
        result = risk_list_import(
            user=world.manager_a,
            enterprise=world.enterprise_a,
            file=workbook_with(rows),
        )
    where = {(p.row, p.column) for p in result.problems}
    letter = column_letter
    assert where == {
        (2, letter("kind")),
        (2, letter("event")),
        (2, letter("accident_types")),
        (3, letter("kind")),  # differs from row 2
        (3, letter("S")),  # LS needs S
        (4, letter("point")),
        (5, letter("unit")),
        (5, letter("method")),
        (5, letter("responsible_person")),
        (5, letter("inspection_period")),
        (5, letter("factors")),
        (6, letter("method")),  # values given without a method
    }
    assert all(p.message for p in result.problems)
    assert RiskPoint.objects.count() == 0


def test_an_existing_name_is_reported(world):
    risk_list_import(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        file=workbook_with(GOOD_ROWS),
    )
    again = risk_list_import(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        file=workbook_with(GOOD_ROWS),
    )
    assert {(p.row, p.column) for p in again.problems} == {
        (2, "A"),
        (4, "A"),
    }
    assert RiskPoint.objects.count() == 2


def test_not_a_workbook_and_wrong_headings(world):
    result = risk_list_import(
        user=world.manager_a, enterprise=world.enterprise_a, file=io.BytesIO(b"nope")
    )
    assert len(result.problems) == 1 and result.problems[0].row == 0
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["名称", "类型"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    result = risk_list_import(
        user=world.manager_a, enterprise=world.enterprise_a, file=buffer
    )
    assert result.problems and all(p.row == 1 for p in result.problems)


def test_only_the_manager_imports(world):
    from django.core.exceptions import PermissionDenied

    for who in ("manager_b", "dept_chemicals", "staff_a"):
        with pytest.raises(PermissionDenied):
            risk_list_import(
                user=getattr(world, who),
                enterprise=world.enterprise_a,
                file=workbook_with(GOOD_ROWS),
            )


def test_export_reads_back_and_is_scoped(world, django_assert_max_num_queries):
    rows = [
        {
            k: v
            for k, v in row.items()
            if k not in ("unit", "responsible_unit", "responsible_person")
        }
        for row in GOOD_ROWS
    ]
    risk_list_import(
        user=world.manager_a, enterprise=world.enterprise_a, file=workbook_with(rows)
    )
    scope = scope_for(world.manager_a)
    with django_assert_max_num_queries(15):
        exported = risk_list_export(scope=scope)
    sheet = load_workbook(io.BytesIO(exported))[SHEET_TITLE]
    assert sheet.max_row == 1 + 3  # one row per event
    names = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert sorted(names) == ["1号储罐", "1号储罐", "装卸作业"]
    # The export is a valid import for another enterprise.
    result = risk_list_import(
        user=world.manager_b, enterprise=world.enterprise_b, file=io.BytesIO(exported)
    )
    assert result.ok, [str(p) for p in result.problems]
    tank_b = RiskPoint.objects.get(enterprise=world.enterprise_b, name="1号储罐")
    assert tank_b.level == "major"
    assert tank_b.inspection_every == 2
    # Another enterprise's export does not contain A's points.
    sheet_b = load_workbook(
        io.BytesIO(risk_list_export(scope=scope_for(world.dept_construction)))
    )[SHEET_TITLE]
    assert sheet_b.max_row == 4
    assert all(
        p.enterprise_id == world.enterprise_b.pk
        for p in RiskPoint.objects.filter(
            name="装卸作业", enterprise=world.enterprise_b
        )
    )


def _with_headings(buffer, headings):
    workbook = load_workbook(buffer)
    sheet = workbook[SHEET_TITLE]
    for key, heading in headings.items():
        sheet.cell(row=1, column=KEYS.index(key) + 1, value=heading)
    renamed = io.BytesIO()
    workbook.save(renamed)
    renamed.seek(0)
    return renamed


def test_a_file_with_the_district_plans_measure_names_still_imports(world):
    """Headings and cells written with 应急管理 / 物理工程 / 制度管理 read as before."""
    file = _with_headings(
        workbook_with(
            [
                {
                    **GOOD_ROWS[0],
                    "measures_management": "动火作业审批",
                    "inspection_period": "每1班",
                }
            ]
        ),
        {
            "measures_emergency": "管控措施：应急管理",
            "measures_management": "管控措施：制度管理",
        },
    )
    result = risk_list_import(
        user=world.manager_a, enterprise=world.enterprise_a, file=file
    )
    assert result.ok, [str(p) for p in result.problems]
    tank = RiskPoint.objects.get(name="1号储罐")
    assert (tank.inspection_every, tank.inspection_unit) == (1, "shift")
    kinds = dict(ControlMeasure.objects.values_list("description", "kind"))
    assert kinds["泄漏应急处置卡"] == "emergency"
    assert kinds["动火作业审批"] == "management"


def test_the_template_names_the_measure_types_as_the_guideline_does():
    sheet = load_workbook(io.BytesIO(risk_list_template()))[SHEET_TITLE]
    headings = {
        key: sheet.cell(row=1, column=KEYS.index(key) + 1).value
        for key in ("measures_emergency", "measures_engineering")
    }
    assert headings == {
        "measures_emergency": "管控措施：应急处置\nMeasures: Emergency response",
        "measures_engineering": "管控措施：工程技术\nMeasures: Engineering",
    }
