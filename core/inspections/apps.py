from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "core.inspections"
    label = "inspections"
    verbose_name = _("Inspections")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.inspections import models
        from core.inspections.todo import inspection_todo
        from core.portal.todo import register_todo

        register_todo(inspection_todo)
        auditlog.register(models.MajorHazardSource)
        auditlog.register(models.GovernmentInspection)
