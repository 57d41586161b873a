from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "core.supervision"
    label = "supervision"
    verbose_name = _("Supervision")

    def ready(self) -> None:
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        # The committee office sets the rating's weights (a Wagtail setting).
        grant(Role.COMMITTEE, "supervision.change_ratingweights")
        for role in (Role.COMMITTEE, Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE):
            grant(role, "supervision.view_enterpriserating")
