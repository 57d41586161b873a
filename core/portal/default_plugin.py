"""The portal's own navigation, contributed through the same hook as any pack."""

from django.utils.translation import gettext_lazy as _

from plugins import hookimpl
from plugins.contributions import PortalMenuItem


@hookimpl
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    return [
        PortalMenuItem("home", _("Home"), "portal:home", icon="home", order=0),
        PortalMenuItem(
            "profile",
            _("Enterprise profile"),
            "portal:profile",
            icon="building",
            order=10,
        ),
        PortalMenuItem(
            "units", _("Units and posts"), "portal:units", icon="sitemap", order=20
        ),
        PortalMenuItem("people", _("People"), "portal:people", icon="users", order=30),
    ]
