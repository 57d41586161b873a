from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmergencyConfig(AppConfig):
    name = "core.emergency"
    label = "emergency"
    verbose_name = _("Emergency preparedness")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.emergency import models
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        for model in (
            models.EmergencyPlan,
            models.PlanFiling,
            models.RescueTeam,
            models.RescueAgreement,
            models.PostEmergencyContent,
        ):
            auditlog.register(model)
        # Government roles read the plans of their scope in the admin; their
        # only write is the review decision, through the service.
        for role in (
            Role.COMMITTEE,
            Role.INDUSTRY_DEPARTMENT,
            Role.TERRITORIAL_OFFICE,
        ):
            grant(
                role,
                "emergency.view_emergencyplan",
                "emergency.view_planfiling",
                "emergency.view_rescueagreement",
            )
