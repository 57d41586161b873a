"""The hazard list as an Excel workbook (openpyxl), scoped like the list."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.base.workbook import bold_header, text_cell, workbook_bytes
from core.hazards.models import Hazard

MAX_EXPORT_ROWS = 50_000


def hazards_workbook(hazards: QuerySet[Hazard]) -> bytes:
    """One row per hazard (at most ``MAX_EXPORT_ROWS``), streamed by chunks.

    User text is written as text, never as a formula.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Hazards")
    header = [
        _("No."),
        _("Enterprise"),
        _("Description"),
        _("Location"),
        _("Risk point"),
        _("Grade"),
        _("Status"),
        _("Hazard type"),
        _("How it was found"),
        _("Management class"),
        _("Responsible person"),
        _("Deadline"),
        _("Overdue"),
        _("Under supervision"),
        _("Rectification measures"),
        _("Funds (yuan)"),
        _("Reported at"),
        _("Closed at"),
    ]
    bold_header(sheet, header)
    rows = hazards.select_related("enterprise", "risk_point", "responsible")
    for row_number, hazard in enumerate(
        rows[:MAX_EXPORT_ROWS].iterator(chunk_size=2000), start=2
    ):
        values = [
            hazard.pk,
            hazard.enterprise.name,
            hazard.description,
            hazard.location,
            hazard.risk_point.name if hazard.risk_point else "",
            str(hazard.get_grade_display()),
            str(hazard.get_status_display()),
            str(hazard.get_hazard_type_display()),
            str(hazard.get_how_found_display()),
            str(hazard.get_management_class_display()),
            hazard.responsible.name if hazard.responsible else "",
            hazard.deadline,
            _("yes") if hazard.is_overdue else "",
            _("yes") if hazard.supervised else "",
            hazard.rectification_measures,
            hazard.rectification_cost,
            hazard.reported_at.replace(tzinfo=None),
            hazard.closed_at.replace(tzinfo=None) if hazard.closed_at else None,
        ]
        for column, value in enumerate(values, start=1):
            text_cell(sheet, row=row_number, column=column, value=value)
    return workbook_bytes(workbook)
