"""The monitoring module's portal entry and periodic jobs, contributed
through the same hooks as any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry
from plugins import hookimpl
from plugins.contributions import ScheduledJob

safegrid_portal_menu_items = menu_entry(
    "monitoring", _("Monitoring"), "monitoring:list", icon="bell", order=47
)


@hookimpl
def safegrid_scheduled_jobs() -> list[ScheduledJob]:
    return [
        ScheduledJob(
            "monitoring.check_sensors",
            "core.monitoring.tasks.check_sensors",
            every=60,
        ),
        ScheduledJob(
            "monitoring.thin_readings",
            "core.monitoring.tasks.thin_readings",
            every="day",
            at="02:30",
        ),
    ]
