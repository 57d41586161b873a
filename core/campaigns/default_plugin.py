"""The campaigns' contributions through the same hooks as any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry
from plugins import hookimpl
from plugins.contributions import ScheduledJob


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        ScheduledJob(
            "campaigns.remind_directives",
            "core.campaigns.tasks.remind_directives",
            every="day",
            at="09:00",
        ),
        # Late in the day, so a milestone's deadline is judged on the figures
        # at the end of its day.
        ScheduledJob(
            "campaigns.record_progress",
            "core.campaigns.tasks.record_progress",
            every="day",
            at="23:45",
        ),
    ]


safegrid_portal_menu_items = menu_entry(
    "campaigns",
    _("Directives and rollout"),
    "campaigns_portal:home",
    icon="bell",
    order=88,
)
