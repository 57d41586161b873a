"""Period slots: the windows in which an inspection is due.

A period is ``every`` ``unit``\\ s (``PERIOD_UNITS``: hour, shift, day, week,
month, quarter, year), optionally done ``times`` times in it. Slots are
aligned in local time so that every run computes the same boundaries: hours
and shifts from the start of the day (shifts are ``SAFEGRID_SHIFT_HOURS``
long, 8 by default, the first starting at ``SAFEGRID_SHIFT_FIRST_HOUR``, 0 by
default), days and weeks from a fixed Monday, months, quarters and years from
the calendar. ``times`` > 1 splits an hour, shift or day period into that many
slots ("twice a day": two 12-hour slots); on longer units it is kept as one
slot (the checklist is filled at least once in it).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone

from plugins.vocabularies import PERIOD_UNITS

ANCHOR = datetime.date(2024, 1, 1)  # a Monday
UNITS = PERIOD_UNITS.keys()


def _shift_hours() -> int:
    return int(getattr(settings, "SAFEGRID_SHIFT_HOURS", 8))


def _first_shift_hour() -> int:
    return int(getattr(settings, "SAFEGRID_SHIFT_FIRST_HOUR", 0))


def _hours(every: int, unit: str, times: int) -> float | None:
    """The slot length in hours for hour, shift and day periods."""
    base = {"hour": 1, "shift": _shift_hours(), "day": 24}.get(unit)
    if base is None:
        return None
    return base * every / max(times, 1)


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment)


def _aware(value: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _month_start(index: int) -> datetime.datetime:
    return _aware(datetime.datetime(index // 12, index % 12 + 1, 1))


def slot_containing(
    moment: datetime.datetime, every: int, unit: str, times: int = 1
) -> tuple[datetime.datetime, datetime.datetime]:
    """The ``[start, end)`` slot of the period that contains ``moment``."""
    if unit not in UNITS:
        raise ValueError(f"unknown period unit {unit!r}")
    every = max(int(every or 1), 1)
    local = _local(moment)
    hours = _hours(every, unit, times)
    if hours is not None:
        offset = _first_shift_hour() if unit == "shift" else 0
        origin = _aware(datetime.datetime.combine(ANCHOR, datetime.time(offset)))
        length = datetime.timedelta(hours=hours)
        # Slots of whole hours from a fixed origin in local wall time.
        elapsed = local.replace(tzinfo=None) - origin.replace(tzinfo=None)
        index = elapsed // length
        start = origin.replace(tzinfo=None) + index * length
        return _aware(start), _aware(start + length)
    if unit == "week":
        days = (local.date() - ANCHOR).days
        index = days // (7 * every)
        start_date = ANCHOR + datetime.timedelta(days=index * 7 * every)
        end_date = start_date + datetime.timedelta(days=7 * every)
        return (
            _aware(datetime.datetime.combine(start_date, datetime.time())),
            _aware(datetime.datetime.combine(end_date, datetime.time())),
        )
    months = {"month": every, "quarter": 3 * every, "year": 12 * every}[unit]
    index = local.year * 12 + local.month - 1
    start_index = index - index % months
    return _month_start(start_index), _month_start(start_index + months)


def slots_between(
    start: datetime.datetime,
    end: datetime.datetime,
    every: int,
    unit: str,
    times: int = 1,
    limit: int = 200,
) -> Iterator[tuple[datetime.datetime, datetime.datetime]]:
    """The slots that overlap ``[start, end)``, in order (at most ``limit``)."""
    slot = slot_containing(start, every, unit, times)
    for _ in range(limit):
        if slot[0] >= end:
            return
        yield slot
        # A slot ends where the next begins (a DST change shifts by the hour).
        slot = slot_containing(slot[1], every, unit, times)
