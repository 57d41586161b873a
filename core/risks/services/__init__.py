"""Writes of risk grading: keyword-only, one transaction each, scope-checked.

A risk point is written whole — with its analysis units, hazard factors,
events, measures, control assignment and (optionally) a first assessment per
event — from a ``RiskPointData``. Everything is validated before anything is
written; every problem is reported at once as ``RiskDataInvalid``, whose
errors carry a JSON Pointer into the data (``/events/0/assessment/inputs/L``)
so a form can show each at its field and an import at its cell.

The writes live in ``points`` (risk points, their parts, assessments),
``library`` (exact copies of library entries) and ``thresholds``; their input
data and its validation in ``data``. Everything is importable from here.
"""

from core.risks.services.data import (
    EVENT_NAME_MAX_LENGTH,
    NAME_MAX_LENGTH,
    AssessmentData,
    ControlData,
    EventData,
    FactorData,
    Lookups,
    MeasureData,
    RiskDataInvalid,
    RiskPointData,
    assessment_errors,
    risk_point_data_errors,
)
from core.risks.services.library import (
    risk_point_create_from_library,
    risk_point_data_from_library,
)
from core.risks.services.points import (
    _require_manager,
    risk_event_assess,
    risk_point_create,
    risk_point_refresh_level,
    risk_point_update,
)
from core.risks.services.thresholds import (
    flag_reassessment,
    level_threshold_delete,
    level_threshold_set,
)

__all__ = [
    "EVENT_NAME_MAX_LENGTH",
    "NAME_MAX_LENGTH",
    "AssessmentData",
    "ControlData",
    "EventData",
    "FactorData",
    "Lookups",
    "MeasureData",
    "RiskDataInvalid",
    "RiskPointData",
    "_require_manager",
    "assessment_errors",
    "flag_reassessment",
    "level_threshold_delete",
    "level_threshold_set",
    "risk_event_assess",
    "risk_point_create",
    "risk_point_create_from_library",
    "risk_point_data_errors",
    "risk_point_data_from_library",
    "risk_point_refresh_level",
    "risk_point_update",
]
