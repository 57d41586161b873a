"""The emergency admin screens: filings with the review, rescue agreements,
the Excel export."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.base.admin_hooks import read_only_in_admin
from core.emergency.models import PlanFiling, RescueAgreement
from core.emergency.viewsets import (
    EmergencyDueView,
    EmergencyViewSetGroup,
    emergency_due_export,
    emergency_export,
    filing_admin_review,
)
from core.organizations.menu_hooks import register_scope_menu_item

read_only_in_admin(PlanFiling, RescueAgreement)
hooks.register("register_admin_viewset", EmergencyViewSetGroup)


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


register_scope_menu_item(
    _("Emergency: what is due"),
    "emergency_due",
    icon_name="warning",
    order=321,
    shown=lambda scope: scope.is_government or scope.is_superuser,
)
