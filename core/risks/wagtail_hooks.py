"""Risk grading screens in the Wagtail admin: level thresholds, risk points."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_hooks import read_only_in_admin
from core.risks.models import LevelThreshold, RiskPoint
from core.risks.viewsets import (
    LevelThresholdPermissionPolicy,
    LevelThresholdViewSet,
    RiskPointViewSet,
)

# Registered at import, before any view asks Wagtail for the models' policy.
register_permission_policy(
    LevelThreshold, LevelThresholdPermissionPolicy(LevelThreshold)
)
# Supervisors read risk points; the enterprise writes them in the portal.
read_only_in_admin(RiskPoint)
hooks.register("register_admin_viewset", LevelThresholdViewSet)
hooks.register("register_admin_viewset", RiskPointViewSet)
