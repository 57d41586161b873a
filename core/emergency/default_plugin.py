"""The emergency module's portal entry and periodic jobs, contributed through the same hook as
any pack."""

from django.utils.translation import gettext_lazy as _

from plugins import hookimpl
from plugins.contributions import PortalMenuItem, ScheduledJob


@hookimpl
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    return [
        PortalMenuItem(
            "emergency", _("Emergency"), "emergency:home", icon="alert", order=47
        )
    ]


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
