from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "core.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.organizations import models

        for model in (
            models.Jurisdiction,
            models.Industry,
            models.Department,
            models.Enterprise,
            models.EnterpriseContact,
            models.Unit,
            models.Person,
            models.Membership,
        ):
            auditlog.register(model)
