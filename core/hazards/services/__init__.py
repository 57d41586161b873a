"""Writes of hazards: the report, every step of the closed loop, and the
hazards a checklist submission opens.

Each service takes the acting user as the keyword-only ``actor``, checks
inside (``core.hazards.machine`` with the one scope), runs in one
transaction, and raises ``Refused`` (403) or ``Invalid`` (400, messages by
field) with nothing changed.

One module per part: ``report`` (the report), ``loop`` (every later step),
``effects`` (notifications, the risk point flag) and ``findings`` (the
hazards a checklist or a government inspection opens); the names are
imported from here, ``core.hazards.services``.
"""

from __future__ import annotations

from core.hazards.services.effects import (
    _managers,
    report_major_hazard,
    risk_point_flag_for_hazard,
    supervisors_of,
)
from core.hazards.services.findings import (
    hazards_open_from_government_inspection,
    hazards_open_from_submission,
)
from core.hazards.services.loop import hazard_transition
from core.hazards.services.report import (
    CODE_SETS,
    MAX_PHOTOS,
    TEXT_MAX,
    _photos,
    enabled_grades,
    hazard_opened,
    hazard_report,
)

__all__ = [
    "enabled_grades",
    "hazard_opened",
    "hazard_report",
    "hazard_transition",
    "hazards_open_from_government_inspection",
    "hazards_open_from_submission",
    "report_major_hazard",
    "risk_point_flag_for_hazard",
    "supervisors_of",
    "CODE_SETS",
    "MAX_PHOTOS",
    "TEXT_MAX",
    "_managers",
    "_photos",
]
