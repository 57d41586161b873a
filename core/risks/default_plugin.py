"""The risk grading module's portal entry, contributed through the same hook as
any pack."""

from django.utils.translation import gettext_lazy as _

from core.portal.menu import menu_entry

safegrid_portal_menu_items = menu_entry(
    "risks", _("Risk control"), "risks:overview", icon="shield", order=40
)
