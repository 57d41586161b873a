"""The emergency admin screens: filings with the review, rescue agreements,
the Excel export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.emergency.models import PlanFiling, RescueAgreement
from core.emergency.viewsets import (
    EmergencyDueView,
    EmergencyViewSetGroup,
    emergency_due_export,
    emergency_export,
    filing_admin_review,
)
from core.organizations.menu import ScopeMenuItem

register_permission_policy(PlanFiling, ReadOnlyPermissionPolicy(PlanFiling))
register_permission_policy(RescueAgreement, ReadOnlyPermissionPolicy(RescueAgreement))


@hooks.register("register_admin_viewset")
def register_emergency_viewsets():
    return EmergencyViewSetGroup()


@hooks.register("register_admin_urls")
def register_emergency_urls():
    return [
        path(
            "emergency/filings/<int:pk>/review/",
            filing_admin_review,
            name="filing_admin_review",
        ),
        path("emergency/export/", emergency_export, name="emergency_export"),
        path("emergency/due/", EmergencyDueView.as_view(), name="emergency_due"),
        path(
            "emergency/due/export/", emergency_due_export, name="emergency_due_export"
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_emergency_due_menu_item():
    return ScopeMenuItem(
        _("Emergency: what is due"),
        reverse("emergency_due"),
        icon_name="warning",
        order=321,
        shown=lambda scope: scope.is_government or scope.is_superuser,
    )
