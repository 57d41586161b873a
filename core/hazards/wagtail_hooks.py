"""The hazards' admin screens: the supervisors' list and read-only detail."""

from django.urls import path
from wagtail import hooks

from core.base.admin_hooks import read_only_in_admin
from core.hazards.models import Hazard
from core.hazards.viewsets import HazardAdminViewSet, hazard_admin_step

# Supervisors read hazards; their own steps go through the state machine.
read_only_in_admin(Hazard)
hooks.register("register_admin_viewset", HazardAdminViewSet)


@hooks.register("register_admin_urls")
def register_hazard_step_url():
    return [path("hazards/<int:pk>/step/", hazard_admin_step, name="hazard_admin_step")]
