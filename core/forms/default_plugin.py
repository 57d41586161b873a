"""The checklists-and-forms module's portal entry, contributed through the same
hook as any pack."""

from django.utils.translation import gettext_lazy as _

from plugins import hookimpl
from plugins.contributions import PortalMenuItem


@hookimpl
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    return [
        PortalMenuItem(
            "forms",
            _("Checklists and forms"),
            "forms_portal:list",
            icon="list",
            order=50,
        )
    ]
