"""Supervision's contributions through the same hooks as any pack."""

from plugins import hookimpl
from plugins.contributions import ScheduledJob


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        ScheduledJob(
            "supervision.recompute_ratings",
            "core.supervision.tasks.recompute_ratings",
            every="day",
            at="02:30",
        )
    ]
