"""The documents' portal entry, contributed through the same hook as any pack."""

from django.utils.translation import gettext_lazy as _

from plugins import hookimpl
from plugins.contributions import PortalMenuItem


@hookimpl
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    return [
        PortalMenuItem(
            "documents",
            _("Handbook and cards"),
            "documents:home",
            icon="list",
            order=85,
        )
    ]
