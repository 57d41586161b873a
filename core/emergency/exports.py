"""The emergency records of a scope as an Excel workbook (openpyxl)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.base.workbook import bold_header, text_cell, workbook_bytes
from core.emergency.models import RescueAgreement
from core.emergency.selectors import enterprises_without_rescue, filing_list
from core.organizations.scope import Scope

MAX_EXPORT_ROWS = 50_000


def _sheet(workbook, title: str, header: list[str], rows) -> None:
    sheet = workbook.create_sheet(title)
    bold_header(sheet, header)
    for row_number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            text_cell(sheet, row=row_number, column=column, value=value)


def emergency_workbook(scope: Scope) -> bytes:
    """Three sheets: plan filings, rescue agreements, enterprises without
    rescue capability. User text is written as text, never as a formula."""
    today = timezone.localdate()
    workbook = Workbook()
    workbook.remove(workbook.active)
    filings = filing_list(scope=scope)[:MAX_EXPORT_ROWS].iterator(chunk_size=2000)
    _sheet(
        workbook,
        _("Plan filings"),
        [
            _("Enterprise"),
            _("Emergency plan"),
            _("Kind"),
            _("Version"),
            _("Department"),
            _("Status"),
            _("Filed at"),
            _("Reviewed at"),
            _("Review comments"),
        ],
        (
            [
                f.enterprise.name,
                f.version.plan.title,
                str(f.version.plan.get_kind_display()),
                f.version.number,
                f.department.name,
                str(f.get_status_display()),
                f.filed_at.replace(tzinfo=None),
                f.reviewed_at.replace(tzinfo=None) if f.reviewed_at else None,
                f.comment,
            ]
            for f in filings
        ),
    )
    agreements = (
        scope.filter(RescueAgreement.objects.all())
        .select_related("enterprise")
        .order_by("valid_until", "pk")[:MAX_EXPORT_ROWS]
    )
    _sheet(
        workbook,
        _("Rescue agreements"),
        [
            _("Enterprise"),
            _("Rescue team (party)"),
            _("Contact"),
            _("Valid from"),
            _("Valid until"),
            _("Expired"),
        ],
        (
            [
                a.enterprise.name,
                a.party,
                a.contact,
                a.valid_from,
                a.valid_until,
                _("yes") if a.valid_until < today else "",
            ]
            for a in agreements.iterator(chunk_size=2000)
        ),
    )
    _sheet(
        workbook,
        _("No rescue capability"),
        [_("Enterprise")],
        (
            [e.name]
            for e in enterprises_without_rescue(scope=scope, today=today)[
                :MAX_EXPORT_ROWS
            ]
        ),
    )
    return workbook_bytes(workbook)
