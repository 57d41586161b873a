"""The risk list's template and export."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.base.workbook import text_cell
from core.organizations.models import Enterprise, Unit
from core.organizations.scope import Scope
from core.risks.excel.columns import (
    COLUMN_INDEX,
    COLUMNS,
    INPUT_LETTERS,
    MAX_ROWS,
    SHEET_TITLE,
    _english,
    _name,
    column_letter,
)
from core.risks.models import HazardFactor, RiskEvent, RiskPoint
from core.risks.selectors import accident_types, hazard_factor_classes, risk_point_list
from core.scoring import PLATFORM_INPUTS, number, scoring_engine
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
)


# -- writing -----------------------------------------------------------------
def _new_workbook() -> tuple[Workbook, Any]:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=f"{column.zh}\n{column.en}")
        cell.font = Font(bold=True, color="7F7F7F" if column.export_only else None)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "B2"
    _add_dropdown(sheet, "kind", [t.label.zh_hans for t in RISK_POINT_KINDS])
    _add_dropdown(sheet, "control_level", [t.label.zh_hans for t in CONTROL_LEVELS])
    _add_dropdown(sheet, "method", [r.key for r in scoring_engine().risk_methods()])
    return workbook, sheet


def _add_dropdown(sheet: Any, key: str, values: list[str]) -> None:
    # Suggestions only: English names and codes are accepted too.
    validation = DataValidation(
        type="list", formula1='"' + ",".join(values) + '"', showErrorMessage=False
    )
    letter = column_letter(key)
    validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
    sheet.add_data_validation(validation)


def _add_reference_sheets(workbook: Workbook) -> None:
    guide = workbook.create_sheet("填写说明 Instructions")
    lines = [
        (
            "每行一个风险事件；同一风险点的多行使用相同的风险点名称。",
            "One row per risk event; the rows of one risk point share its name.",
        ),
        (
            "风险点的列（类型、单元、管控层级等）只需在第一行填写。",
            "The risk point's columns (kind, unit, control level...) are needed on its first row only.",
        ),
        (
            "多个代码或名称用逗号、分号或顿号分隔；多条措施在单元格内换行。",
            "Separate several codes or names with commas or semicolons; put each measure on its own line.",
        ),
        (
            "评价方法填 lec、ls、mes 或 direct，并填写该方法所需的 L、E、C、S、M 列。",
            "Method: lec, ls, mes or direct, with the L, E, C, S, M columns that method uses.",
        ),
        (
            "所属单元可写完整路径，如“甲化工/合成车间”。",
            "A unit may be given as its path, e.g. “Company/Workshop”.",
        ),
        (
            "排查周期示例：每2小时、1天、每周、每月。",
            "Inspection period examples: 2 hours, 1 day, week, month.",
        ),
        (
            "灰色列（风险值、等级、评价人）仅供导出，导入时忽略。",
            "Grey columns (value, level, assessor) are exported only and ignored on import.",
        ),
        (
            "任何一行有错误时不会导入任何数据，并列出所有错误的行和列。",
            "If any row has a problem nothing is imported, and every problem is listed with its row and column.",
        ),
    ]
    for row, (zh, en) in enumerate(lines, start=1):
        guide.cell(row=row, column=1, value=zh)
        guide.cell(row=row, column=2, value=en)
    guide.column_dimensions["A"].width = 70
    guide.column_dimensions["B"].width = 90

    codes = workbook.create_sheet("代码表 Codes")
    row = 1

    def section(title: str, items: Iterable[tuple[Any, ...]]) -> None:
        nonlocal row
        codes.cell(row=row, column=1, value=title).font = Font(bold=True)
        row += 1
        for item in items:
            for column, value in enumerate(item, start=1):
                codes.cell(row=row, column=column, value=value)
            row += 1
        row += 1

    for title, vocabulary in (
        ("风险点类型 Kinds", RISK_POINT_KINDS),
        ("管控层级 Control levels", CONTROL_LEVELS),
        ("排查周期单位 Period units", PERIOD_UNITS),
    ):
        section(title, ((t.key, t.label.zh_hans, t.label.en) for t in vocabulary))
    registry = scoring_engine()
    for registered in registry.risk_methods():
        rule = registered.rule
        properties = rule.input_schema.get("properties", {})
        section(
            f"{rule.key}: {rule.title.zh_hans} / {rule.title.en}",
            (
                (name, ", ".join(str(number(v)) for v in spec.get("enum", [])))
                for name, spec in properties.items()
                if name not in PLATFORM_INPUTS
            ),
        )
    section(
        "直接判定条件 Direct determination",
        (
            (c.condition.key, c.condition.title.zh_hans, c.condition.title.en)
            for c in registry.declarable_conditions()
        ),
    )
    section(
        "事故类型 GB 6441",
        ((a.code, a.name_zh, a.name_en) for a in accident_types()),
    )
    section(
        "危险有害因素 GB/T 13861",
        ((f.code, f.name_zh, f.name_en) for f in hazard_factor_classes()),
    )
    for letter, width in (("A", 22), ("B", 40), ("C", 50)):
        codes.column_dimensions[letter].width = width


def _to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def risk_list_template() -> bytes:
    """An empty risk list with instructions and every code, as .xlsx bytes."""
    workbook, _sheet = _new_workbook()
    _add_reference_sheets(workbook)
    return _to_bytes(workbook)


def risk_list_export(
    *, scope: Scope, enterprise: Enterprise | int | None = None, **filters: Any
) -> bytes:
    """The risk list in scope (filters as ``selectors.risk_point_list``) as .xlsx.

    Reads in chunks with a fixed number of queries per chunk.
    """
    workbook, sheet = _new_workbook()
    points = risk_point_list(
        scope=scope, enterprise=enterprise, with_events=True, **filters
    ).prefetch_related(
        Prefetch(
            "events__hazard_factors",
            queryset=HazardFactor.objects.select_related("factor_class"),
        )
    )
    row = 2
    unit_names: dict[int, dict[str, str]] = {}
    for point in points.iterator(chunk_size=500):
        if point.enterprise_id not in unit_names:
            # One query per enterprise (not per point) for the unit paths.
            unit_names[point.enterprise_id] = dict(
                Unit.objects.filter(enterprise_id=point.enterprise_id).values_list(
                    "path", "name"
                )
            )
        events = list(point.events.all()) or [None]
        for event in events:
            values = _row_values(point, event, unit_names[point.enterprise_id])
            for key, value in values.items():
                text_cell(sheet, row=row, column=COLUMN_INDEX[key] + 1, value=value)
            row += 1
    _add_reference_sheets(workbook)
    return _to_bytes(workbook)


def _unit_path(unit: Unit | None, names: dict[str, str]) -> str:
    if unit is None:
        return ""
    steps = [unit.path[: i * unit.steplen] for i in range(1, unit.depth + 1)]
    return "/".join(names.get(step, "?") for step in steps)


def _row_values(
    point: RiskPoint, event: RiskEvent | None, unit_names: dict[str, str]
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "point": point.name,
        "kind": _name(RISK_POINT_KINDS, point.kind)
        if point.kind in RISK_POINT_KINDS
        else "",
        "unit": _unit_path(point.unit, unit_names),
        "description": point.description,
        "control_level": _name(CONTROL_LEVELS, point.control_level)
        if point.control_level
        else "",
        "responsible_unit": _unit_path(point.responsible_unit, unit_names),
        "responsible_person": point.responsible_person.name
        if point.responsible_person
        else "",
        "inspection_period": (
            f"{point.inspection_every} "
            + (
                point.inspection_unit
                if _english()
                else PERIOD_UNITS.label(point.inspection_unit).zh_hans
            )
            if point.inspection_every and point.inspection_unit in PERIOD_UNITS
            else ""
        ),
        "level": _name(RISK_LEVELS, point.level) if point.level else "",
    }
    if event is None:
        return values
    values.update(
        {
            "analysis_unit": ""
            if event.analysis_unit.is_default
            else event.analysis_unit.name,
            "factors": "、".join(
                dict.fromkeys(f.factor_class.code for f in event.hazard_factors.all())
            ),
            "event": event.name,
            "accident_types": "、".join(
                f"{a.code} {a.name}" for a in event.accident_types.all()
            ),
            "consequence": event.consequence,
        }
    )
    for term in MEASURE_TYPES:
        values[f"measures_{term.key}"] = "\n".join(
            m.description for m in event.measures.all() if m.kind == term.key
        )
    latest = event.latest_assessment
    if latest is not None:
        values["method"] = latest.method
        for letter in INPUT_LETTERS:
            if letter in latest.inputs:
                values[letter] = latest.inputs[letter]
        values["direct_conditions"] = "、".join(
            latest.inputs.get("direct_conditions", [])
        )
        values["value"] = number(latest.value)
        values["level"] = _name(RISK_LEVELS, latest.level)
        values["assessed"] = (
            f"{latest.assessed_by_name} {latest.assessed_at:%Y-%m-%d %H:%M}"
        )
    return values
