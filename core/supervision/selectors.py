"""Reads for supervision: the four-colour map, always through the one scope.

Budgets: ``map_enterprises`` is one query whatever the number of enterprises
(each figure a correlated sub-query served by the indexes on
``(enterprise, level)`` of risk points and ``(enterprise, status)`` of
hazards); ``map_territories`` is one query.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from core.hazards.models import DEADLINE_STATES, OPEN_STATES, Hazard, HazardGrade
from core.organizations.models import Enterprise, Jurisdiction, Role
from core.organizations.scope import Scope
from core.risks.models import RiskPoint
from core.supervision.map_filters import map_filters
from core.supervision.models import TerritoryBoundary
from plugins.vocabularies import RISK_LEVELS

# The risk levels, highest first.
LEVELS: tuple[str, ...] = RISK_LEVELS.keys()


@dataclass(frozen=True)
class MapQuery:
    """The map's filters, already checked (``core.supervision.forms``)."""

    industry: int | None = None
    territory: Jurisdiction | None = None
    level: str | None = None
    major: bool = False
    overdue: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def count_per_enterprise(queryset: QuerySet) -> Coalesce:
    """The number of rows of ``queryset`` for the outer enterprise."""
    return Coalesce(
        Subquery(
            queryset.filter(enterprise=OuterRef("pk"))
            .order_by()
            .values("enterprise")
            # COUNT(*): an index on (enterprise, the filtered column) answers
            # it alone (an index-only scan), without reading the rows.
            .annotate(n=Count("*"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _point(longitude: Any, latitude: Any) -> dict[str, Any] | None:
    """A GeoJSON point; None without both coordinates."""
    if longitude is None or latitude is None:
        return None
    return {"type": "Point", "coordinates": [float(longitude), float(latitude)]}


def _feature(pk: int, geometry: dict[str, Any] | None, **properties: Any) -> dict:
    """A GeoJSON feature of the map: the row's id, where it is, what it shows."""
    return {"type": "Feature", "id": pk, "geometry": geometry, "properties": properties}


def map_enterprise_queryset(
    *, scope: Scope, query: MapQuery | None = None, today: datetime.date | None = None
) -> QuerySet[Enterprise]:
    """The enterprises in scope with their map figures, as a lazy queryset."""
    query = query or MapQuery()
    today = today or timezone.localdate()
    industry_name = (
        "industry__name_en"
        if (get_language() or "").lower().startswith("en")
        else "industry__name_zh"
    )
    through = Enterprise.industries.through
    level_counts = {
        f"points_{level}": count_per_enterprise(RiskPoint.objects.filter(level=level))
        for level in LEVELS
    }
    enterprises = (
        scope.enterprises()
        .annotate(
            **level_counts,
            hazards_open=count_per_enterprise(
                Hazard.objects.filter(status__in=OPEN_STATES)
            ),
            hazards_major=count_per_enterprise(
                Hazard.objects.filter(status__in=OPEN_STATES, grade=HazardGrade.MAJOR)
            ),
            hazards_overdue=count_per_enterprise(
                Hazard.objects.filter(status__in=DEADLINE_STATES, deadline__lt=today)
            ),
            industry_name=Subquery(
                through.objects.filter(enterprise=OuterRef("pk"))
                .order_by("industry_id")
                .values(industry_name)[:1],
                output_field=CharField(),
            ),
        )
        .annotate(
            top_level=Case(
                *(
                    When(**{f"points_{level}__gt": 0}, then=Value(level))
                    for level in LEVELS
                ),
                default=Value(""),
                output_field=CharField(),
            )
        )
    )
    if query.industry is not None:
        enterprises = enterprises.filter(
            pk__in=through.objects.filter(industry_id=query.industry).values(
                "enterprise_id"
            )
        )
    if query.territory is not None:
        enterprises = enterprises.filter(
            jurisdiction__path__startswith=query.territory.path
        )
    if query.level:
        enterprises = enterprises.filter(top_level=query.level)
    if query.major:
        enterprises = enterprises.filter(hazards_major__gt=0)
    if query.overdue:
        enterprises = enterprises.filter(hazards_overdue__gt=0)
    for extra in map_filters():
        value = query.extra.get(extra.name)
        if value:
            enterprises = extra.function(enterprises, value, scope)
    return enterprises.order_by("pk")


def map_enterprises(
    *, scope: Scope, query: MapQuery | None = None, today: datetime.date | None = None
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the enterprises in scope; one query.

    Each feature: ``id``, a Point (``null`` when the enterprise has no
    location), and properties ``name``, ``level`` (its highest risk level,
    ``""`` when none is assessed), ``points`` (risk points by level, highest
    first), ``open``, ``major``, ``overdue`` (open, open major and overdue
    hazards), ``industry`` (its first industry's name), ``territory``
    (jurisdiction id), ``path`` (the jurisdiction's tree path, by which
    the page shades the territories) and ``rating`` (its class A–D, ``""``
    before the first rating).
    """
    levels = LEVELS
    rows = map_enterprise_queryset(scope=scope, query=query, today=today).values_list(
        "pk",
        "name",
        "latitude",
        "longitude",
        # Not "top_level": in SQL it repeats the four level counts (the CASE
        # inlines their sub-queries); it is the first level counted here.
        *(f"points_{level}" for level in levels),
        "hazards_open",
        "hazards_major",
        "hazards_overdue",
        "industry_name",
        "jurisdiction_id",
        "jurisdiction__path",
        "rating__rating_class",
    )
    features = []
    width = len(levels)
    shows_rating = scope.is_government or scope.is_superuser
    for row in rows:
        pk, name, latitude, longitude = row[:4]
        points = list(row[4 : 4 + width])
        level = next((key for key, n in zip(levels, points, strict=True) if n), "")
        hazards_open, major, overdue, industry, territory, path, rating = row[
            4 + width :
        ]
        features.append(
            _feature(
                pk,
                _point(longitude, latitude),
                name=name,
                level=level,
                points=points,
                open=hazards_open,
                major=major,
                overdue=overdue,
                industry=industry or "",
                territory=territory,
                path=path,
                # The A–D class is the government's supervision tool.
                rating=(rating or "") if shows_rating else "",
            )
        )
    return {"type": "FeatureCollection", "levels": list(levels), "features": features}


def territories_visible(scope: Scope) -> QuerySet[Jurisdiction]:
    """The jurisdictions whose areas a user sees on the map.

    A territorial office its own subtree; the other government roles and the
    superuser every jurisdiction; an enterprise the grid it sits in and
    that grid's ancestors (its own neighbourhood, nothing of other firms).
    """
    if scope.role == Role.TERRITORIAL_OFFICE:
        if not scope.jurisdiction_path:
            return Jurisdiction.objects.none()
        return Jurisdiction.objects.filter(path__startswith=scope.jurisdiction_path)
    if scope.is_government:
        return Jurisdiction.objects.all()
    if scope.is_enterprise and scope.enterprise_id:
        own = (
            Enterprise.objects.filter(pk=scope.enterprise_id)
            .values_list("jurisdiction__path", flat=True)
            .first()
        )
        if not own:
            return Jurisdiction.objects.none()
        steps = Jurisdiction.steplen
        prefixes = [own[:i] for i in range(steps, len(own) + 1, steps)]
        return Jurisdiction.objects.filter(path__in=prefixes)
    return Jurisdiction.objects.none()


def map_territories(*, scope: Scope) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the territories' boundaries; one query.

    Properties: ``name``, ``level`` (district, street, town, grid), ``path``
    and ``depth``. Drawn as the offline base layer, shaded by the page from
    the enterprises inside.
    """
    boundaries = (
        TerritoryBoundary.objects.filter(jurisdiction__in=territories_visible(scope))
        .order_by("jurisdiction__path")
        .values_list(
            "jurisdiction_id",
            "jurisdiction__name",
            "jurisdiction__level",
            "jurisdiction__path",
            "jurisdiction__depth",
            "geometry",
        )
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": pk,
                "geometry": geometry,
                "properties": {
                    "name": name,
                    "level": level,
                    "path": path,
                    "depth": depth,
                },
            }
            for pk, name, level, path, depth, geometry in boundaries
        ],
    }


#: The site plan's unit square laid around an enterprise's location, in
#: degrees (about 400 m north–south): a zoomed-in map shows the risk points
#: where the site plan has them, relative to one another.
SITE_SPAN = 0.004
#: At most this many risk points of one enterprise on the map.
SITE_POINTS = 500


def _site_xy(position: Any, index: int, count: int) -> tuple[float, float]:
    """A risk point's place on the site plan (0–1, y downwards): its point,
    the centre of its area, or — without a position — a ring round the
    middle."""
    if isinstance(position, dict):
        if position.get("type") == "point":
            return float(position["x"]), float(position["y"])
        points = position.get("points") or []
        if points:
            xs = [float(p[0]) for p in points]
            ys = [float(p[1]) for p in points]
            return sum(xs) / len(xs), sum(ys) / len(ys)
    angle = 2 * math.pi * index / max(count, 1)
    return 0.5 + 0.3 * math.cos(angle), 0.5 + 0.3 * math.sin(angle)


def map_risk_points(*, scope: Scope, enterprise_id: int) -> dict[str, Any] | None:
    """The risk points of one enterprise in ``scope`` as GeoJSON, placed on
    its site plan laid around its location (``SITE_SPAN``); ``None`` when
    the enterprise is not in scope. Properties: ``name``, ``level``,
    ``placed`` (false: no position on the site plan, put on a ring) and
    ``alarms`` (open, active monitoring alarms). Three queries."""
    from core.monitoring.selectors import alarms_visible

    enterprise = (
        scope.enterprises()
        .filter(pk=enterprise_id)
        .values("pk", "latitude", "longitude")
        .first()
    )
    if enterprise is None:
        return None
    rows = list(
        RiskPoint.objects.filter(enterprise_id=enterprise_id)
        .order_by("pk")
        .values_list("pk", "name", "level", "position")[:SITE_POINTS]
    )
    alarms = dict(
        alarms_visible(scope)
        .filter(enterprise_id=enterprise_id, cleared_at__isnull=True, active=True)
        .values_list("sensor__risk_point_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    latitude, longitude = enterprise["latitude"], enterprise["longitude"]
    features = []
    for index, (pk, name, level, position) in enumerate(rows):
        x, y = _site_xy(position, index, len(rows))
        geometry = None
        if latitude is not None and longitude is not None:
            # Longitude degrees shrink with the latitude: keep the plan square.
            shrink = max(math.cos(math.radians(float(latitude))), 0.1)
            geometry = _point(
                round(float(longitude) + (x - 0.5) * SITE_SPAN / shrink, 7),
                round(float(latitude) + (0.5 - y) * SITE_SPAN, 7),
            )
        features.append(
            _feature(
                pk,
                geometry,
                name=name,
                level=level,
                placed=bool(position),
                alarms=alarms.get(pk, 0),
            )
        )
    return {
        "type": "FeatureCollection",
        "enterprise": enterprise_id,
        "features": features,
    }
