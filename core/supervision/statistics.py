"""调度统计: hidden-hazard statistics of a period per industry and territory,
exported to Excel in the layout a department sends upwards (FACTS.md § 6:
quarterly by the 15th of the next quarter's first month, annually by 31
January).

Beside the hazards, each row carries the risk points by level (as they stand
when the report is made) and the inspection tasks due in the period with how
many were done, so one sheet answers "how is the mechanism running".

Budget: 4 aggregate queries per measure (hazards, enterprises, risk points,
inspections: by industry, by industry department, by street/town, in total)
plus 1 for the territories' names — 17 whatever the data size.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.base.workbook import bold_header, text_cell, workbook_bytes
from core.hazards.models import DEADLINE_STATES, HazardGrade, HazardStatus
from core.hazards.selectors import hazards_visible
from core.inspections.models import InspectionTask, TaskStatus
from core.organizations.models import Department, Jurisdiction, Role
from core.organizations.scope import Scope
from core.risks.models import RiskPoint
from plugins.vocabularies import RISK_LEVELS

PERIOD = re.compile(r"(\d{4})(?:-Q([1-4]))?", re.ASCII)
COLUMNS = (
    "enterprises",
    "reported",
    "general",
    "major",
    "closed",
    "major_closed",
    "overdue",
    "supervised",
    *(f"risk_{term.key}" for term in RISK_LEVELS.terms),
    "inspections_due",
    "inspections_done",
)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    label: str


def parse_period(value: str) -> Period:
    """``2026`` (a year) or ``2026-Q3`` (a quarter); ValueError otherwise."""
    match = PERIOD.fullmatch(value or "")
    if not match:
        raise ValueError(_("Give a year (2026) or a quarter (2026-Q3)."))
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise ValueError(_("Give a year between 2000 and 2100."))
    if match.group(2):
        quarter = int(match.group(2))
        start = datetime.date(year, 3 * quarter - 2, 1)
        end_month = 3 * quarter
        following = datetime.date(year + (end_month == 12), end_month % 12 + 1, 1)
        return Period(
            start,
            following - datetime.timedelta(days=1),
            _("%(year)d, quarter %(quarter)d") % {"year": year, "quarter": quarter},
        )
    return Period(
        datetime.date(year, 1, 1),
        datetime.date(year, 12, 31),
        _("%(year)d") % {"year": year},
    )


def _figures(rows, key_field: str) -> dict[Any, dict[str, int]]:
    return {row[key_field]: row for row in rows}


@dataclass(frozen=True)
class _Grouping:
    """How rows of the scope are grouped: per industry (a department only
    its own industries) and per street/town (the first two levels of the
    jurisdiction path)."""

    scope: Scope
    industry_name: str
    path_length: int

    def by_industry(self, queryset, prefix: str, aggregates) -> dict:
        field = f"{prefix}industries"
        if self.scope.role == Role.INDUSTRY_DEPARTMENT:
            queryset = queryset.filter(**{f"{field}__in": self.scope.industry_ids})
        else:
            queryset = queryset.filter(**{f"{field}__isnull": False})
        return _figures(
            queryset.order_by()
            .values(key=F(f"{prefix}{self.industry_name}"))
            .annotate(**aggregates),
            "key",
        )

    def by_department(self, queryset, prefix: str, aggregates) -> dict:
        """Per industry department (an office that supervises industries):
        an enterprise counts once in a department's row however many of the
        department's industries it has (``distinct`` counts); a department
        reports its own row only."""
        field = f"{prefix}industries__departments"
        if self.scope.role == Role.INDUSTRY_DEPARTMENT:
            queryset = queryset.filter(
                **{field: getattr(self.scope.department, "pk", 0)}
            )
        else:
            queryset = queryset.filter(**{f"{field}__kind": Department.Kind.INDUSTRY})
        return _figures(
            queryset.order_by().values(key=F(f"{field}__name")).annotate(**aggregates),
            "key",
        )

    def by_territory(self, queryset, prefix: str, aggregates) -> dict:
        return _figures(
            queryset.order_by()
            .annotate(key=Substr(f"{prefix}jurisdiction__path", 1, self.path_length))
            .values("key")
            .annotate(**aggregates),
            "key",
        )


def _merge(*sources: dict) -> dict[Any, dict[str, int]]:
    merged: dict[Any, dict[str, int]] = {}
    for source in sources:
        for key, row in source.items():
            merged.setdefault(key, {}).update(row)
    return merged


def hazard_statistics(*, scope: Scope, period: Period) -> dict[str, list[dict]]:
    """Rows per industry, per industry department and per street/town for
    ``period``, and the total
    (``"total"``: one row, each hazard and enterprise counted once)."""
    start = timezone.make_aware(
        datetime.datetime.combine(period.start, datetime.time())
    )
    end = timezone.make_aware(
        datetime.datetime.combine(
            period.end + datetime.timedelta(days=1), datetime.time()
        )
    )
    today = min(timezone.localdate(), period.end)
    hazards = (
        hazards_visible(scope)
        .exclude(status=HazardStatus.REJECTED)
        .filter(reported_at__gte=start, reported_at__lt=end)
        .order_by()
    )
    hazard_aggregates = {
        "reported": Count("pk", distinct=True),
        "general": Count("pk", filter=~Q(grade=HazardGrade.MAJOR), distinct=True),
        "major": Count("pk", filter=Q(grade=HazardGrade.MAJOR), distinct=True),
        "closed": Count(
            "pk",
            filter=Q(status=HazardStatus.CLOSED, closed_at__lt=end),
            distinct=True,
        ),
        "major_closed": Count(
            "pk",
            filter=Q(
                status=HazardStatus.CLOSED, closed_at__lt=end, grade=HazardGrade.MAJOR
            ),
            distinct=True,
        ),
        "overdue": Count(
            "pk",
            filter=Q(status__in=DEADLINE_STATES, deadline__lt=today),
            distinct=True,
        ),
        "supervised": Count("pk", filter=Q(supervised=True), distinct=True),
    }
    risk_points = scope.filter(RiskPoint.objects.all())
    risk_aggregates = {
        f"risk_{term.key}": Count("pk", filter=Q(level=term.key), distinct=True)
        for term in RISK_LEVELS.terms
    }
    tasks = scope.filter(InspectionTask.objects.all()).filter(
        due_at__gte=start, due_at__lt=end
    )
    task_aggregates = {
        "inspections_due": Count("pk", distinct=True),
        "inspections_done": Count(
            "pk", filter=Q(status=TaskStatus.DONE), distinct=True
        ),
    }
    enterprises = scope.enterprises()
    enterprise_aggregates = {"enterprises": Count("pk", distinct=True)}
    english = (get_language() or "").lower().startswith("en")
    grouping = _Grouping(
        scope, f"industries__name_{'en' if english else 'zh'}", 2 * Jurisdiction.steplen
    )
    # An enterprise of two industries counts in each industry's row; an
    # industry department reports only its own industries' rows.
    measures = (
        (hazards, "enterprise__", hazard_aggregates),
        (risk_points, "enterprise__", risk_aggregates),
        (tasks, "enterprise__", task_aggregates),
        (enterprises, "", enterprise_aggregates),
    )
    by_industry = _merge(
        *(grouping.by_industry(qs, prefix, agg) for qs, prefix, agg in measures)
    )
    by_department = _merge(
        *(grouping.by_department(qs, prefix, agg) for qs, prefix, agg in measures)
    )
    by_territory = _merge(
        *(grouping.by_territory(qs, prefix, agg) for qs, prefix, agg in measures)
    )
    names = dict(
        Jurisdiction.objects.filter(path__in=set(by_territory)).values_list(
            "path", "name"
        )
    )

    def completed(row: dict[str, Any]) -> dict[str, Any]:
        for column in COLUMNS:
            row[column] = row.get(column) or 0
        row["closed_rate"] = (
            round(100 * row["closed"] / row["reported"], 1) if row["reported"] else None
        )
        return row

    def rows(figures, label) -> list[dict]:
        return [
            completed({**figures[key], "name": label(key)})
            for key in sorted(figures, key=lambda k: label(k))
        ]

    # The total counts each hazard and each enterprise once (summing the
    # industry rows would count an enterprise of two industries twice).
    total: dict[str, Any] = {"name": _("Total")}
    for queryset, _prefix, aggregates in measures:
        total.update(queryset.order_by().aggregate(**aggregates))
    return {
        "total": [completed(total)],
        "industries": rows(by_industry, lambda k: k or ""),
        "departments": rows(by_department, lambda k: k or ""),
        "territories": rows(by_territory, lambda k: names.get(k, k or "")),
    }


def statistics_workbook(*, scope: Scope, period: Period, office: str) -> bytes:
    """The Excel file: one sheet per industry, one per industry department,
    one per territory."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    data = hazard_statistics(scope=scope, period=period)
    headers = [
        _("Enterprises"),
        _("Hazards found"),
        _("General"),
        _("Major"),
        _("Rectified"),
        _("Rectification rate (%)"),
        _("Major rectified"),
        _("Overdue, not rectified"),
        _("Under supervision"),
        *(str(term.lazy_label) for term in RISK_LEVELS.terms),
        _("Inspections due"),
        _("Inspections done"),
    ]
    columns = [
        "enterprises",
        "reported",
        "general",
        "major",
        "closed",
        "closed_rate",
        "major_closed",
        "overdue",
        "supervised",
        *(f"risk_{term.key}" for term in RISK_LEVELS.terms),
        "inspections_due",
        "inspections_done",
    ]
    book = Workbook()
    book.remove(book.active)
    sheets = (
        ("industries", _("Industry")),
        ("departments", _("Department")),
        ("territories", _("Territory")),
    )
    for key, first in sheets:
        sheet = book.create_sheet(title=str(first))
        title = _(
            "Hidden-hazard investigation and rectification statistics (%(period)s)"
        ) % {"period": period.label}
        sheet.append([title])
        sheet.merge_cells(
            start_row=1, start_column=1, end_row=1, end_column=len(headers) + 1
        )
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A1"].alignment = Alignment(horizontal="center")
        text_cell(
            sheet,
            row=2,
            column=1,
            value=_("Reporting unit: %(office)s") % {"office": office},
        )
        text_cell(
            sheet,
            row=2,
            column=5,
            value=_("Period: %(start)s to %(end)s")
            % {"start": period.start.isoformat(), "end": period.end.isoformat()},
        )
        bold_header(sheet, [str(first), *[str(h) for h in headers]])
        for row in [*data[key], *data["total"]]:
            number = sheet.max_row + 1
            # Names are user text: written as text, never as a formula.
            text_cell(sheet, row=number, column=1, value=str(row["name"]))
            for column, field in enumerate(columns, start=2):
                sheet.cell(row=number, column=column, value=row[field])
        sheet.column_dimensions["A"].width = 28
    return workbook_bytes(book)
