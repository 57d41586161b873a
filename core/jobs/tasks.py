"""The jobs app's own periodic job: retention of finished background work."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from core.jobs.base import job

DEFAULT_RETENTION_DAYS = 30


@job
def prune_job_history() -> dict[str, int]:
    """Delete finished task results and job runs older than the retention
    (``SAFEGRID_JOB_RETENTION_DAYS``, 30 by default), and old schedule claims
    except each entry's latest. Idempotent: a second run deletes nothing."""
    from django_tasks_db.models import DBTaskResult

    from core.jobs.models import JobRun, ScheduledRun

    days = getattr(settings, "SAFEGRID_JOB_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    cutoff = timezone.now() - timedelta(days=days)
    results, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    runs, _ = JobRun.objects.filter(
        finished_at__lt=cutoff, status__in=JobRun.Status.finished()
    ).delete()
    # The latest claim of an entry is kept: it is what stops its current
    # slot from running twice, however long the period.
    latest = ScheduledRun.objects.values("name").annotate(last=Max("slot"))
    claims = 0
    for row in latest:
        deleted, _ = ScheduledRun.objects.filter(
            name=row["name"], slot__lt=min(cutoff, row["last"])
        ).delete()
        claims += deleted
    return {"task_results": results, "job_runs": runs, "schedule_claims": claims}
