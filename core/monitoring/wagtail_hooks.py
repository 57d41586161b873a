"""The monitoring's admin screen: the supervisors' alarm list (read-only)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.monitoring.models import Alarm
from core.monitoring.viewsets import AlarmAdminViewSet

# Supervisors read alarms; acknowledging is the enterprise's own act.
register_permission_policy(Alarm, ReadOnlyPermissionPolicy(Alarm))


@hooks.register("register_admin_viewset")
def register_alarm_viewset():
    return AlarmAdminViewSet()
