from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "core.risks"
    label = "risks"
    verbose_name = _("Risk grading and control")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.db.models.signals import post_migrate, post_save

        from core.organizations.models import Enterprise, Role
        from core.organizations.permissions import grant
        from core.portal.todo import register_todo
        from core.risks import (
            checks,  # noqa: F401 - registers the system checks
            models,
        )
        from core.risks.dictionaries import sync_after_migrate
        from core.risks.signals import enterprise_renamed
        from core.risks.todo import risk_todo

        register_todo(risk_todo)

        # The dictionary tables follow plugins.reference after every migrate.
        post_migrate.connect(
            sync_after_migrate, sender=self, dispatch_uid="risks_dictionaries"
        )

        # Risk points carry their enterprise's name (the lists' order).
        post_save.connect(
            enterprise_renamed, sender=Enterprise, dispatch_uid="risks_enterprise"
        )
        # What the point carries of others (its enterprise's name, its events'
        # methods) is not a change of the point: the history shows its source.
        auditlog.register(
            models.RiskPoint, exclude_fields=["enterprise_name", "methods"]
        )
        for model in (
            models.RiskAnalysisUnit,
            models.HazardFactor,
            models.ControlMeasure,
            models.Assessment,
            models.LevelThreshold,
        ):
            auditlog.register(model)
        auditlog.register(
            models.RiskEvent, m2m_fields={"accident_types", "hazard_factors"}
        )

        # Departments change level thresholds in the admin; which rows each
        # may touch is decided by the scope (core.risks.wagtail_hooks).
        thresholds = [
            f"risks.{action}_levelthreshold"
            for action in ("add", "change", "delete", "view")
        ]
        grant(Role.COMMITTEE, *thresholds)
        grant(Role.INDUSTRY_DEPARTMENT, *thresholds)
        # Every government role reads the risk points of its scope
        # (core.risks.viewsets.RiskPointViewSet); none writes them.
        for role in (
            Role.COMMITTEE,
            Role.INDUSTRY_DEPARTMENT,
            Role.TERRITORIAL_OFFICE,
        ):
            grant(role, "risks.view_riskpoint")
