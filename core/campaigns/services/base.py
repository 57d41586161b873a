"""Limits shared by the campaigns' services, and who may run campaigns or send
directives.
"""

from __future__ import annotations

from core.organizations.scope import Scope

TEXT_MAX = 8000
MAX_MILESTONES = 20
MAX_LIST = 200
#: A recipient is reminded at most this many times, once a day at most.
MAX_REMINDERS = 3
#: Directives older than this are no longer reminded.
REMIND_WITHIN_DAYS = 60
#: At most this many recipients are reminded in one run of the job.
REMINDER_BATCH = 5000
MAX_SAMPLE = 500


def may_send_directives(scope: Scope) -> bool:
    return scope.is_government and scope.department is not None


def may_run_campaigns(scope: Scope) -> bool:
    return scope.sees_everything
