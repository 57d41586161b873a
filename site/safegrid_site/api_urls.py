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


#: Every resource on the router: its URL prefix, its viewset and the base of
#: its URL names (``api:hazard-list``, ``api:hazard-detail``, an action's
#: ``api:map-enterprise-risk-points``).
RESOURCES = [
    ("enterprises", EnterpriseViewSet, "enterprise"),
    ("scoring-rules", ScoringRuleViewSet, "scoring-rule"),
    ("risk-points", RiskPointViewSet, "risk-point"),
    ("forms", FormViewSet, "form"),
    ("form-uploads", FormUploadViewSet, "form-upload"),
    ("inspection-tasks", InspectionTaskViewSet, "inspection-task"),
    ("hazards", HazardViewSet, "hazard"),
    ("sensors", SensorViewSet, "sensor"),
    ("alarms", AlarmViewSet, "alarm"),
    ("map/enterprises", MapEnterpriseViewSet, "map-enterprise"),
    ("map/territories", MapTerritoryViewSet, "map-territory"),
    ("emergency-plans", EmergencyPlanViewSet, "emergency-plan"),
    ("plan-filings", PlanFilingViewSet, "plan-filing"),
    ("rescue-agreements", RescueAgreementViewSet, "rescue-agreement"),
    ("emergency-cards", EmergencyCardViewSet, "emergency-card"),
    ("drills", DrillViewSet, "drill"),
    ("training-sessions", TrainingSessionViewSet, "training-session"),
    ("training-records", TrainingRecordViewSet, "training-record"),
    ("workplace-tests", WorkplaceTestViewSet, "workplace-test"),
]

router = Router()
for prefix, viewset, basename in RESOURCES:
    router.register(prefix, viewset, basename=basename)

#: An enterprise's documents, below ``enterprises/<int:enterprise_id>/``.
enterprise_documents = [
    path("handbook/", HandbookView.as_view(), name="handbook"),
    path(
        "handbook/versions/",
        HandbookVersionListView.as_view(),
        name="handbook-versions",
    ),
    path(
        "handbook/versions/<int:number>/",
        HandbookVersionView.as_view(),
        name="handbook-version",
    ),
    path("cards/<int:post_id>/<slug:kind>/", CardView.as_view(), name="card"),
    path("poster/", CardView.as_view(), {"kind": "poster"}, name="poster"),
]

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
    path("enterprises/<int:enterprise_id>/", include(enterprise_documents)),
    path("", include(router.urls)),
]
