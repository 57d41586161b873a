"""Readings in: checking, storing idempotently, and evaluating alarms.

One function for both paths: the HTTP endpoint (a device's batch) and the
MQTT subscriber (one message). Each item is checked on its own; a refused
item carries its reason and is counted on the device, the good items of the
same batch are stored. A redelivered reading (same sensor and time) is
stored once: the unique ``(sensor, ts)`` and ``ignore_conflicts`` make the
insert idempotent even when two writers race.

Alarm evaluation (``evaluate``) runs per sensor over its new readings in
time order, reading and writing the sensor's one row (locked), so readings
of one sensor are evaluated one writer at a time.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.monitoring.models import (
    SEVERITY,
    Alarm,
    AlarmCategory,
    AlarmKind,
    Device,
    LimitState,
    Reading,
    SensorPoint,
)
from core.monitoring.services import alarm_open_hazard, opens_hazard_at_once

MAX_BATCH = 1000
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)
DEFAULT_MAX_AGE_DAYS = 7


def max_age() -> datetime.timedelta:
    """How old a reading may arrive (``SAFEGRID_MONITORING_MAX_AGE_DAYS``)."""
    days = getattr(settings, "SAFEGRID_MONITORING_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    return datetime.timedelta(days=int(days))


@dataclass
class ItemResult:
    index: int
    ok: bool
    reason: str = ""
    code: str = ""


@dataclass
class IngestResult:
    items: list[ItemResult] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return sum(1 for item in self.items if item.ok)

    @property
    def refused(self) -> int:
        return len(self.items) - self.accepted

    def as_dict(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "refused": self.refused,
            "results": [
                {"index": i.index, "status": "ok"}
                if i.ok
                else {
                    "index": i.index,
                    "status": "refused",
                    "code": i.code,
                    "reason": i.reason,
                }
                for i in self.items
            ],
        }


#: Times outside these years are refused: none is a sensor's, and arithmetic
#: on them (a range back from year 1) would overflow.
YEARS = (2000, 2200)


def parse_ts(raw: Any) -> datetime.datetime | None:
    """An ISO 8601 time (naive taken as UTC) or seconds since the epoch (a
    number, or its digits as text, as in a query string)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and _EPOCH.fullmatch(raw.strip()):
        raw = float(raw.strip())
    parsed: datetime.datetime | None = None
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return None
        try:
            parsed = datetime.datetime.fromtimestamp(raw, tz=datetime.UTC)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(raw, str) and len(raw) <= 40:
        try:
            # The C parser first for a full date and time (what devices send),
            # Django's for the rest (a date alone is not a time).
            if len(raw) < 19 or raw[10] not in "T ":
                raise ValueError(raw)
            parsed = datetime.datetime.fromisoformat(raw)
        except ValueError:
            try:
                parsed = parse_datetime(raw.strip())
            except ValueError:
                return None
        if parsed is None:
            return None
        if timezone.is_naive(parsed):
            parsed = parsed.replace(tzinfo=datetime.UTC)
    if parsed is None or not YEARS[0] <= parsed.year <= YEARS[1]:
        return None
    return parsed


_EPOCH = re.compile(r"\d{1,12}(\.\d{1,6})?", re.ASCII)


def _value(raw: Any) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    try:
        value = float(raw)
    except (OverflowError, ValueError):
        return None
    return value


def ingest(
    *,
    items: Iterable[Any],
    device: Device | None = None,
    sensors: Mapping[int, SensorPoint] | None = None,
    now: datetime.datetime | None = None,
) -> IngestResult:
    """Check, store and evaluate ``items`` (``{"sensor", "ts", "value"}``).

    ``device``: the authenticated device (HTTP); it writes only its own
    sensors. Without a device (MQTT, where the broker authenticated the
    publisher and the topic named the sensor) ``sensors`` lists the sensors
    the caller may write. Refusals are counted on the device, or on the
    sensor's device.
    """
    now = now or timezone.now()
    result = IngestResult()
    items = list(items)
    wanted: set[int] = set()
    for raw in items:
        if isinstance(raw, Mapping):
            sensor_id = raw.get("sensor")
            if isinstance(sensor_id, int) and not isinstance(sensor_id, bool):
                wanted.add(sensor_id)
    if sensors is None:
        known = (
            {
                s.pk: s
                for s in SensorPoint.objects.filter(
                    pk__in=wanted, device=device, active=True
                )
            }
            if device is not None
            else {}
        )
    else:
        known = {pk: s for pk, s in sensors.items() if pk in wanted}
    good: dict[int, list[tuple[int, datetime.datetime, float]]] = defaultdict(list)
    seen: set[tuple[int, datetime.datetime]] = set()
    oldest = now - max_age()
    latest = now + FUTURE_TOLERANCE
    for index, raw in enumerate(items):
        try:
            sensor, ts, value = _reading(raw, known, oldest=oldest, latest=latest)
            if (sensor.pk, ts) in seen:
                raise _Refusal(
                    "duplicate", _("Duplicate: this sensor already has a reading then.")
                )
        except _Refusal as refusal:
            result.items.append(ItemResult(index, False, refusal.reason, refusal.code))
            continue
        seen.add((sensor.pk, ts))
        good[sensor.pk].append((index, ts, value))
        result.items.append(ItemResult(index, True))
    by_index = {item.index: item for item in result.items}
    with transaction.atomic():
        for sensor_id, rows in good.items():
            stored = _store(sensor_id, [(ts, value) for _i, ts, value in rows])
            fresh = []
            for index, ts, value in rows:
                if ts not in stored:
                    item = by_index[index]
                    item.ok, item.code = False, "duplicate"
                    item.reason = _(
                        "Duplicate: this sensor already has a reading then."
                    )
                else:
                    fresh.append((ts, value))
            if fresh:
                evaluate(sensor_id=sensor_id, readings=sorted(fresh), now=now)
        _count(result, device, known, now)
    result.items.sort(key=lambda item: item.index)
    return result


_INSERT_PG = """
    INSERT INTO monitoring_reading (sensor_id, ts, value)
    SELECT %s, t.ts, t.value FROM unnest(%s::timestamptz[], %s::float8[]) AS t(ts, value)
    ON CONFLICT (sensor_id, ts) DO NOTHING
    RETURNING ts
"""


class _Refusal(Exception):
    """An item that is not accepted: the code counted and the reason shown."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


def _reading(
    raw: Any,
    known: Mapping[int, SensorPoint],
    *,
    oldest: datetime.datetime,
    latest: datetime.datetime,
) -> tuple[SensorPoint, datetime.datetime, float]:
    """The sensor, time and value of one item, each checked in turn
    (:class:`_Refusal` with the first that fails)."""
    if not isinstance(raw, Mapping):
        raise _Refusal("invalid", _("Each reading is an object {sensor, ts, value}."))
    sensor_id = raw.get("sensor")
    # Only a whole number names a sensor (a list or object is not hashable).
    sensor = (
        known.get(sensor_id)
        if isinstance(sensor_id, int) and not isinstance(sensor_id, bool)
        else None
    )
    if sensor is None:
        raise _Refusal("unknown_sensor", _("Unknown sensor, or not this device's."))
    value = _value(raw.get("value"))
    if value is None:
        raise _Refusal("not_a_number", _("The value is not a number."))
    if not math.isfinite(value):
        raise _Refusal("not_finite", _("The value is NaN or infinite."))
    ts = parse_ts(raw.get("ts"))
    if ts is None:
        raise _Refusal(
            "bad_time", _("The time is not an ISO 8601 time or epoch seconds.")
        )
    if ts > latest:
        raise _Refusal("future", _("The time is in the future."))
    if ts < oldest:
        raise _Refusal("too_old", _("The reading is too old to be accepted."))
    return sensor, ts, value


def _store(
    sensor_id: int, rows: list[tuple[datetime.datetime, float]]
) -> set[datetime.datetime]:
    """Insert one sensor's readings; returns the times actually stored (a
    time the sensor already has is not: a duplicate or a redelivery).

    On PostgreSQL one statement with two arrays (``INSERT … SELECT unnest …
    ON CONFLICT DO NOTHING RETURNING``): no per-row model instances and no
    separate look-up, which is most of the MQTT path's cost per reading.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                _INSERT_PG,
                [sensor_id, [ts for ts, _v in rows], [v for _t, v in rows]],
            )
            return {row[0] for row in cursor.fetchall()}
    times = [ts for ts, _v in rows]
    existing = set(
        Reading.objects.filter(
            sensor_id=sensor_id, ts__gte=min(times), ts__lte=max(times)
        )
        .filter(ts__in=times)
        .values_list("ts", flat=True)
    )
    fresh = [(ts, v) for ts, v in rows if ts not in existing]
    Reading.objects.bulk_create(
        [Reading(sensor_id=sensor_id, ts=ts, value=v) for ts, v in fresh],
        ignore_conflicts=True,
    )
    return {ts for ts, _v in fresh}


def _count(
    result: IngestResult,
    device: Device | None,
    known: Mapping[int, SensorPoint],
    now: datetime.datetime,
) -> None:
    """Add the batch's accepted and refused counts to the device's counters."""
    accepted, refused = result.accepted, result.refused
    device_id = device.pk if device is not None else None
    if device_id is None:
        ids = {s.device_id for s in known.values() if s.device_id}
        device_id = ids.pop() if len(ids) == 1 else None
    if device_id is None or not result.items:
        return
    last = next((i.reason for i in reversed(result.items) if not i.ok), None)
    changes: dict[str, Any] = {
        "accepted_count": F("accepted_count") + accepted,
        "refused_count": F("refused_count") + refused,
        "last_seen_at": now,
    }
    if last:
        changes["last_refusal"] = last[:200]
    Device.objects.filter(pk=device_id).update(**changes)


def count_refusal(device: Device, reason: str, count: int = 1) -> None:
    """Count a whole request refused (a wrong or revoked key) on its device."""
    Device.objects.filter(pk=device.pk).update(
        refused_count=F("refused_count") + max(count, 1),
        last_refusal=reason[:200],
    )


# -- alarm evaluation ---------------------------------------------------------------


def target_state(sensor: SensorPoint, value: float, current: str) -> str:
    """The state ``value`` puts the sensor in, given where it is now.

    Entering a state takes crossing its limit; leaving it takes coming back
    past the limit by the deadband (hysteresis), so a value hovering at a
    limit stays where it is.
    """
    band = sensor.deadband or 0.0
    level = SEVERITY[LimitState(current)]

    def above(limit: float | None, severity: int) -> bool:
        if limit is None:
            return False
        return value > limit - band if level >= severity else value >= limit

    def below(limit: float | None, severity: int) -> bool:
        if limit is None:
            return False
        return value < limit + band if level <= severity else value <= limit

    if above(sensor.high_high, 2):
        return LimitState.HIGH_HIGH
    if above(sensor.high, 1):
        return LimitState.HIGH
    if below(sensor.low_low, -2):
        return LimitState.LOW_LOW
    if below(sensor.low, -1):
        return LimitState.LOW
    return LimitState.NORMAL


def evaluate(
    *,
    sensor_id: int,
    readings: list[tuple[datetime.datetime, float]],
    now: datetime.datetime,
) -> None:
    """Advance the sensor's state over its new ``readings`` (time order).

    A new state counts once it has lasted ``min_duration`` seconds (by the
    readings' times); readings older than the last one evaluated are stored
    but not evaluated (the state follows time forwards only).
    """
    sensor = SensorPoint.objects.select_for_update().get(pk=sensor_id)
    changed: list[tuple[str, datetime.datetime, float]] = []
    last_ts = sensor.last_ts
    for ts, value in readings:
        if last_ts is not None and ts <= last_ts:
            continue
        last_ts = ts
        sensor.last_ts, sensor.last_value = ts, value
        candidate = target_state(sensor, value, sensor.state)
        if candidate == sensor.state:
            sensor.pending_state, sensor.pending_since = "", None
            if candidate != LimitState.NORMAL:
                changed.append((candidate, ts, value))  # peak tracking
            continue
        if candidate != sensor.pending_state or sensor.pending_since is None:
            sensor.pending_state, sensor.pending_since = candidate, ts
        elapsed = (ts - sensor.pending_since).total_seconds()
        if elapsed >= sensor.min_duration:
            sensor.state = candidate
            sensor.pending_state, sensor.pending_since = "", None
            changed.append((candidate, ts, value))
    # The running state is a plain update: not audited per reading (volume).
    SensorPoint.objects.filter(pk=sensor.pk).update(
        state=sensor.state,
        pending_state=sensor.pending_state,
        pending_since=sensor.pending_since,
        last_ts=sensor.last_ts,
        last_value=sensor.last_value,
    )
    _resume_after_silence(sensor, now)
    if changed:
        _apply_alarm(sensor, changed)


def _resume_after_silence(sensor: SensorPoint, now: datetime.datetime) -> None:
    Alarm.objects.filter(
        sensor=sensor,
        category=AlarmCategory.NO_DATA,
        cleared_at__isnull=True,
        active=True,
    ).update(active=False, returned_at=now)


def _apply_alarm(
    sensor: SensorPoint, changes: list[tuple[str, datetime.datetime, float]]
) -> None:
    alarm = (
        Alarm.objects.select_for_update()
        .filter(sensor=sensor, category=AlarmCategory.LIMIT, cleared_at__isnull=True)
        .first()
    )
    for state, ts, value in changes:
        severity = SEVERITY[LimitState(state)]
        if state == LimitState.NORMAL:
            if alarm is not None and alarm.active:
                alarm.active, alarm.returned_at = False, ts
            continue
        if alarm is None:
            alarm = Alarm(
                enterprise_id=sensor.enterprise_id,
                sensor=sensor,
                category=AlarmCategory.LIMIT,
                kind=AlarmKind(state),
                value=value,
                peak_value=value,
                raised_at=ts,
            )
            continue
        if not alarm.active:
            alarm.active, alarm.returned_at = True, None
        worst = SEVERITY[LimitState(alarm.kind)]
        if abs(severity) > abs(worst) or (severity * worst < 0):
            alarm.kind = AlarmKind(state)
        if alarm.peak_value is None or (
            (severity > 0 and value > alarm.peak_value)
            or (severity < 0 and value < alarm.peak_value)
        ):
            alarm.peak_value = value
    if alarm is None:
        return
    alarm.save()
    if alarm.hazard_id is None and opens_hazard_at_once(alarm.kind):
        alarm_open_hazard(
            alarm_id=alarm.pk,
            reason=_("A high-high or low-low limit was crossed."),
        )
