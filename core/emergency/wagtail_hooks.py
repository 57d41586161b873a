"""The emergency admin screens: filings with the review, rescue agreements,
the Excel export."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.emergency.models import PlanFiling, RescueAgreement
from core.emergency.viewsets import (
    EmergencyViewSetGroup,
    emergency_export,
    filing_admin_review,
)

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
    ]
