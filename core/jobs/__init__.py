"""Background work: one task framework, one schedule (docs/architecture.md,
"Background work").

Define a task with ``core.jobs.job`` (Django's tasks API with a retry policy
and a record an administrator sees), enqueue it with ``enqueue_on_commit``
from inside a write, and schedule it through ``SAFEGRID_SCHEDULE`` or the
``safegrid_scheduled_jobs`` plugin hook.
"""

from core.jobs.base import ATTEMPT_KWARG, enqueue_on_commit, job

__all__ = ["ATTEMPT_KWARG", "enqueue_on_commit", "job"]
