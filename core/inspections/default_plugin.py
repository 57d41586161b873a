"""The inspections' portal entry, contributed through the same hook as any pack."""

from django.utils.translation import gettext_lazy as _

from plugins import hookimpl
from plugins.contributions import PortalMenuItem


@hookimpl
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    return [
        PortalMenuItem(
            "inspections",
            _("My inspections"),
            "inspections:todo",
            icon="check",
            order=45,
        )
    ]
