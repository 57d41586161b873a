from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "core.notices"
    label = "notices"
    verbose_name = _("Public notices")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save

        from core.forms.models import Submission
        from core.notices import signals

        post_migrate.connect(signals.public_site_after_migrate, sender=self)
        post_save.connect(
            signals.commitment_page_on_submission,
            sender=Submission,
            dispatch_uid="notices.commitment_page",
        )
