from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "core.campaigns"
    label = "campaigns"
    verbose_name = _("Rollout campaigns")

    def ready(self) -> None:
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        # The committee office sets the assessment's weights (a Wagtail setting).
        grant(Role.COMMITTEE, "campaigns.change_assessmentweights")
