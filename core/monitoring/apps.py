from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "core.monitoring"
    label = "monitoring"
    verbose_name = _("Online monitoring")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.monitoring import models
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        # Sensor set-up and alarms are audited; readings are not (volume).
        auditlog.register(
            models.SensorPoint,
            exclude_fields=[
                "state",
                "pending_state",
                "pending_since",
                "last_value",
                "last_ts",
            ],
        )
        auditlog.register(models.Device, exclude_fields=["key_hash"])
        auditlog.register(models.Alarm)
        # Government roles read the alarms of their scope in the admin.
        for role in (
            Role.COMMITTEE,
            Role.INDUSTRY_DEPARTMENT,
            Role.TERRITORIAL_OFFICE,
        ):
            grant(role, "monitoring.view_alarm")
