"""Writes of the emergency records, one module a concern (``plans``,
``rescue`` — the rescue capability, each post's content and the read
signatures —, ``drills``, ``training``, ``occupational``).

Each service takes the acting user as the keyword-only ``actor``, checks the
scope inside (``core.emergency.policy``), runs in one transaction and raises
``Refused`` (403) or ``Invalid`` (400, messages by field) with nothing changed.
"""

from core.emergency.services.drills import (
    drill_open_hazard,
    drill_plan_add,
    drill_record,
)
from core.emergency.services.occupational import (
    exposure_add,
    workplace_test_record,
)
from core.emergency.services.plans import (
    filing_review,
    plan_create,
    plan_file,
    plan_revise,
)
from core.emergency.services.rescue import (
    READ_CARD,
    READ_TRAINING,
    post_content_save,
    read_sign,
    rescue_agreement_save,
    rescue_team_save,
)
from core.emergency.services.training import (
    training_attendance_record,
    training_requirement_add,
    training_session_save,
)

__all__ = [
    "READ_CARD",
    "READ_TRAINING",
    "drill_open_hazard",
    "drill_plan_add",
    "drill_record",
    "exposure_add",
    "filing_review",
    "plan_create",
    "plan_file",
    "plan_revise",
    "post_content_save",
    "read_sign",
    "rescue_agreement_save",
    "rescue_team_save",
    "training_attendance_record",
    "training_requirement_add",
    "training_session_save",
    "workplace_test_record",
]
