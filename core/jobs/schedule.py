"""The one schedule of periodic jobs, and the scheduler's pass over it.

The schedule is configuration: ``SAFEGRID_SCHEDULE`` (name → entry) plus the
entries enabled plugins return from ``safegrid_scheduled_jobs``; a setting
wins over a plugin's entry of the same name, and a setting of ``None``
switches an entry off. An entry::

    {"task": "core.jobs.tasks.prune_job_history", "every": "day", "at": "03:30"}

``every`` is ``"hour"``, ``"day"``, ``"week"`` (from Monday), ``"month"``, or
a whole number of seconds; ``at`` (``HH:MM``, local time) shifts the start of
a day, week or month; ``kwargs`` are passed to the task. Time is divided
into slots; a pass enqueues each entry whose current slot is not yet claimed,
and claims it with a unique ``ScheduledRun(name, slot)`` row in the same
transaction. Missed slots are not replayed: the job runs once for the current
slot and does everything that is due as of then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from core.jobs.base import enqueue_on_commit
from plugins.vocabularies import SCHEDULE_AT_PERIODS, SCHEDULE_PERIODS

NAMED_PERIODS = SCHEDULE_PERIODS
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_.]{1,99}$")
AT_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class ScheduleEntry:
    name: str
    task: str
    every: str | int
    at: str | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)
    source: str = "settings"

    def problems(self) -> list[str]:
        found = []
        label = f"scheduled job {self.name!r}"
        if not NAME_PATTERN.match(self.name or ""):
            found.append(f"{label}: the name must be lowercase letters, digits, _ .")
        if not (
            self.every in NAMED_PERIODS
            or (isinstance(self.every, int) and not isinstance(self.every, bool))
            and self.every >= 60
        ):
            found.append(
                f"{label}: every must be one of {', '.join(NAMED_PERIODS)} "
                "or a number of seconds (at least 60)"
            )
        if self.at is not None and (
            self.every not in SCHEDULE_AT_PERIODS or not AT_PATTERN.match(self.at)
        ):
            found.append(f"{label}: at must be HH:MM, for a day, week or month")
        if not isinstance(self.kwargs, dict):
            found.append(f"{label}: kwargs must be a dict")
        try:
            target = import_string(self.task)
        except ImportError:
            found.append(f"{label}: the task {self.task!r} cannot be imported")
        else:
            if not hasattr(target, "enqueue"):
                found.append(f"{label}: {self.task!r} is not a task (use @job)")
        return found

    def slot(self, now: datetime) -> datetime:
        """The start of the period ``now`` falls in (an aware datetime)."""
        if isinstance(self.every, int):
            seconds = int(now.timestamp()) // self.every * self.every
            return datetime.fromtimestamp(seconds, tz=timezone.get_current_timezone())
        local = timezone.localtime(now)
        if self.every == "hour":
            return local.replace(minute=0, second=0, microsecond=0)
        hour, minute = (int(part) for part in (self.at or "00:00").split(":"))
        at = time(hour, minute)
        tz = local.tzinfo

        def start_of(day) -> datetime:
            if self.every == "week":
                day = day - timedelta(days=day.weekday())
            elif self.every == "month":
                day = day.replace(day=1)
            return datetime.combine(day, at, tzinfo=tz)

        start = start_of(local.date())
        if start > local:  # before this period's "at": still the previous one
            start = start_of(start.date() - timedelta(days=1))
        return start


def load_schedule() -> list[ScheduleEntry]:
    """Every enabled entry: the plugins', then the settings' (which win)."""
    from plugins.manager import get_plugin_manager

    entries: dict[str, ScheduleEntry] = {}
    for plugin_name, item in get_plugin_manager().collect("safegrid_scheduled_jobs"):
        entries[item.name] = ScheduleEntry(
            name=item.name,
            task=item.task,
            every=item.every,
            at=item.at,
            kwargs=dict(item.kwargs or {}),
            source=plugin_name,
        )
    for name, config in getattr(settings, "SAFEGRID_SCHEDULE", {}).items():
        if config is None:
            entries.pop(name, None)
            continue
        entries[name] = ScheduleEntry(
            name=name,
            task=config.get("task", ""),
            every=config.get("every", ""),
            at=config.get("at"),
            kwargs=config.get("kwargs") or {},
        )
    return sorted(entries.values(), key=lambda entry: entry.name)


def run_due(now: datetime | None = None) -> list[str]:
    """Enqueue every entry whose current slot is unclaimed; return their names.

    Safe to run from several schedulers at once and as often as wanted: the
    unique (name, slot) row is claimed in the transaction that enqueues.
    """
    from core.jobs.models import ScheduledRun

    now = now or timezone.now()
    enqueued = []
    for entry in load_schedule():
        slot = entry.slot(now)
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(
                    name=entry.name, slot=slot, task_path=entry.task
                )
                enqueue_on_commit(import_string(entry.task), **entry.kwargs)
        except IntegrityError:
            continue  # this slot is already claimed
        enqueued.append(entry.name)
    return enqueued
