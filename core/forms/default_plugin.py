"""The checklists-and-forms module's portal entry, contributed through the same
hook as any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry

safegrid_portal_menu_items = menu_entry(
    "forms", _("Checklists and forms"), "forms_portal:list", icon="list", order=50
)
