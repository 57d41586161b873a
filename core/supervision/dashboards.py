"""The figures of the supervision dashboards, for a government scope or one
enterprise, in a bounded number of queries whatever the data size.

Budget of ``dashboard_figures``: 12 queries (enterprises, risk points by
level, hazards, inspections, three monthly series, three rankings, the
territories' names, the enterprises by rating class); each an aggregate with GROUP BY over the scope, no
loop over enterprises. For one enterprise the rankings are left out (7).

"Mechanism established" (双重预防机制建成) is computed, not declared: the
enterprise has at least one assessed risk point and at least one inspection
done in the last 90 days (docs/supervision.md).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import get_language

from core.base.scope_cache import figure, scope_cached
from core.hazards.models import OPEN_STATES, Hazard, HazardGrade, HazardStatus
from core.hazards.selectors import hazard_counts
from core.inspections.models import InspectionTask, TaskStatus
from core.organizations.models import Jurisdiction, Role
from core.organizations.scope import Scope
from core.risks.models import RiskPoint
from plugins.vocabularies import RISK_LEVELS

ESTABLISHED_WINDOW_DAYS = 90
RANKING_SIZE = 10
MONTHS = 12


def established_condition(today: datetime.date | None = None) -> Q:
    """Enterprises that have established the mechanism (see the module)."""
    now = (
        timezone.now()
        if today is None
        else timezone.make_aware(datetime.datetime.combine(today, datetime.time.max))
    )
    since = now - datetime.timedelta(days=ESTABLISHED_WINDOW_DAYS)
    return Q(
        Exists(RiskPoint.objects.filter(enterprise=OuterRef("pk")).exclude(level=""))
    ) & Q(
        Exists(
            InspectionTask.objects.filter(
                enterprise=OuterRef("pk"), status=TaskStatus.DONE, done_at__gte=since
            )
        )
    )


def _month_starts(today: datetime.date, count: int = MONTHS) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


def _series(rows, months: list[datetime.date]) -> list[int]:
    by_month: dict[datetime.date, int] = {}
    for month, count in rows:
        if month is None:
            continue
        key = month.date() if isinstance(month, datetime.datetime) else month
        by_month[key.replace(day=1)] = by_month.get(key.replace(day=1), 0) + count
    return [by_month.get(month, 0) for month in months]


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def dashboard_figures(
    *, scope: Scope, enterprise: int | None = None, today: datetime.date | None = None
) -> dict[str, Any]:
    """Every figure of a dashboard, JSON-ready (dates as ``YYYY-MM``).

    A government scope's figures are kept fresh for
    ``SAFEGRID_DASHBOARD_SECONDS`` and refreshed ahead in the background
    (``core.base.scope_cache``): at 10,000 enterprises the committee office's
    aggregates take seconds; one enterprise's are always live."""
    if enterprise is not None or today is not None:
        return _figures(scope=scope, enterprise=enterprise, today=today)
    return scope_cached(
        "supervision:dashboard",
        scope,
        timezone.localdate().isoformat(),
        getattr(settings, "SAFEGRID_DASHBOARD_SECONDS", 0),
    )


@figure("supervision:dashboard")
def _scope_figures(scope: Scope, day: str) -> dict[str, Any]:
    """A government scope's dashboard as of ``day`` (ISO), for the keeping."""
    return _figures(
        scope=scope, enterprise=None, today=datetime.date.fromisoformat(day)
    )


def _figures(
    *, scope: Scope, enterprise: int | None, today: datetime.date | None
) -> dict[str, Any]:
    today = today or timezone.localdate()
    months = _month_starts(today)
    start = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time()))

    def mine(queryset):
        queryset = scope.filter(queryset)
        return queryset.filter(enterprise_id=enterprise) if enterprise else queryset

    figures: dict[str, Any] = {"months": [m.strftime("%Y-%m") for m in months]}

    if enterprise is None:
        row = scope.enterprises().aggregate(
            total=Count("pk"),
            established=Count("pk", filter=established_condition(today)),
        )
        row["established_rate"] = _rate(row["established"], row["total"])
        figures["enterprises"] = row

    by_level = dict(
        mine(RiskPoint.objects.all())
        .order_by()
        .values_list("level")
        .annotate(n=Count("pk"))
        .values_list("level", "n")
    )
    figures["risk_levels"] = [
        {
            "key": term.key,
            "label": str(term.lazy_label),
            "colour": term.colour,
            "count": by_level.get(term.key, 0),
        }
        for term in RISK_LEVELS.terms
    ]
    figures["risk_unassessed"] = by_level.get("", 0)

    figures["hazards"] = hazard_counts(scope=scope, enterprise=enterprise, today=today)

    month_start = timezone.make_aware(
        datetime.datetime.combine(today.replace(day=1), datetime.time())
    )
    tasks = mine(InspectionTask.objects.all()).filter(
        due_at__gte=month_start, due_at__lt=timezone.now() + datetime.timedelta(1)
    )
    inspections = tasks.aggregate(
        due=Count("pk"),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        overdue=Count("pk", filter=Q(status=TaskStatus.OVERDUE)),
    )
    inspections["done_rate"] = _rate(inspections["done"], inspections["due"])
    figures["inspections"] = inspections

    def monthly(queryset, field):
        return _series(
            queryset.filter(**{f"{field}__gte": start})
            .order_by()
            .annotate(month=TruncMonth(field))
            .values_list("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n"),
            months,
        )

    hazards = mine(Hazard.objects.all())
    figures["trends"] = {
        "reported": monthly(
            hazards.exclude(status=HazardStatus.REJECTED), "reported_at"
        ),
        "closed": monthly(hazards.filter(status=HazardStatus.CLOSED), "closed_at"),
        "inspections_done": monthly(
            mine(InspectionTask.objects.filter(status=TaskStatus.DONE)), "done_at"
        ),
    }

    if enterprise is None:
        figures["rankings"] = _rankings(scope)
        figures["ratings"] = _ratings(scope)
    return figures


def _ratings(scope: Scope) -> list[dict[str, Any]]:
    """How many enterprises of the scope are in each class A–D (unrated ones
    are not counted: the daily job rates every enterprise)."""
    from core.supervision.models import EnterpriseRating, RatingClass

    counts = dict(
        scope.filter(EnterpriseRating.objects.all())
        .order_by()
        .values_list("rating_class")
        .annotate(n=Count("pk"))
        .values_list("rating_class", "n")
    )
    return [
        {"key": value, "label": str(label), "count": counts.get(value, 0)}
        for value, label in RatingClass.choices
    ]


def _rankings(scope: Scope) -> dict[str, list[dict[str, Any]]]:
    """Enterprises, industries and territories by open hazards (3–4 queries)."""
    open_hazards = scope.filter(
        Hazard.objects.filter(status__in=OPEN_STATES)
    ).order_by()
    weight = Count("pk", filter=Q(grade=HazardGrade.MAJOR))
    enterprises = [
        {"id": pk, "name": name, "open": n, "major": major}
        for pk, name, n, major in open_hazards.values_list(
            "enterprise_id", "enterprise__name"
        )
        .annotate(n=Count("pk"), major=weight)
        .order_by("-major", "-n", "enterprise_id")
        .values_list("enterprise_id", "enterprise__name", "n", "major")[:RANKING_SIZE]
    ]
    english = (get_language() or "").lower().startswith("en")
    name = f"enterprise__industries__name_{'en' if english else 'zh'}"
    industries = [
        {"code": code, "name": label, "open": n}
        for code, label, n in _industry_hazards(open_hazards, scope)
        .values_list("enterprise__industries__code", name)
        .annotate(n=Count("pk"))
        .order_by("-n", "enterprise__industries__code")
        .values_list("enterprise__industries__code", name, "n")[:RANKING_SIZE]
    ]
    # Territories: the streets and towns (depth 2 of the tree).
    prefix_length = 2 * Jurisdiction.steplen
    by_prefix = list(
        open_hazards.annotate(
            territory=Substr("enterprise__jurisdiction__path", 1, prefix_length)
        )
        .values_list("territory")
        .annotate(n=Count("pk"))
        .order_by("-n", "territory")
        .values_list("territory", "n")[:RANKING_SIZE]
    )
    names = dict(
        Jurisdiction.objects.filter(path__in=[p for p, _n in by_prefix]).values_list(
            "path", "name"
        )
    )
    territories = [{"name": names.get(path, path), "open": n} for path, n in by_prefix]
    return {
        "enterprises": enterprises,
        "industries": industries,
        "territories": territories,
    }


def _industry_hazards(hazards, scope):
    """Hazards joined to their enterprise's industries: an industry
    department's ranking lists its own industries only."""
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        return hazards.filter(enterprise__industries__in=scope.industry_ids)
    return hazards.filter(enterprise__industries__isnull=False)
