"""The government inspections' admin pages and their menu item (offices only)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.inspections.government import may_inspect
from core.inspections.government_views import (
    InspectionDetailView,
    InspectionListView,
    InspectionPlanView,
)
from core.organizations.menu import ScopeMenuItem

urls = (
    [
        path("", InspectionListView.as_view(), name="list"),
        path("new/", InspectionPlanView.as_view(), name="plan"),
        path("<int:pk>/", InspectionDetailView.as_view(), name="detail"),
    ],
    "government_inspections",
)


@hooks.register("register_admin_urls")
def register_government_inspection_urls():
    return [path("government-inspections/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_government_inspections_menu_item():
    return ScopeMenuItem(
        _("Government inspections"),
        reverse("government_inspections:list"),
        name="government-inspections",
        icon_name="clipboard-list",
        order=320,
        shown=lambda scope: may_inspect(scope) or scope.sees_everything,
    )
