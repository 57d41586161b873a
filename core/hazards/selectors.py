"""Reads of hazards, always through the one scope.

Budgets: ``hazard_list`` is one query per page (its related rows joined),
plus one for the photos when asked; ``hazard_counts`` is one query whatever
the number of hazards (conditional aggregates).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from core.hazards.models import (
    DEADLINE_STATES,
    OPEN_STATES,
    Hazard,
    HazardGrade,
    HazardStatus,
    overdue_condition,
)
from core.organizations.models import Unit
from core.organizations.scope import Scope


def hazards_visible(scope: Scope) -> QuerySet[Hazard]:
    """Every hazard ``scope`` may see (enterprise members: their enterprise's)."""
    return scope.filter(Hazard.objects.all())


def hazard_list(
    *, scope: Scope, by_key: bool = False, **filters: Any
) -> QuerySet[Hazard]:
    """The hazards in scope, newest first (the index ``hazard_ent_recent``),
    narrowed by ``filters`` (``hazard_filter``'s keywords). ``by_key``: a
    department's scope as the enterprise ids of its industry links
    (``Scope.filter_by_key``: the same rows, one relation less to plan in
    each of a page's queries)."""
    visible = (
        scope.filter_by_key(Hazard.objects.all()) if by_key else hazards_visible(scope)
    )
    hazards = visible.select_related(
        "enterprise", "risk_point", "responsible", "supervising_department"
    )
    return hazard_filter(hazards, **filters).order_by("-reported_at", "-pk")


def hazard_filter(
    hazards: QuerySet[Hazard],
    *,
    enterprise: int | None = None,
    status: str | None = None,
    grade: str | None = None,
    overdue: bool | None = None,
    supervised: bool | None = None,
    hazard_type: str | None = None,
    unit: int | None = None,
    today: datetime.date | None = None,
) -> QuerySet[Hazard]:
    """``hazards`` narrowed by each filter given (None: not filtered).
    ``unit``: the hazards at risk points of that unit of the enterprise's
    tree or below it (a workshop includes its teams and posts). The one
    meaning of every hazard filter: the portal, the admin and the API read
    their filters through ``core.hazards.filters.HazardFilters``, which
    calls this."""
    today = today or timezone.localdate()
    if enterprise is not None:
        hazards = hazards.filter(enterprise_id=enterprise)
    if status:
        hazards = hazards.filter(status=status)
    if grade:
        hazards = hazards.filter(grade=grade)
    if overdue is True:
        hazards = hazards.filter(overdue_condition(today))
    elif overdue is False:
        hazards = hazards.exclude(overdue_condition(today))
    if supervised is not None:
        hazards = hazards.filter(supervised=supervised)
    if hazard_type:
        hazards = hazards.filter(hazard_type=hazard_type)
    if unit is not None:
        root = Unit.objects.filter(pk=unit).values("path", "enterprise_id").first()
        if root is None:
            return hazards.none()
        hazards = hazards.filter(
            risk_point__unit__enterprise_id=root["enterprise_id"],
            risk_point__unit__path__startswith=root["path"],
        )
    return hazards


def hazard_list_for_supervisors(*, scope: Scope) -> QuerySet[Hazard]:
    """Government order: supervised, then major, then overdue, then newest.

    The first three are the stored ``Hazard.priority`` (overdue as of the
    last save or the daily overdue job), so the indexes ``hazard_priority``
    (over a scope) and ``hazard_ent_priority`` (one enterprise) serve the
    order and a page reads its rows, not the scope (docs/hazards.md)."""
    return hazard_list(scope=scope).order_by("-priority", "-reported_at", "-pk")


def hazard_counts(
    *, scope: Scope, enterprise: int | None = None, today=None
) -> dict[str, Any]:
    """Counts and rates of the hazards in scope, in one query.

    * rectification rate: closed ÷ all not rejected;
    * overdue rate: overdue ÷ those whose deadline runs (confirmed, rectifying);
    * on-time rate: closed by their deadline ÷ closed with a deadline.
    """
    today = today or timezone.localdate()
    hazards = hazards_visible(scope)
    if enterprise is not None:
        hazards = hazards.filter(enterprise_id=enterprise)
    overdue = overdue_condition(today)
    row = hazards.aggregate(
        total=Count("pk", filter=~Q(status=HazardStatus.REJECTED)),
        open=Count("pk", filter=Q(status__in=OPEN_STATES)),
        closed=Count("pk", filter=Q(status=HazardStatus.CLOSED)),
        running=Count("pk", filter=Q(status__in=DEADLINE_STATES)),
        overdue=Count("pk", filter=overdue),
        major_open=Count(
            "pk", filter=Q(status__in=OPEN_STATES, grade=HazardGrade.MAJOR)
        ),
        supervised_open=Count("pk", filter=Q(status__in=OPEN_STATES, supervised=True)),
        closed_with_deadline=Count(
            "pk", filter=Q(status=HazardStatus.CLOSED, deadline__isnull=False)
        ),
        closed_on_time=Count(
            "pk",
            filter=Q(
                status=HazardStatus.CLOSED,
                deadline__isnull=False,
                closed_at__date__lte=F("deadline"),
            ),
        ),
        **{
            f"status_{status}": Count("pk", filter=Q(status=status))
            for status in HazardStatus.values
        },
    )

    def rate(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    row["rectification_rate"] = rate(row["closed"], row["total"])
    row["overdue_rate"] = rate(row["overdue"], row["running"])
    row["on_time_rate"] = rate(row["closed_on_time"], row["closed_with_deadline"])
    return row
