"""The map in the Wagtail admin: its URL and its menu item (government roles)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.organizations.menu import ScopeMenuItem
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


@hooks.register("register_admin_menu_item")
def register_map_menu_item():
    return ScopeMenuItem(
        _("Four-colour risk map"),
        reverse("supervision_map"),
        icon_name="site",
        order=150,
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
register_permission_policy(EnterpriseRating, ReadOnlyPermissionPolicy(EnterpriseRating))


@hooks.register("register_admin_viewset")
def register_rating_viewset():
    return EnterpriseRatingViewSet()
