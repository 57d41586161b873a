"""The import of a filled-in risk list: all or nothing, in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from core.organizations.models import Enterprise
from core.risks.excel.columns import COLUMN_INDEX, COLUMNS, INPUT_LETTERS
from core.risks.excel.reading import (
    ImportProblem,
    ImportResult,
    _cell_text,
    _PointRows,
    _read_rows,
    _Reader,
)
from core.risks.models import RiskPoint
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
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    RISK_POINT_KINDS,
)


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
