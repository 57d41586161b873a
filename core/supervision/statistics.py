"""调度统计: hidden-hazard statistics of a period per industry and territory,
exported to Excel in the layout a department sends upwards (FACTS.md § 6:
quarterly by the 15th of the next quarter's first month, annually by 31
January).

Budget: 4 aggregate queries (hazards and enterprises, by industry and by
street/town) plus 1 for the territories' names, whatever the data size.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.hazards.models import DEADLINE_STATES, HazardGrade, HazardStatus
from core.hazards.selectors import hazards_visible
from core.organizations.models import Jurisdiction, Role
from core.organizations.scope import Scope

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


def hazard_statistics(*, scope: Scope, period: Period) -> dict[str, list[dict]]:
    """Rows per industry and per street/town for ``period``, and the total
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
    aggregates = {
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
    english = (get_language() or "").lower().startswith("en")
    name = f"industries__name_{'en' if english else 'zh'}"
    # An enterprise of two industries counts in each industry's row; an
    # industry department reports only its own industries' rows.
    industry_hazards = hazards.filter(enterprise__industries__isnull=False)
    industry_enterprises = scope.enterprises().filter(industries__isnull=False)
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        industry_hazards = hazards.filter(enterprise__industries__in=scope.industry_ids)
        industry_enterprises = scope.enterprises().filter(
            industries__in=scope.industry_ids
        )
    by_industry = _figures(
        industry_hazards.values(key=F(f"enterprise__{name}")).annotate(**aggregates),
        "key",
    )
    enterprises_by_industry = _figures(
        industry_enterprises.order_by()
        .values(key=F(name))
        .annotate(enterprises=Count("pk", distinct=True)),
        "key",
    )
    length = 2 * Jurisdiction.steplen
    by_territory = _figures(
        hazards.annotate(key=Substr("enterprise__jurisdiction__path", 1, length))
        .values("key")
        .annotate(**aggregates),
        "key",
    )
    enterprises_by_territory = _figures(
        scope.enterprises()
        .order_by()
        .annotate(key=Substr("jurisdiction__path", 1, length))
        .values("key")
        .annotate(enterprises=Count("pk")),
        "key",
    )
    paths = set(by_territory) | set(enterprises_by_territory)
    names = dict(
        Jurisdiction.objects.filter(path__in=paths).values_list("path", "name")
    )

    def rows(figures, enterprises, label) -> list[dict]:
        result = []
        for key in sorted(set(figures) | set(enterprises), key=lambda k: label(k)):
            row = {"name": label(key)}
            for column in COLUMNS:
                source = enterprises if column == "enterprises" else figures
                row[column] = source.get(key, {}).get(column, 0)
            row["closed_rate"] = (
                round(100 * row["closed"] / row["reported"], 1)
                if row["reported"]
                else None
            )
            result.append(row)
        return result

    # The total counts each hazard and each enterprise once (summing the
    # industry rows would count an enterprise of two industries twice).
    total: dict[str, Any] = {"name": _("Total"), **hazards.aggregate(**aggregates)}
    total["enterprises"] = scope.enterprises().order_by().count()
    total["closed_rate"] = (
        round(100 * total["closed"] / total["reported"], 1)
        if total["reported"]
        else None
    )
    return {
        "total": [total],
        "industries": rows(by_industry, enterprises_by_industry, lambda k: k or ""),
        "territories": rows(
            by_territory, enterprises_by_territory, lambda k: names.get(k, k or "")
        ),
    }


def statistics_workbook(*, scope: Scope, period: Period, office: str) -> bytes:
    """The Excel file: one sheet per industry, one per territory."""
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
    ]
    book = Workbook()
    book.remove(book.active)
    for key, first in (("industries", _("Industry")), ("territories", _("Territory"))):
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
        sheet.append(
            [
                _("Reporting unit: %(office)s") % {"office": office},
                None,
                None,
                None,
                _("Period: %(start)s to %(end)s")
                % {"start": period.start.isoformat(), "end": period.end.isoformat()},
            ]
        )
        sheet.append([str(first), *[str(h) for h in headers]])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        rows = data[key]
        for row in [*rows, *data["total"]]:
            # Names are user text: written as text, never as a formula.
            name = str(row["name"])
            sheet.append(
                [
                    ("'" + name) if name.startswith("=") else name,
                    row["enterprises"],
                    row["reported"],
                    row["general"],
                    row["major"],
                    row["closed"],
                    row["closed_rate"],
                    row["major_closed"],
                    row["overdue"],
                    row["supervised"],
                ]
            )
        sheet.column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
