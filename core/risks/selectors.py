"""Reads of risk grading, always through the user's scope, in bounded queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict, Unpack

from auditlog.models import LogEntry
from django.conf import settings
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber, Substr

import core.base.lookups  # noqa: F401 - registers text_contains
from core.base.scope_cache import cached, figure, scope_cached
from core.organizations.models import Enterprise, Unit
from core.organizations.scope import Scope
from core.risks.models import (
    AccidentType,
    Assessment,
    ControlMeasure,
    HazardFactorClass,
    LevelThreshold,
    RiskEvent,
    RiskLevel,
    RiskPoint,
)
from core.scoring import UnknownRule, scoring_engine
from plugins.contributions import LevelThresholds, RiskLibraryEntry
from plugins.manager import get_plugin_manager

UNASSESSED = "unassessed"


class RiskPointFilters(TypedDict, total=False):
    """The risk list's filters besides the enterprise (``risk_point_filter``)."""

    level: str | None
    kind: str | None
    unit: Unit | int | None
    method: str | None
    search: str | None


def risk_point_list(
    *,
    scope: Scope,
    enterprise: Enterprise | int | None = None,
    with_events: bool = False,
    **filters: Unpack[RiskPointFilters],
) -> QuerySet[RiskPoint]:
    """The risk points in scope, filtered, with what a list shows.

    ``level`` is a level key or ``"unassessed"``; ``unit`` includes its whole
    subtree; ``method`` keeps points with an active event whose latest
    assessment used that method (``RiskPoint.methods``). ``with_events`` prefetches the active events
    with their latest assessment, accident types and active measures (a fixed
    number of extra queries, whatever the number of points).
    """
    queryset = scope.filter_by_key(RiskPoint.objects.all()).select_related(
        "enterprise", "unit", "responsible_unit", "responsible_person"
    )
    queryset = risk_point_filter(
        queryset, scope=scope, enterprise=enterprise, **filters
    )
    if with_events:
        queryset = queryset.prefetch_related(
            Prefetch(
                "events",
                queryset=RiskEvent.objects.filter(is_active=True)
                .select_related("analysis_unit", "latest_assessment")
                .prefetch_related(
                    Prefetch(
                        "accident_types",
                        queryset=AccidentType.objects.order_by("code"),
                    ),
                    Prefetch(
                        "measures",
                        queryset=ControlMeasure.objects.filter(is_active=True),
                    ),
                ),
            )
        )
    return queryset.order_by(*risk_point_order(scope=scope, enterprise=enterprise))


#: The risk lists' order over a scope (index ``riskpoint_list_order``).
RISK_POINT_ORDER = ("enterprise_name", "enterprise_id", "name", "pk")


def risk_point_order(
    *, scope: Scope, enterprise: Enterprise | int | None = None
) -> tuple[str, ...]:
    """The risk lists' order, served by an index: by enterprise name (carried
    on the row), enterprise, name; within one enterprise by name."""
    if enterprise or (scope.is_enterprise and scope.enterprise_id):
        return ("enterprise_id", "name", "pk")
    return RISK_POINT_ORDER


def risk_point_filter(
    queryset: QuerySet[RiskPoint],
    *,
    scope: Scope,
    enterprise: Enterprise | int | None = None,
    level: str | None = None,
    kind: str | None = None,
    unit: Unit | int | None = None,
    method: str | None = None,
    search: str | None = None,
) -> QuerySet[RiskPoint]:
    """Apply the risk list's filters to an already scoped queryset."""
    if enterprise:
        queryset = queryset.filter(
            enterprise_id=enterprise.pk if hasattr(enterprise, "pk") else enterprise
        )
    if level == UNASSESSED:
        queryset = queryset.filter(level="")
    elif level:
        queryset = queryset.filter(level=level)
    if kind:
        queryset = queryset.filter(kind=kind)
    if unit:
        pk = unit.pk if hasattr(unit, "pk") else unit
        node = scope.filter(Unit.objects.filter(pk=pk)).first()
        if node is None:
            return queryset.none()
        queryset = queryset.filter(
            unit__enterprise_id=node.enterprise_id, unit__path__startswith=node.path
        )
    if method:
        # A condition on the row (the methods the point carries), so the list
        # walks its order's index and stops after a page.
        queryset = queryset.filter(RiskPoint.has_method(method))
    if search:
        # ILIKE on PostgreSQL: served and estimated by the trigram indexes.
        queryset = queryset.filter(
            Q(name__text_contains=search) | Q(description__text_contains=search)
        )
    return queryset


def risk_overview(
    *,
    scope: Scope,
    enterprise: Enterprise | int | None = None,
    kind: str | None = None,
    unit: Unit | int | None = None,
    method: str | None = None,
) -> dict[str, int]:
    """Counts of risk points by level (and unassessed, and total), one query."""
    queryset = risk_point_filter(
        scope.filter(RiskPoint.objects.all()),
        scope=scope,
        enterprise=enterprise,
        kind=kind,
        unit=unit,
        method=method,
    )
    return risk_level_counts(queryset, shared=not enterprise)


def risk_level_counts(
    queryset: QuerySet[RiskPoint], *, shared: bool = False
) -> dict[str, int]:
    """Counts of an (already scoped) queryset of risk points by level, one query.

    Keys: ``total``, each level key, and ``unassessed``. ``shared`` counts
    that span a scope (hundreds of thousands of points for a province) are
    kept per worker for ``SAFEGRID_LEVEL_COUNTS_SECONDS`` under the query's
    own SQL (so per scope and filter): a supervisor's dashboard may lag that
    long behind a new assessment; one enterprise's counts are always live.
    """
    seconds = getattr(settings, "SAFEGRID_LEVEL_COUNTS_SECONDS", 0)
    if not (shared and seconds):
        return _level_counts(queryset)
    sql, params = queryset.order_by().values("level").query.sql_with_params()
    return cached(
        "risks:level_counts", (sql, params), seconds, lambda: _level_counts(queryset)
    )


def _level_counts(queryset: QuerySet[RiskPoint]) -> dict[str, int]:
    counts = queryset.order_by().aggregate(
        total=Count("pk"),
        **{level: Count("pk", filter=Q(level=level)) for level in RiskLevel.values},
        unassessed=Count("pk", filter=Q(level="")),
    )
    return {key: value or 0 for key, value in counts.items()}


def level_order() -> Case:
    """An expression ordering risk points from major to low, unassessed last."""
    return Case(
        *(
            When(level=level, then=Value(rank))
            for rank, level in enumerate(RiskLevel.values)
        ),
        default=Value(len(RiskLevel.values)),
        output_field=IntegerField(),
    )


@dataclass(frozen=True)
class RiskGroup:
    """The risk points of one workshop (or of the company level, or of no unit).

    ``points`` holds at most the first few, highest level first; ``counts`` is
    by level over all of them.
    """

    unit: Unit | None
    counts: dict[str, int]
    points: list[RiskPoint]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def level(self) -> str:
        """The highest level in the group (empty when nothing is assessed)."""
        return next((level for level in RiskLevel.values if self.counts.get(level)), "")

    @property
    def more(self) -> int:
        return self.total - len(self.points)


#: How many point tiles the four-colour view draws in all: each group
#: shows an equal share of them (between 4 and 24), so the page does not grow
#: with the number of workshops.
OVERVIEW_TILES = 96


def risk_overview_groups(
    *, scope: Scope, enterprise: Enterprise | int, per_group: int | None = None
) -> list[RiskGroup]:
    """An enterprise's risk points grouped by workshop, for the four-colour view.

    A point counts under the workshop-level unit above it (the unit itself
    when it is a workshop or the company); points without a unit form a last
    group. Three queries whatever the number of points: the counts, the
    first ``per_group`` points of each group (a window function; by default
    an equal share of ``OVERVIEW_TILES``), the units.
    """
    enterprise_id = enterprise.pk if hasattr(enterprise, "pk") else enterprise
    group_path = Case(
        When(unit__isnull=True, then=Value("")),
        default=Substr("unit__path", 1, 2 * Unit.steplen),
    )
    points = scope.filter(RiskPoint.objects.filter(enterprise_id=enterprise_id))
    counts: dict[str, dict[str, int]] = {}
    for row in (
        points.annotate(group=group_path)
        .values("group", "level")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = row["level"] or UNASSESSED
        counts.setdefault(row["group"], {})[key] = row["n"]
    if not counts:
        return []
    if per_group is None:
        per_group = min(24, max(4, OVERVIEW_TILES // len(counts)))
    first: dict[str, list[RiskPoint]] = {}
    for point in (
        points.annotate(
            group=group_path,
            position_in_group=Window(
                RowNumber(),
                partition_by=[group_path],
                order_by=[level_order().asc(), F("name").asc(), F("pk").asc()],
            ),
        )
        .filter(position_in_group__lte=per_group)
        .only("pk", "name", "level", "kind", "unit_id")
        .order_by("position_in_group")
    ):
        first.setdefault(point.group, []).append(point)
    units = {
        unit.path: unit
        for unit in Unit.objects.filter(
            enterprise_id=enterprise_id, path__in=[path for path in counts if path]
        )
    }
    groups = [
        RiskGroup(unit=units.get(path), counts=counts[path], points=first.get(path, []))
        for path in sorted(counts, key=lambda path: (path == "", path))
    ]
    return groups


def risk_overview_figures(
    *, scope: Scope, enterprise: Enterprise, counts: dict[str, int], plot_limit: int
) -> dict[str, Any]:
    """The four-colour view's groups and the site plan's points of an
    enterprise (``risk_overview_groups``, ``risk_point_positions``).

    Both read every point of the enterprise (a window over all of them, a
    sort of the placed ones), so they are kept per enterprise fresh for
    ``SAFEGRID_LEVEL_COUNTS_SECONDS`` and refreshed ahead
    (``core.base.scope_cache``) under the enterprise's live level
    ``counts``: a new, removed or re-graded point changes the counts and so
    is shown at once; a renamed or moved point may take that long (and the
    refresh's time) to appear in the tiles.
    """
    return scope_cached(
        "risks:overview",
        scope,
        [enterprise.pk, sorted(counts.items()), plot_limit],
        getattr(settings, "SAFEGRID_LEVEL_COUNTS_SECONDS", 0),
    )


@figure("risks:overview")
def _kept_overview(scope: Scope, parts: list[Any]) -> dict[str, Any]:
    """``risk_overview_figures`` of ``[enterprise id, counts, plot limit]``
    (the counts only key it), for the keeping."""
    enterprise, _counts, plot_limit = parts
    return {
        "groups": risk_overview_groups(scope=scope, enterprise=enterprise),
        "positions": risk_point_positions(
            scope=scope, enterprise=enterprise, limit=plot_limit
        ),
    }


def risk_point_positions(
    *, scope: Scope, enterprise: Enterprise | int, limit: int = 500
) -> list[RiskPoint]:
    """Risk points placed on the site plan, highest level first (at most
    ``limit``, one query)."""
    enterprise_id = enterprise.pk if hasattr(enterprise, "pk") else enterprise
    return list(
        scope.filter(RiskPoint.objects.filter(enterprise_id=enterprise_id))
        .filter(position__isnull=False)
        .only("pk", "name", "level", "position")
        .order_by(level_order(), "name", "pk")[:limit]
    )


def risk_point_detail(*, scope: Scope, pk: int) -> RiskPoint | None:
    """One risk point in scope with everything its page shows, or None."""
    return (
        risk_point_list(scope=scope, with_events=True)
        .prefetch_related("hazard_factors__factor_class", "analysis_units")
        .filter(pk=pk)
        .first()
    )


def risk_event_assessments(*, event: RiskEvent) -> QuerySet[Assessment]:
    """Every assessment of an event, newest first (the caller checked scope)."""
    return Assessment.objects.filter(event=event).select_related("assessed_by")


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a risk point's history: an assessment or a recorded change."""

    at: datetime
    kind: str  # "assessment" or "change"
    actor: str
    summary: str
    assessment: Assessment | None = None
    log_entry: LogEntry | None = None


def risk_point_history(*, scope: Scope, risk_point: RiskPoint) -> list[HistoryEntry]:
    """A risk point's history, newest first: assessments and every change.

    Changes come from the audit log (entries of the point and of its units,
    factors, events and measures are tagged with the point's id), so removed
    parts and changed fields can be read back. Empty if out of scope.
    """
    if not scope.filter(RiskPoint.objects.filter(pk=risk_point.pk)).exists():
        return []
    entries = [
        HistoryEntry(
            at=a.assessed_at,
            kind="assessment",
            actor=a.assessed_by_name,
            summary=f"{a.event.name}: {a.method} {a.value if a.value is not None else ''}"
            f" → {a.get_level_display()}",
            assessment=a,
        )
        for a in Assessment.objects.filter(risk_point_id=risk_point.pk).select_related(
            "event"
        )
    ]
    assessment_type = Assessment._meta.label_lower
    for log in (
        LogEntry.objects.filter(additional_data__risk_point=risk_point.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    ):
        if f"{log.content_type.app_label}.{log.content_type.model}" == assessment_type:
            continue  # shown as the assessment itself
        entries.append(
            HistoryEntry(
                at=log.timestamp,
                kind="change",
                actor=str(log.actor) if log.actor else "",
                summary=f"{log.content_type.name}: {log}",
                log_entry=log,
            )
        )
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


# -- dictionaries ------------------------------------------------------------
def accident_types() -> QuerySet[AccidentType]:
    """The GB 6441 accident types of the current edition."""
    return AccidentType.objects.filter(is_current=True).order_by("code")


def hazard_factor_classes() -> QuerySet[HazardFactorClass]:
    """The GB/T 13861 classes of the current edition, in code order."""
    return HazardFactorClass.objects.filter(is_current=True).order_by("code")


# -- thresholds --------------------------------------------------------------
def thresholds_for(
    *, method: str, industry_codes: list[str] | tuple[str, ...] = ()
) -> list[tuple[str, LevelThresholds]]:
    """The thresholds that grade ``method`` for an enterprise of these industries.

    One ``(source, thresholds)`` pair per applicable set: each industry's own
    row where it has one; the platform default (configured row, else the
    rule's default) for industries without one and for no industry at all.
    The caller grades with every set and keeps the highest level. One query.
    """
    try:
        registered = scoring_engine().get(method)
    except UnknownRule:
        return []
    if not registered.has_thresholds:
        return []
    rows = list(
        LevelThreshold.objects.filter(method=method)
        .filter(Q(industry__isnull=True) | Q(industry__code__in=industry_codes))
        .select_related("industry")
    )
    by_industry = {row.industry.code: row for row in rows if row.industry is not None}
    result = [
        (f"industry:{code}", by_industry[code].as_thresholds())
        for code in industry_codes
        if code in by_industry
    ]
    if not industry_codes or any(code not in by_industry for code in industry_codes):
        default = next((row for row in rows if row.industry_id is None), None)
        if default is not None:
            result.append(("platform", default.as_thresholds()))
        elif registered.rule.default_thresholds is not None:
            result.append((f"rule:{method}", registered.rule.default_thresholds))
    return result


def level_threshold_list(*, scope: Scope) -> QuerySet[LevelThreshold]:
    """The threshold rows the user may configure (see ``Scope``)."""
    queryset = LevelThreshold.objects.select_related("industry", "updated_by")
    if scope.sees_everything:
        return queryset
    return queryset.filter(industry__in=scope.configurable_industries())


# -- risk library ------------------------------------------------------------
@dataclass(frozen=True)
class LibraryItem:
    pack: str
    entry: RiskLibraryEntry


def risk_library(*, industry_codes: list[str] | None = None) -> list[LibraryItem]:
    """Typical risk points the enabled packs offer, for these industries (all
    when None)."""
    items = []
    for pack, entry in get_plugin_manager().collect("safegrid_risk_library"):
        if not isinstance(entry, RiskLibraryEntry) or entry.problems():
            continue  # reported by the system checks
        if industry_codes is not None and entry.industry not in industry_codes:
            continue
        items.append(LibraryItem(pack, entry))
    return items


def risk_library_entry(*, pack: str, key: str) -> RiskLibraryEntry | None:
    for item in risk_library():
        if item.pack == pack and item.entry.key == key:
            return item.entry
    return None
