from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "core.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.organizations import models

        # Many-to-many changes are not recorded unless named here.
        m2m_fields = {
            models.Department: {"industries"},
            models.Enterprise: {"industries"},
            models.Person: {"posts"},
        }
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
            auditlog.register(model, m2m_fields=m2m_fields.get(model, set()))
