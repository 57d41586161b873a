"""A module's one entry in the portal's navigation, as a plugin contribution."""

from __future__ import annotations

from collections.abc import Callable

from plugins import hookimpl
from plugins.contributions import PortalMenuItem


def menu_entry(*args, **kwargs) -> Callable[[], list[PortalMenuItem]]:
    """A ``safegrid_portal_menu_items`` hook implementation contributing the
    one entry ``PortalMenuItem(*args, **kwargs)``.

    A module whose feature has one portal entry binds it to the hook's name:
    ``safegrid_portal_menu_items = menu_entry("hazards", _("Hazards"), ...)``.
    """
    item = PortalMenuItem(*args, **kwargs)

    @hookimpl
    def safegrid_portal_menu_items() -> list[PortalMenuItem]:
        return [item]

    return safegrid_portal_menu_items
