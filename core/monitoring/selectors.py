"""Reads of monitoring, always through the one scope.

Budgets: ``sensor_list`` and ``alarm_list`` are one query per page (related
rows joined); ``sensor_history`` one query for the raw readings or two for
an aggregated series (the raw readings grouped by the database, and the
stored aggregates of the thinned past); ``points_in_alarm`` one query.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Max, Min, QuerySet, Sum
from django.db.models.functions import TruncDay, TruncHour, TruncMinute

from core.monitoring.models import Alarm, Reading, ReadingAggregate, SensorPoint
from core.organizations.scope import Scope

#: At most this many raw readings or buckets in one answer.
MAX_POINTS = 20_000
INTERVALS: dict[str, tuple[int, Any]] = {
    "minute": (60, TruncMinute),
    "hour": (3600, TruncHour),
    "day": (86400, TruncDay),
}


def sensors_visible(scope: Scope) -> QuerySet[SensorPoint]:
    return scope.filter(SensorPoint.objects.all())


def sensor_list(
    *, scope: Scope, enterprise: int | None = None, risk_point: int | None = None
) -> QuerySet[SensorPoint]:
    sensors = sensors_visible(scope).select_related("risk_point", "enterprise")
    if enterprise is not None:
        sensors = sensors.filter(enterprise_id=enterprise)
    if risk_point is not None:
        sensors = sensors.filter(risk_point_id=risk_point)
    return sensors.order_by("enterprise_id", "name", "id")


def alarms_visible(scope: Scope) -> QuerySet[Alarm]:
    return scope.filter(Alarm.objects.all())


def alarm_list(
    *,
    scope: Scope,
    enterprise: int | None = None,
    sensor: int | None = None,
    open: bool | None = None,  # noqa: A002 - the API's filter name
    acknowledged: bool | None = None,
) -> QuerySet[Alarm]:
    alarms = scope.filter_by_key(Alarm.objects.all()).select_related(
        "sensor", "sensor__risk_point", "enterprise", "acknowledged_by", "cleared_by"
    )
    if enterprise is not None:
        alarms = alarms.filter(enterprise_id=enterprise)
    if sensor is not None:
        alarms = alarms.filter(sensor_id=sensor)
    if open is not None:
        alarms = alarms.filter(cleared_at__isnull=open)
    if acknowledged is not None:
        alarms = alarms.filter(acknowledged_at__isnull=not acknowledged)
    return alarms.order_by("-raised_at", "-id")


def sensor_history(
    *,
    sensor: SensorPoint,
    start: datetime.datetime,
    end: datetime.datetime,
    interval: str | None = None,
) -> list[dict[str, Any]]:
    """A sensor's readings from ``start`` to ``end``: raw (``ts``, ``value``)
    or, with ``interval`` (minute, hour, day), buckets (``ts``, ``min``,
    ``max``, ``mean``, ``count``) that merge the stored aggregates of the
    thinned past. The sensor must come from ``sensors_visible``."""
    raw = Reading.objects.filter(sensor=sensor, ts__gte=start, ts__lt=end)
    if interval is None:
        return [
            {"ts": ts, "value": value}
            for ts, value in raw.order_by("ts").values_list("ts", "value")[:MAX_POINTS]
        ]
    seconds, trunc = INTERVALS[interval]
    buckets: dict[datetime.datetime, dict[str, Any]] = {}
    grouped = (
        raw.annotate(bucket=trunc("ts", tzinfo=datetime.UTC))
        .values("bucket")
        .annotate(n=Count("id"), lo=Min("value"), hi=Max("value"), total=Sum("value"))
        .order_by("bucket")
    )
    stored = ReadingAggregate.objects.filter(
        sensor=sensor, start__gte=start, start__lt=end
    ).annotate(bucket=trunc("start", tzinfo=datetime.UTC))
    rows = [(g["bucket"], g["n"], g["lo"], g["hi"], g["total"]) for g in grouped]
    rows += [(a.bucket, a.count, a.minimum, a.maximum, a.total) for a in stored]
    for bucket, n, lo, hi, total in rows:
        current = buckets.get(bucket)
        if current is None:
            buckets[bucket] = {"n": n, "lo": lo, "hi": hi, "total": total}
        else:
            current["n"] += n
            current["lo"] = min(current["lo"], lo)
            current["hi"] = max(current["hi"], hi)
            current["total"] += total
    return [
        {
            "ts": bucket,
            "min": b["lo"],
            "max": b["hi"],
            "mean": b["total"] / b["n"] if b["n"] else None,
            "count": b["n"],
        }
        for bucket, b in sorted(buckets.items())[:MAX_POINTS]
    ]


def points_in_alarm(scope: Scope) -> list[dict[str, Any]]:
    """The risk points with an open, active alarm, in ``scope`` — for the
    supervision map: risk point, enterprise, worst alarm kind, open alarms.
    One query."""
    rows = (
        alarms_visible(scope)
        .filter(cleared_at__isnull=True, active=True)
        .values(
            "sensor__risk_point_id",
            "sensor__risk_point__name",
            "enterprise_id",
            "enterprise__name",
        )
        .annotate(alarms=Count("id"), kinds=Count("kind", distinct=True))
        .order_by("enterprise_id", "sensor__risk_point_id")
    )
    return [
        {
            "risk_point": row["sensor__risk_point_id"],
            "risk_point_name": row["sensor__risk_point__name"],
            "enterprise": row["enterprise_id"],
            "enterprise_name": row["enterprise__name"],
            "alarms": row["alarms"],
        }
        for row in rows
    ]


def enterprises_in_alarm(scope: Scope) -> list[int]:
    """The ids of the enterprises in ``scope`` with an open, active alarm."""
    return sorted({row["enterprise"] for row in points_in_alarm(scope)})


__all__ = [
    "INTERVALS",
    "alarm_list",
    "alarms_visible",
    "enterprises_in_alarm",
    "points_in_alarm",
    "sensor_history",
    "sensor_list",
    "sensors_visible",
]
