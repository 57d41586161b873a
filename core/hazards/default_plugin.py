"""The hazards module's portal entry, contributed through the same hook as
any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry
from plugins import hookimpl
from plugins.contributions import ScheduledJob

safegrid_portal_menu_items = menu_entry(
    "hazards", _("Hazards"), "hazards:list", icon="alert", order=45
)


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        # The supervisors' order puts overdue hazards first from the day
        # their deadline has passed (the escalation at 08:00 marks too).
        ScheduledJob(
            "hazards.mark_overdue",
            "core.hazards.tasks.mark_overdue_hazards",
            every="day",
            at="00:05",
        ),
        ScheduledJob(
            "hazards.escalate_overdue",
            "core.hazards.tasks.escalate_overdue_hazards",
            every="day",
            at="08:00",
        ),
    ]
