from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "core.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.base.scope_cache import refresh_through
        from core.jobs import checks  # noqa: F401  (registers the system check)
        from core.jobs.tasks import queue_refresh
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        grant(Role.COMMITTEE, "jobs.view_jobrun")
        # A stale kept figure is refreshed by a job (core.base.scope_cache).
        refresh_through(queue_refresh)
