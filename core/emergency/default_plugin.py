"""The emergency module's periodic job, contributed through the same hook as
any pack."""

from plugins import hookimpl
from plugins.contributions import ScheduledJob


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        ScheduledJob(
            "emergency.warn_expiring_agreements",
            "core.emergency.tasks.warn_expiring_agreements",
            every="day",
            at="07:30",
        ),
        ScheduledJob(
            "emergency.flag_overdue_drills",
            "core.emergency.tasks.flag_overdue_drills",
            every="day",
            at="07:40",
        ),
        ScheduledJob(
            "emergency.remind_training_gaps",
            "core.emergency.tasks.remind_training_gaps",
            every="day",
            at="07:50",
        ),
        ScheduledJob(
            "emergency.flag_overdue_workplace_tests",
            "core.emergency.tasks.flag_overdue_workplace_tests",
            every="day",
            at="08:10",
        ),
    ]
