"""The campaigns' periodic job: reminding enterprises of unread or unanswered
directives (daily; registered through ``safegrid_scheduled_jobs``)."""

from __future__ import annotations

from core.jobs.base import job


@job
def notify_directive(directive_id: int) -> dict[str, int]:
    """Tell the managers of a directive's recipients (after the send)."""
    from core.campaigns.services import directive_notify

    return {"notified": directive_notify(directive_id)}


@job
def remind_directives() -> dict[str, int]:
    """Remind those that have not read or replied (idempotent per day)."""
    from core.campaigns.services import directives_remind

    return directives_remind()


@job
def record_progress() -> dict[str, int]:
    """Record each running campaign's figures of the day (milestone history)."""
    from core.campaigns.progress import progress_record_running

    return progress_record_running()
