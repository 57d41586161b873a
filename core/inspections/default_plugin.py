"""The inspections' portal entry, contributed through the same hook as any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry

safegrid_portal_menu_items = menu_entry(
    "inspections", _("My inspections"), "inspections:todo", icon="check", order=45
)
