"""The campaigns' contributions through the same hooks as any pack."""

from django.utils.translation import gettext_lazy as _

from plugins import hookimpl
from plugins.contributions import PortalMenuItem, ScheduledJob


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        ScheduledJob(
            "campaigns.remind_directives",
            "core.campaigns.tasks.remind_directives",
            every="day",
            at="09:00",
        )
    ]


@hookimpl
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    return [
        PortalMenuItem(
            "campaigns",
            _("Directives and rollout"),
            "campaigns_portal:home",
            icon="bell",
            order=88,
        )
    ]
