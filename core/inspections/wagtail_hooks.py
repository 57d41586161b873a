"""The government inspections' admin pages and their menu item (offices only)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.base.admin_hooks import register_admin_pages
from core.inspections.government import may_inspect
from core.inspections.government_views import (
    InspectionDetailView,
    InspectionListView,
    InspectionPlanView,
)
from core.organizations.menu_hooks import register_scope_menu_item

register_admin_pages(
    "government-inspections/",
    "government_inspections",
    [
        path("", InspectionListView.as_view(), name="list"),
        path("new/", InspectionPlanView.as_view(), name="plan"),
        path("<int:pk>/", InspectionDetailView.as_view(), name="detail"),
    ],
)

register_scope_menu_item(
    _("Government inspections"),
    "government_inspections:list",
    name="government-inspections",
    icon_name="clipboard-list",
    order=320,
    shown=lambda scope: may_inspect(scope) or scope.sees_everything,
)
