"""The monitoring's admin screen: the supervisors' alarm list (read-only)."""

from wagtail import hooks

from core.base.admin_hooks import read_only_in_admin
from core.monitoring.models import Alarm
from core.monitoring.viewsets import AlarmAdminViewSet

# Supervisors read alarms; acknowledging is the enterprise's own act.
read_only_in_admin(Alarm)
hooks.register("register_admin_viewset", AlarmAdminViewSet)
