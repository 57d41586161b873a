"""The map in the Wagtail admin: its URL and its menu item (government roles)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.organizations.scope import scope_for
from core.supervision.views import RiskMapView


@hooks.register("register_admin_urls")
def register_supervision_urls():
    return [
        path("supervision/map/", RiskMapView.as_view(), name="supervision_map"),
    ]


class GovernmentMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for(request.user).is_government


@hooks.register("register_admin_menu_item")
def register_map_menu_item():
    return GovernmentMenuItem(
        _("Four-colour risk map"),
        reverse("supervision_map"),
        icon_name="site",
        order=150,
    )
