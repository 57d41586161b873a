from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "core.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        # Government roles read the handbooks of their scope in the admin
        # (core.documents.wagtail_hooks); the scope decides which.
        for role in (
            Role.COMMITTEE,
            Role.INDUSTRY_DEPARTMENT,
            Role.TERRITORIAL_OFFICE,
        ):
            grant(role, "documents.view_handbookversion")
