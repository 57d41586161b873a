"""Risk grading and control (风险分级管控): one model for every industry.

It follows the chain of the national digital-construction guideline for
hazardous-chemical enterprises: risk analysis object (``RiskPoint``, 风险点)
→ risk analysis unit (``RiskAnalysisUnit``) → risk event (``RiskEvent``) →
control measure (``ControlMeasure``) → inspection task. Hazard
factors (GB/T 13861) and accident types (GB 6441) come from versioned
dictionaries. Every assessment is kept (``Assessment`` rows are never changed
or deleted); every other change is recorded by django-auditlog, tagged with
its risk point, so a point's history can be read back
(``selectors.risk_point_history``). Writes go through ``services``.

The models live in ``standards`` (choices, dictionary rows), ``points``
(risk points and analysis units), ``events`` (hazard factors, events,
control measures), ``assessments``, ``site_plans``, ``level_thresholds``
and ``drafts``; everything is importable from here, and importing them
here registers them with the app in their original order.
"""

# In definition order: the app registers its models in import order.
# isort: off
from core.risks.models.standards import (
    AccidentType,
    ControlLevel,
    HazardFactorClass,
    InspectionUnit,
    LocalisedName,
    RiskLevel,
)
from core.risks.models.points import (
    POSITION_SCHEMA,
    RiskAnalysisUnit,
    RiskPoint,
    RiskPointPart,
    validate_position,
)
from core.risks.models.events import ControlMeasure, HazardFactor, RiskEvent
from core.risks.models.assessments import (
    Assessment,
    AssessmentQuerySet,
    ImmutableError,
)
from core.risks.models.site_plans import SitePlan, site_plan_path
from core.risks.models.level_thresholds import LevelThreshold
from core.risks.models.drafts import RiskDraft
# isort: on

__all__ = [
    "POSITION_SCHEMA",
    "AccidentType",
    "Assessment",
    "AssessmentQuerySet",
    "ControlLevel",
    "ControlMeasure",
    "HazardFactor",
    "HazardFactorClass",
    "ImmutableError",
    "InspectionUnit",
    "LevelThreshold",
    "LocalisedName",
    "RiskAnalysisUnit",
    "RiskDraft",
    "RiskEvent",
    "RiskLevel",
    "RiskPoint",
    "RiskPointPart",
    "SitePlan",
    "site_plan_path",
    "validate_position",
]
