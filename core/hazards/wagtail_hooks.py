"""The hazards' admin screens: the supervisors' list and read-only detail."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.hazards.models import Hazard
from core.hazards.viewsets import HazardAdminViewSet, hazard_admin_step

# Supervisors read hazards; their own steps go through the state machine.
register_permission_policy(Hazard, ReadOnlyPermissionPolicy(Hazard))


@hooks.register("register_admin_viewset")
def register_hazard_viewset():
    return HazardAdminViewSet()


@hooks.register("register_admin_urls")
def register_hazard_step_url():
    return [path("hazards/<int:pk>/step/", hazard_admin_step, name="hazard_admin_step")]
