"""The public notices' portal entry, contributed through the same hook as any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry

safegrid_portal_menu_items = menu_entry(
    "notices", _("Public notices"), "notices:mine", icon="alert", order=90
)
