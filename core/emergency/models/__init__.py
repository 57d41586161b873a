"""Emergency preparedness records of an enterprise (district plan 三(一)5),
one module a concern:

* ``plans`` — emergency plans with immutable versions and their filing (备案)
  with a department;
* ``rescue`` — the rescue capability (own team or a rescue agreement), the
  emergency disposal content of each post (FACTS § 7, the 应急处置卡) and the
  workers' read signatures;
* ``drills`` — the annual drill plan and the drills held;
* ``training`` — requirements per post, sessions, attendance, reminders;
* ``occupational`` — exposed posts and workplace tests.

Writes go through ``core.emergency.services``.
"""

from core.emergency.models.drills import (
    Drill,
    DrillPlanItem,
)
from core.emergency.models.occupational import (
    OccupationalExposure,
    OccupationalFactor,
    WorkplaceTest,
    WorkplaceTestResult,
)
from core.emergency.models.plans import (
    EmergencyPlan,
    FilingStatus,
    ImmutableVersion,
    PlanFiling,
    PlanKind,
    PlanVersion,
    PlanVersionQuerySet,
)
from core.emergency.models.rescue import (
    PostEmergencyContent,
    ReadSignature,
    RescueAgreement,
    RescueTeam,
    RescueTeamKind,
    RescueTeamMember,
)
from core.emergency.models.training import (
    TrainingAttendance,
    TrainingReminder,
    TrainingRequirement,
    TrainingSession,
)

__all__ = [
    "Drill",
    "DrillPlanItem",
    "EmergencyPlan",
    "FilingStatus",
    "ImmutableVersion",
    "OccupationalExposure",
    "OccupationalFactor",
    "PlanFiling",
    "PlanKind",
    "PlanVersion",
    "PlanVersionQuerySet",
    "PostEmergencyContent",
    "ReadSignature",
    "RescueAgreement",
    "RescueTeam",
    "RescueTeamKind",
    "RescueTeamMember",
    "TrainingAttendance",
    "TrainingReminder",
    "TrainingRequirement",
    "TrainingSession",
    "WorkplaceTest",
    "WorkplaceTestResult",
]
