"""The REST API, mounted at /api/v1/ (namespace ``api``).

Each domain app keeps its serializers, filters and viewsets in its ``api.py``
(on the shared pieces of ``core.api``); they are registered on the one router
here, in the project, so that ``core.api`` imports no domain app.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from core.api.auth import ObtainTokenView
from core.documents.api import (
    CardView,
    HandbookVersionListView,
    HandbookVersionView,
    HandbookView,
)
from core.emergency.api import (
    EmergencyCardViewSet,
    EmergencyPlanViewSet,
    PlanFilingViewSet,
    RescueAgreementViewSet,
)
from core.emergency.api_records import (
    DrillViewSet,
    TrainingRecordViewSet,
    TrainingSessionViewSet,
    WorkplaceTestViewSet,
)
from core.forms.api import FormUploadViewSet, FormViewSet
from core.hazards.api import HazardViewSet
from core.inspections.api import InspectionTaskViewSet
from core.monitoring.api import AlarmViewSet, ReadingIngestView, SensorViewSet
from core.organizations.api import EnterpriseViewSet
from core.risks.api import RiskPointViewSet, ScoringRuleViewSet
from core.supervision.api import MapEnterpriseViewSet, MapTerritoryViewSet

app_name = "api"


class Router(DefaultRouter):
    """No ".json" suffix routes: ``?format=json`` does the same, and a suffix
    route hands a ``format`` argument to every extra action, which must then
    take it (three did not, and answered 500)."""

    include_format_suffixes = False


router = Router()
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("scoring-rules", ScoringRuleViewSet, basename="scoring-rule")
router.register("risk-points", RiskPointViewSet, basename="risk-point")
router.register("forms", FormViewSet, basename="form")
router.register("form-uploads", FormUploadViewSet, basename="form-upload")
router.register("inspection-tasks", InspectionTaskViewSet, basename="inspection-task")
router.register("hazards", HazardViewSet, basename="hazard")
router.register("sensors", SensorViewSet, basename="sensor")
router.register("alarms", AlarmViewSet, basename="alarm")
router.register("map/enterprises", MapEnterpriseViewSet, basename="map-enterprise")
router.register("map/territories", MapTerritoryViewSet, basename="map-territory")
router.register("emergency-plans", EmergencyPlanViewSet, basename="emergency-plan")
router.register("plan-filings", PlanFilingViewSet, basename="plan-filing")
router.register(
    "rescue-agreements", RescueAgreementViewSet, basename="rescue-agreement"
)
router.register("emergency-cards", EmergencyCardViewSet, basename="emergency-card")
router.register("drills", DrillViewSet, basename="drill")
router.register(
    "training-sessions", TrainingSessionViewSet, basename="training-session"
)
router.register("training-records", TrainingRecordViewSet, basename="training-record")
router.register("workplace-tests", WorkplaceTestViewSet, basename="workplace-test")

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline
    # script, so the Content-Security-Policy need not allow any.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema"),
        name="docs",
    ),
    # A device's readings: authenticated by the device key, not a user.
    path("readings/", ReadingIngestView.as_view(), name="readings"),
    path(
        "enterprises/<int:enterprise_id>/handbook/",
        HandbookView.as_view(),
        name="handbook",
    ),
    path(
        "enterprises/<int:enterprise_id>/handbook/versions/",
        HandbookVersionListView.as_view(),
        name="handbook-versions",
    ),
    path(
        "enterprises/<int:enterprise_id>/handbook/versions/<int:number>/",
        HandbookVersionView.as_view(),
        name="handbook-version",
    ),
    path(
        "enterprises/<int:enterprise_id>/cards/<int:post_id>/<slug:kind>/",
        CardView.as_view(),
        name="card",
    ),
    path(
        "enterprises/<int:enterprise_id>/poster/",
        CardView.as_view(),
        {"kind": "poster"},
        name="poster",
    ),
    path("", include(router.urls)),
]
