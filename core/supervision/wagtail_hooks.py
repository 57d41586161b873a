"""The map in the Wagtail admin: its URL and its menu item (government roles)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.base.admin_hooks import read_only_in_admin
from core.organizations.menu_hooks import register_scope_menu_item
from core.organizations.scope import scope_for
from core.supervision.models import EnterpriseRating
from core.supervision.panels import SupervisionDashboardPanel
from core.supervision.views import RiskMapView, statistics_export
from core.supervision.viewsets import EnterpriseRatingViewSet


@hooks.register("register_admin_urls")
def register_supervision_urls():
    return [
        path("supervision/map/", RiskMapView.as_view(), name="supervision_map"),
        path(
            "supervision/statistics/export/",
            statistics_export,
            name="supervision_statistics_export",
        ),
    ]


register_scope_menu_item(
    _("Four-colour risk map"), "supervision_map", icon_name="site", order=150
)


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    """A government user's home is its dashboard: SafeGrid's panels only
    (Wagtail's page-editing panels are in English and about pages)."""
    if not scope_for(request.user).is_government:
        return
    panels[:] = [
        panel for panel in panels if not type(panel).__module__.startswith("wagtail.")
    ]
    panels.insert(0, SupervisionDashboardPanel(request))


# Ratings are computed daily, never edited (core.supervision.rating).
read_only_in_admin(EnterpriseRating)
hooks.register("register_admin_viewset", EnterpriseRatingViewSet)
