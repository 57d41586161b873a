"""The risk list (风险分级管控清单) as Excel: template, export and import.

One row per risk event; the rows of one risk point share its name (column A)
and the point's own columns may be repeated or left empty on its later rows.
The import is all or nothing: it reads every row, reports every problem with
its row, column and a plain sentence, and writes only when there is none —
then in one transaction, through ``services.risk_point_create``. It adds new
risk points; a name that exists already in the enterprise is reported (edit
existing points in the portal). Cells accept Chinese or English names, codes
and keys alike; what the export writes, the import reads back.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.organizations.models import Enterprise, Unit
from core.organizations.scope import Scope
from core.risks.models import HazardFactor, RiskEvent, RiskPoint
from core.risks.selectors import accident_types, hazard_factor_classes, risk_point_list
from core.risks.services import (
    AssessmentData,
    ControlData,
    EventData,
    FactorData,
    Lookups,
    MeasureData,
    RiskPointData,
    _require_manager,
    risk_point_create,
    risk_point_data_errors,
)
from core.scoring import PLATFORM_INPUTS, UnknownRule, number, scoring_engine
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
    Vocabulary,
)

MAX_ROWS = 10_000
SHEET_TITLE = "风险清单 Risk list"
SPLIT = re.compile(r"[,，;；、\n]+")

PERIOD_PATTERN = re.compile(
    r"^\s*(?:每)?\s*(\d+)?\s*(?:个)?\s*([^\d\s一次]+?)\s*(?:一次)?\s*$", re.IGNORECASE
)
INPUT_LETTERS = ("L", "E", "C", "S", "M")


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    width: int = 14
    point_level: bool = False  # a property of the risk point, not of the event
    export_only: bool = False
    aliases: tuple[str, ...] = ()  # older headings still read on import


COLUMNS: tuple[Column, ...] = (
    Column("point", "风险点名称", "Risk point", 22, point_level=True),
    Column("kind", "风险点类型", "Kind", 10, point_level=True),
    Column("unit", "所属单元", "Unit", 18, point_level=True),
    Column("description", "风险点描述", "Description", 22, point_level=True),
    Column("analysis_unit", "分析单元", "Analysis unit", 14),
    Column(
        "factors", "危险有害因素（GB/T 13861代码）", "Hazard factors (GB/T 13861)", 18
    ),
    Column("event", "风险事件", "Risk event", 26),
    Column("accident_types", "事故类型（GB 6441）", "Accident types (GB 6441)", 16),
    Column("consequence", "可能后果", "Possible consequence", 18),
    Column("method", "评价方法", "Method", 10),
    *(Column(letter, letter, letter, 6) for letter in INPUT_LETTERS),
    Column("direct_conditions", "直接判定条件", "Direct determination", 18),
    *(
        Column(
            f"measures_{term.key}",
            f"管控措施：{term.label.zh_hans}",
            f"Measures: {term.label.en}",
            22,
            aliases=tuple(f"管控措施：{alias}" for alias in term.aliases),
        )
        for term in MEASURE_TYPES
    ),
    Column("control_level", "管控层级", "Control level", 10, point_level=True),
    Column("responsible_unit", "责任单元", "Responsible unit", 16, point_level=True),
    Column("responsible_person", "责任人", "Responsible person", 12, point_level=True),
    Column("inspection_period", "排查周期", "Inspection period", 10, point_level=True),
    Column("value", "风险值", "Risk value", 10, export_only=True),
    Column("level", "风险等级", "Risk level", 10, export_only=True),
    Column("assessed", "评价人及时间", "Assessed by, at", 18, export_only=True),
)
COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS)}


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def _name(vocabulary: Vocabulary, key: str) -> str:
    """A stored key's label in the current language."""
    label = vocabulary.label(key)
    return label.en if _english() else label.zh_hans


def column_title(key: str) -> str:
    column = COLUMNS[COLUMN_INDEX[key]]
    return column.en if _english() else column.zh


def column_letter(key: str) -> str:
    return get_column_letter(COLUMN_INDEX[key] + 1)


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


# -- reading -----------------------------------------------------------------
@dataclass(frozen=True)
class ImportProblem:
    """A problem in the workbook: where (row, column) and what, in plain words."""

    row: int
    column: str  # the column letter; "" when it concerns the whole file or row
    column_title: str
    message: str

    def __str__(self) -> str:
        if not self.row:
            return self.message
        if not self.column:
            return _("Row %(row)d: %(message)s") % {
                "row": self.row,
                "message": self.message,
            }
        return _("Row %(row)d, column %(column)s (%(title)s): %(message)s") % {
            "row": self.row,
            "column": self.column,
            "title": self.column_title,
            "message": self.message,
        }


@dataclass
class ImportResult:
    """What an import did: the points created, or the problems (then nothing)."""

    points: list[RiskPoint] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _PointRows:
    first_row: int
    cells: dict[str, tuple[int, Any]]  # point-level key -> (row, value)
    data: RiskPointData | None = None
    # Where each part of the data came from, to place validation errors.
    event_rows: list[int] = field(default_factory=list)
    factor_rows: list[int] = field(default_factory=list)
    measure_columns: list[list[str]] = field(default_factory=list)


class _Reader:
    def __init__(self, enterprise: Enterprise, lookups: Lookups):
        self.enterprise = enterprise
        self.lookups = lookups
        self.problems: list[ImportProblem] = []
        self.bad_cells: set[tuple[int, str]] = set()
        units = list(Unit.objects.filter(enterprise=enterprise).order_by("path"))
        names = {u.path: u.name for u in units}
        self.units_by_path = {_unit_path(u, names): u for u in units}
        self.units_by_name: dict[str, list[Unit]] = {}
        for unit in units:
            self.units_by_name.setdefault(unit.name, []).append(unit)
        self.people_by_name: dict[str, list[Any]] = {}
        for person in lookups.people.values():
            self.people_by_name.setdefault(person.name, []).append(person)
        self.accident_by_name = {}
        for accident in lookups.accident_types.values():
            self.accident_by_name[accident.name_zh] = accident.code
            self.accident_by_name[accident.name_en.lower()] = accident.code
        registry = lookups.registry
        self.methods = {}
        for registered in registry.risk_methods():
            rule = registered.rule
            for alias in (rule.key, rule.title.zh_hans, rule.title.en):
                self.methods[alias.lower()] = rule.key
        self.conditions = {}
        for registered in registry.declarable_conditions(lookups.industry_codes):
            condition = registered.condition
            for alias in (condition.key, condition.title.zh_hans, condition.title.en):
                self.conditions[alias.lower()] = condition.key

    def problem(self, row: int, key: str, message: str) -> None:
        self.bad_cells.add((row, key))
        self.problems.append(
            ImportProblem(
                row=row,
                column=column_letter(key) if key else "",
                column_title=column_title(key) if key else "",
                message=message,
            )
        )

    # -- cell parsers (each reports its own problems) -------------------------
    def choice(self, row: int, key: str, text: str, vocabulary: Vocabulary):
        found = vocabulary.find(text)
        if found is not None:
            return found
        self.problem(
            row,
            key,
            _("“%(text)s” is not one of: %(choices)s.")
            % {
                "text": text,
                "choices": "、".join(_name(vocabulary, t.key) for t in vocabulary),
            },
        )
        return None

    def unit(self, row: int, key: str, text: str) -> Unit | None:
        text = text.strip().strip("/")
        if text in self.units_by_path:
            return self.units_by_path[text]
        matches = self.units_by_name.get(text, [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            self.problem(
                row,
                key,
                _("Several units are called “%(name)s”; give its path, e.g. %(path)s.")
                % {"name": text, "path": next(iter(self.units_by_path))},
            )
        else:
            self.problem(
                row,
                key,
                _("The enterprise has no unit “%(name)s”.") % {"name": text},
            )
        return None

    def person(self, row: int, text: str) -> Any:
        matches = self.people_by_name.get(text.strip(), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            self.problem(
                row,
                "responsible_person",
                _(
                    "Several people are called “%(name)s”; choose the person in the portal."
                )
                % {"name": text},
            )
        else:
            self.problem(
                row,
                "responsible_person",
                _("Nobody called “%(name)s” works at the enterprise.") % {"name": text},
            )
        return None

    def period(self, row: int, text: str) -> tuple[int | None, str]:
        match = PERIOD_PATTERN.match(text)
        if match:
            count, word = match.groups()
            unit = PERIOD_UNITS.find(word)
            if unit is not None:
                return (int(count) if count else 1), unit
        self.problem(
            row,
            "inspection_period",
            _(
                "“%(text)s” is not a period; write e.g. “2 小时”, “1 天”, “每周” or “1 month”."
            )
            % {"text": text},
        )
        return None, ""

    def accident_codes(self, row: int, text: str) -> list[str]:
        codes = []
        for token in _tokens(text):
            code = None
            digits = re.match(r"^(\d{1,2})\b", token)
            if digits:
                code = digits.group(1).zfill(2)
            else:
                code = self.accident_by_name.get(token) or self.accident_by_name.get(
                    token.lower()
                )
            if code is None or code not in self.lookups.accident_types:
                self.problem(
                    row,
                    "accident_types",
                    _(
                        "“%(text)s” is not a GB 6441 accident type (see the Codes sheet)."
                    )
                    % {"text": token},
                )
                continue
            codes.append(code)
        return codes

    def factor_codes(self, row: int, text: str) -> list[str]:
        codes = []
        for token in _tokens(text):
            digits = re.match(r"^(\d+)", token)
            code = digits.group(1) if digits else token
            if code not in self.lookups.factor_classes:
                self.problem(
                    row,
                    "factors",
                    _("“%(text)s” is not a GB/T 13861 code (see the Codes sheet).")
                    % {"text": token},
                )
                continue
            codes.append(code)
        return codes

    def method(self, row: int, text: str) -> str | None:
        key = self.methods.get(text.strip().lower())
        if key is None:
            self.problem(
                row,
                "method",
                _("“%(text)s” is not a risk method; use one of: %(methods)s.")
                % {
                    "text": text,
                    "methods": ", ".join(
                        r.key for r in self.lookups.registry.risk_methods()
                    ),
                },
            )
        return key

    def assessment_inputs(
        self, row: int, method: str, cells: dict[str, Any]
    ) -> dict[str, Any] | None:
        registry = self.lookups.registry
        try:
            properties = registry.get(method).rule.input_schema.get("properties", {})
        except UnknownRule:
            return None
        wanted = [name for name in properties if name not in PLATFORM_INPUTS]
        unsupported = [name for name in wanted if name not in INPUT_LETTERS]
        if unsupported:
            self.problem(
                row,
                "method",
                _(
                    "This method cannot be filled in from Excel; assess it in the portal."
                ),
            )
            return None
        inputs: dict[str, Any] = {}
        ok = True
        for letter in INPUT_LETTERS:
            value = cells.get(letter)
            if value is None:
                continue
            if letter not in wanted:
                self.problem(
                    row,
                    letter,
                    _("Not used by the method %(method)s; leave it empty.")
                    % {"method": method},
                )
                ok = False
                continue
            parsed = _number_cell(value)
            if parsed is None:
                self.problem(row, letter, _("Must be a number."))
                ok = False
                continue
            inputs[letter] = parsed
        conditions = []
        for token in _tokens(cells.get("direct_conditions") or ""):
            key = self.conditions.get(token.lower())
            if key is None:
                self.problem(
                    row,
                    "direct_conditions",
                    _(
                        "“%(text)s” is not a direct-determination condition (see the Codes sheet)."
                    )
                    % {"text": token},
                )
                ok = False
                continue
            conditions.append(key)
        if conditions or "direct_conditions" in properties:
            inputs["direct_conditions"] = conditions
        return inputs if ok else None


def _tokens(text: Any) -> list[str]:
    return [t.strip() for t in SPLIT.split(str(text or "")) if t.strip()]


def _number_cell(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return number(value)
    try:
        return number(float(str(value).strip()))
    except ValueError:
        return None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -- limits and formula safety -------------------------------------------------------

#: What a workbook may unpack to, in all and per part: the template filled with
#: MAX_ROWS rows unpacks to a few MB; a zip of repeated cells to gigabytes.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_PARTS = 200
#: The risk list's columns, with room for a few notes beside them.
MAX_COLUMNS = 64


def text_cell(sheet: Any, *, row: int, column: int, value: Any) -> Any:
    """Write ``value`` into a cell; text stays text (a name that starts with
    "=" is never a formula in the exported workbook)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


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


def _read_rows(
    file: Any,
) -> tuple[list[tuple[int, dict[str, Any]]], list[ImportProblem]]:
    """The data rows as ``(row number, {column key: value})``, or a file problem."""
    too_big = workbook_limits_problem(file)
    if too_big:
        return [], [ImportProblem(0, "", "", too_big)]
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any reader failure means "not a workbook"
        return [], [
            ImportProblem(
                0,
                "",
                "",
                _("The file is not an Excel workbook (.xlsx); use the template."),
            )
        ]
    sheet = (
        workbook[SHEET_TITLE]
        if SHEET_TITLE in workbook.sheetnames
        else workbook.worksheets[0]
    )
    too_big = _sheet_size_problem(sheet)
    if too_big:
        workbook.close()
        return [], [ImportProblem(0, "", "", too_big)]
    rows = sheet.iter_rows(max_col=len(COLUMNS), values_only=True)
    header = next(rows, None) or ()
    problems = []
    for index, column in enumerate(COLUMNS):
        found = _cell_text(header[index] if index < len(header) else None)
        accepted = {f"{column.zh}\n{column.en}", column.zh, column.en, *column.aliases}
        if found.replace("\r", "") not in accepted:
            problems.append(
                ImportProblem(
                    1,
                    get_column_letter(index + 1),
                    column.en if _english() else column.zh,
                    _("Expected the heading “%(heading)s”: please use the template.")
                    % {"heading": column.en if _english() else column.zh},
                )
            )
    if problems:
        workbook.close()
        return [], problems
    data = []
    for number_of_row, values in enumerate(rows, start=2):
        if number_of_row > MAX_ROWS + 1:
            workbook.close()
            return [], [
                ImportProblem(
                    0,
                    "",
                    "",
                    _("The file has more than %(count)d rows; split it.")
                    % {"count": MAX_ROWS},
                )
            ]
        cells = {
            column.key: values[index]
            for index, column in enumerate(COLUMNS)
            if index < len(values)
            and not column.export_only
            and values[index] not in (None, "")
        }
        if cells:
            data.append((number_of_row, cells))
    workbook.close()
    return data, []


@transaction.atomic
def risk_list_import(*, user: Any, enterprise: Enterprise, file: Any) -> ImportResult:
    """Import new risk points from a filled-in template; all or nothing.

    Returns the created points, or every problem (then nothing is written).
    Raises ``PermissionDenied`` unless the user manages the enterprise.
    """
    _require_manager(user, enterprise)
    rows, problems = _read_rows(file)
    if problems:
        return ImportResult(problems=problems)
    if not rows:
        return ImportResult(
            problems=[
                ImportProblem(0, "", "", _("The file has no risk points to import."))
            ]
        )
    lookups = Lookups(enterprise)
    reader = _Reader(enterprise, lookups)
    groups = _group(reader, rows)
    existing = set(
        RiskPoint.objects.filter(
            enterprise=enterprise, name__in=list(groups)
        ).values_list("name", flat=True)
    )
    for name, group in groups.items():
        if name in existing:
            reader.problem(
                group.first_row,
                "point",
                _(
                    "A risk point called “%(name)s” exists already; rename it or edit it in the portal."
                )
                % {"name": name},
            )
        if group.data is None:
            continue
        for error in risk_point_data_errors(data=group.data, lookups=lookups):
            row, key = _locate(group, error.location)
            if (row, key) not in reader.bad_cells:
                reader.problem(row, key, error.reason)
    if reader.problems:
        transaction.set_rollback(True)
        return ImportResult(problems=sorted(reader.problems, key=_problem_order))
    created = [
        risk_point_create(
            user=user, enterprise=enterprise, data=group.data, lookups=lookups
        )
        for group in groups.values()
    ]
    return ImportResult(points=created)


def _problem_order(problem: ImportProblem) -> tuple[int, int]:
    column = 0
    for index in range(len(COLUMNS)):
        if get_column_letter(index + 1) == problem.column:
            column = index + 1
    return problem.row, column


def _group(
    reader: _Reader, rows: list[tuple[int, dict[str, Any]]]
) -> dict[str, _PointRows]:
    groups: dict[str, _PointRows] = {}
    for row, cells in rows:
        name = _cell_text(cells.get("point"))
        if not name:
            reader.problem(row, "point", _("Give the risk point's name on every row."))
            continue
        group = groups.get(name)
        if group is None:
            group = groups[name] = _PointRows(first_row=row, cells={})
        for column in COLUMNS:
            if (
                not column.point_level
                or column.key == "point"
                or column.key not in cells
            ):
                continue
            text = _cell_text(cells[column.key])
            if column.key in group.cells:
                first_row, first_text = group.cells[column.key]
                if first_text != text:
                    reader.problem(
                        row,
                        column.key,
                        _(
                            "Differs from row %(row)d of the same risk point; leave it empty or repeat the same value."
                        )
                        % {"row": first_row},
                    )
            else:
                group.cells[column.key] = (row, text)
        group.event_rows.append(row)
    rows_by_number = dict(rows)
    for name, group in groups.items():
        group.data = _point_data(reader, name, group, rows_by_number)
    return groups


def _point_data(
    reader: _Reader, name: str, group: _PointRows, rows: dict[int, dict[str, Any]]
) -> RiskPointData:
    def point_cell(key: str) -> tuple[int, str]:
        return group.cells.get(key, (group.first_row, ""))

    row, kind_text = point_cell("kind")
    kind = reader.choice(row, "kind", kind_text, RISK_POINT_KINDS) if kind_text else ""
    if not kind_text:
        reader.problem(row, "kind", _("This field is required."))
    row, unit_text = point_cell("unit")
    unit = reader.unit(row, "unit", unit_text) if unit_text else None
    control = ControlData()
    row, text = point_cell("control_level")
    if text:
        control.level = reader.choice(row, "control_level", text, CONTROL_LEVELS) or ""
    row, text = point_cell("responsible_unit")
    if text:
        control.responsible_unit = reader.unit(row, "responsible_unit", text)
    row, text = point_cell("responsible_person")
    if text:
        control.responsible_person = reader.person(row, text)
    row, text = point_cell("inspection_period")
    if text:
        control.inspection_every, control.inspection_unit = reader.period(row, text)

    factors: dict[tuple[str, str], int] = {}
    events = []
    for row in group.event_rows:
        cells = rows[row]
        analysis_unit = _cell_text(cells.get("analysis_unit"))
        factor_codes = reader.factor_codes(row, cells.get("factors") or "")
        for code in factor_codes:
            if (code, analysis_unit) not in factors:
                factors[(code, analysis_unit)] = row
        measures = []
        measure_columns = []
        for kind_key in (term.key for term in MEASURE_TYPES):
            for line in str(cells.get(f"measures_{kind_key}") or "").splitlines():
                if line.strip():
                    measures.append(
                        MeasureData(kind=kind_key, description=line.strip())
                    )
                    measure_columns.append(f"measures_{kind_key}")
        group.measure_columns.append(measure_columns)
        assessment = None
        method_text = _cell_text(cells.get("method"))
        if method_text:
            method = reader.method(row, method_text)
            if method:
                inputs = reader.assessment_inputs(row, method, cells)
                if inputs is not None:
                    assessment = AssessmentData(method=method, inputs=inputs)
        else:
            for key in (*INPUT_LETTERS, "direct_conditions"):
                if key in cells:
                    reader.problem(
                        row, "method", _("Choose the method these values are for.")
                    )
                    break
        events.append(
            EventData(
                name=_cell_text(cells.get("event")),
                accident_types=reader.accident_codes(
                    row, cells.get("accident_types") or ""
                ),
                consequence=_cell_text(cells.get("consequence")),
                analysis_unit=analysis_unit,
                hazard_factors=factor_codes,
                measures=measures,
                assessment=assessment,
            )
        )
    group.factor_rows = list(factors.values())
    return RiskPointData(
        name=name,
        kind=kind or "",
        unit=unit,
        description=point_cell("description")[1],
        factors=[
            FactorData(code=code, analysis_unit=unit_name)
            for code, unit_name in factors
        ],
        events=events,
        control=control,
    )


# Where a validation error of the data lands in the sheet.
_POINT_FIELDS = {
    "name": "point",
    "kind": "kind",
    "unit": "unit",
    "description": "description",
}
_CONTROL_FIELDS = {
    "level": "control_level",
    "responsible_unit": "responsible_unit",
    "responsible_person": "responsible_person",
    "inspection_every": "inspection_period",
    "inspection_unit": "inspection_period",
}
_EVENT_FIELDS = {
    "name": "event",
    "accident_types": "accident_types",
    "hazard_factors": "factors",
    "consequence": "consequence",
}


def _locate(group: _PointRows, location: tuple[str | int, ...]) -> tuple[int, str]:
    head = location[0] if location else ""
    if head in _POINT_FIELDS:
        return group.cells.get(_POINT_FIELDS[head], (group.first_row, ""))[
            0
        ], _POINT_FIELDS[head]
    if head == "control" and len(location) > 1:
        key = _CONTROL_FIELDS.get(str(location[1]), "control_level")
        return group.cells.get(key, (group.first_row, ""))[0], key
    if head == "factors" and len(location) > 1:
        return group.factor_rows[int(location[1])], "factors"
    if head == "events" and len(location) > 2:
        index = int(location[1])
        row = group.event_rows[index]
        part = str(location[2])
        if part in _EVENT_FIELDS:
            return row, _EVENT_FIELDS[part]
        if part == "measures" and len(location) > 3:
            return row, group.measure_columns[index][int(location[3])]
        if part == "assessment":
            rest = location[3:]
            if len(rest) >= 2 and rest[0] == "inputs" and str(rest[1]) in COLUMN_INDEX:
                return row, str(rest[1])
            return row, "method"
        return row, "event"
    return group.first_row, "point"
