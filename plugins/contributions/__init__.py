"""Plain, typed data that plugins return from hooks.

Hooks never touch the database: they return these objects and the core syncs them.

One module per area (``industry``, ``scoring``, ``risk_library``, ``forms``,
``monitoring``, ``schedules``, ``emergency``); packs import the names from
here, ``plugins.contributions``, as they always have.
"""

from __future__ import annotations

from plugins.contributions.common import CODE_PATTERN
from plugins.contributions.emergency import EMERGENCY_TEMPLATE_KINDS, EmergencyTemplate
from plugins.contributions.forms import (
    FORM_DUE,
    FORM_FILLERS,
    FORM_KINDS,
    FormDefinitionContribution,
)
from plugins.contributions.industry import IndustryContribution, PortalMenuItem
from plugins.contributions.monitoring import (
    DOCUMENT_KINDS,
    THRESHOLD_OPERATORS,
    DocumentSection,
    MonitoringParameter,
    MonitoringThreshold,
)
from plugins.contributions.risk_library import (
    INSPECTION_UNITS,
    InspectionPeriod,
    RiskLibraryEntry,
    RiskLibraryEvent,
    RiskLibraryFactor,
    RiskLibraryMeasure,
    SuggestedAssessment,
)
from plugins.contributions.schedules import (
    CHECK_KINDS,
    SCHEDULE_ROLES,
    SCHEDULE_SCOPES,
    SCHEDULE_TRIGGERS,
    InspectionSchedule,
    NotificationChannel,
    ScheduledJob,
)
from plugins.contributions.scoring import (
    CHECKLIST_INPUT_SCHEMA,
    CHECKLIST_ITEM_FIELDS,
    CHECKLIST_SECTION_FIELDS,
    RISK_LEVEL_COLOURS,
    DirectCondition,
    LevelThresholds,
    RuleKind,
    ScoringInputError,
    ScoringRule,
    checklist_breakdown,
)
from plugins.reference.gb6441 import ACCIDENT_TYPES
from plugins.texts import I18nText
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
    risk_level_rank,
)

__all__ = [
    "ACCIDENT_TYPES",
    "CHECKLIST_INPUT_SCHEMA",
    "CHECKLIST_ITEM_FIELDS",
    "CHECKLIST_SECTION_FIELDS",
    "CHECK_KINDS",
    "CODE_PATTERN",
    "CONTROL_LEVELS",
    "DOCUMENT_KINDS",
    "EMERGENCY_TEMPLATE_KINDS",
    "FORM_DUE",
    "FORM_FILLERS",
    "FORM_KINDS",
    "INSPECTION_UNITS",
    "MEASURE_TYPES",
    "PERIOD_UNITS",
    "RISK_LEVELS",
    "RISK_LEVEL_COLOURS",
    "RISK_POINT_KINDS",
    "SCHEDULE_ROLES",
    "SCHEDULE_SCOPES",
    "SCHEDULE_TRIGGERS",
    "THRESHOLD_OPERATORS",
    "DirectCondition",
    "DocumentSection",
    "EmergencyTemplate",
    "FormDefinitionContribution",
    "I18nText",
    "IndustryContribution",
    "InspectionPeriod",
    "InspectionSchedule",
    "LevelThresholds",
    "MonitoringParameter",
    "MonitoringThreshold",
    "NotificationChannel",
    "PortalMenuItem",
    "RiskLibraryEntry",
    "RiskLibraryEvent",
    "RiskLibraryFactor",
    "RiskLibraryMeasure",
    "RuleKind",
    "ScheduledJob",
    "ScoringInputError",
    "ScoringRule",
    "SuggestedAssessment",
    "checklist_breakdown",
    "risk_level_rank",
]
