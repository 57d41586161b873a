"""The emergency module's portal entry and periodic jobs, contributed through the same hook as
any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry
from plugins import hookimpl
from plugins.contributions import ScheduledJob

safegrid_portal_menu_items = menu_entry(
    "emergency", _("Emergency"), "emergency:home", icon="alert", order=47
)


def _daily(task: str, at: str) -> ScheduledJob:
    """The daily job running ``core.emergency.tasks.<task>`` at ``at``."""
    return ScheduledJob(
        f"emergency.{task}", f"core.emergency.tasks.{task}", every="day", at=at
    )


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        _daily("warn_expiring_agreements", at="07:30"),
        _daily("flag_overdue_drills", at="07:40"),
        _daily("remind_training_gaps", at="07:50"),
        _daily("flag_overdue_workplace_tests", at="08:10"),
    ]
