"""Reading a filled-in risk list: rows to risk point data, every problem at its cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from core.organizations.models import Enterprise, Unit
from core.risks.excel.columns import (
    COLUMNS,
    INPUT_LETTERS,
    MAX_ROWS,
    PERIOD_PATTERN,
    SHEET_TITLE,
    SPLIT,
    _english,
    _name,
    column_letter,
    column_title,
)
from core.risks.excel.limits import _sheet_size_problem, workbook_limits_problem
from core.risks.excel.writing import _unit_path
from core.risks.models import RiskPoint
from core.risks.services import (
    Lookups,
    RiskPointData,
)
from core.scoring import PLATFORM_INPUTS, UnknownRule, number
from plugins.vocabularies import (
    PERIOD_UNITS,
    Vocabulary,
)


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
