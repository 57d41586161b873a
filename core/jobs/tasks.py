"""The jobs app's own jobs: retention of finished background work, and the
refresh of a kept figure (``core.base.scope_cache``)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from core.jobs.base import job

logger = logging.getLogger(__name__)

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


@job(max_attempts=1)
def refresh_kept_figure(
    namespace: str, module: str, identity: list[Any], seconds: int
) -> bool:
    """Recompute a kept figure of a scope that a request found stale
    (``core.base.scope_cache``), under the scope and language it is kept
    for. Idempotent: a figure still fresh is left alone. One attempt: a
    failure leaves the stale value served, and once the refresh lock expires
    the next request queues another refresh."""
    from core.base.scope_cache import refresh
    from core.organizations.scope import scope_from_key

    scope = scope_from_key(identity[0])
    with translation.override(identity[1]):
        return refresh(namespace, module, scope, identity, seconds)


def queue_refresh(
    namespace: str, module: str, identity: list[Any], seconds: int
) -> None:
    """Queue ``refresh_kept_figure`` once the current transaction commits (at
    once outside one). A queue that cannot be reached costs the request
    nothing: the stale value is served and the error logged."""

    def enqueue() -> None:
        try:
            refresh_kept_figure.enqueue(namespace, module, identity, seconds)
        except Exception:
            logger.exception("could not queue the refresh of %s", namespace)

    transaction.on_commit(enqueue)
