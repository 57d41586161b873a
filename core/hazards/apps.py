from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HazardsConfig(AppConfig):
    name = "core.hazards"
    label = "hazards"
    verbose_name = _("Hidden hazards")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.hazards import models
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        auditlog.register(models.Hazard)
        # A submitted checklist's findings open hazards in its transaction.
        from core.forms.signals import submission_submitted
        from core.hazards.services.findings import open_from_submitted

        submission_submitted.connect(
            open_from_submitted, dispatch_uid="hazards.open_from_submitted"
        )
        # Government roles read the hazards of their scope in the admin
        # (core.hazards.wagtail_hooks); their own steps go through the
        # state machine, never through a model form.
        for role in (
            Role.COMMITTEE,
            Role.INDUSTRY_DEPARTMENT,
            Role.TERRITORIAL_OFFICE,
        ):
            grant(role, "hazards.view_hazard")
