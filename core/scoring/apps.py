from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "core.scoring"
    label = "scoring"
    verbose_name = _("Scoring")

    def ready(self) -> None:
        from core.scoring import checks  # noqa: F401 - registers the system checks
        from core.scoring.engine import scoring_engine

        # Build the engine (every rule's schema checked and compiled) while the
        # process starts, not on the first scoring request a worker serves.
        scoring_engine()
