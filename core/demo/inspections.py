"""Months of inspection history for the demo enterprises.

Generated once (when an enterprise has no inspection task yet), in bulk: the
tasks of the last ``HISTORY_DAYS`` days from the risk points' control
assignments (``tasks_generate`` with ``since``), about nine in ten of the past
ones done with an all-compliant submission (some at the point), the rest left
overdue as already escalated, so the escalation job does not flood the demo
with old notifications. A second load changes nothing.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from core.forms.models import Submission, SubmissionRevision
from core.forms.scoring import score_answers
from core.forms.services import first_revision
from core.inspections.models import InspectionTask, TaskStatus
from core.inspections.services import tasks_generate
from core.organizations.models import Enterprise, Membership, Role

HISTORY_DAYS = 120
#: The most past slots kept per duty (a two-hourly round would be 1,440).
HISTORY_SLOTS = 120


def _all_compliant(version) -> dict:
    return {
        item["key"]: {"result": "compliant"}
        for section in version.scoring.get("sections", [])
        for item in section.get("items", [])
    }


@transaction.atomic
def ensure_demo_inspections(seed: int = 12) -> int:
    """Create the history where missing; return how many tasks were made."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    now = timezone.now()
    made = 0
    with_points = Enterprise.objects.filter(
        risk_points__responsible_person__isnull=False
    ).distinct()
    for enterprise in with_points.exclude(inspection_tasks__isnull=False):
        made += tasks_generate(
            now=now,
            enterprise=enterprise,
            since=now - datetime.timedelta(days=HISTORY_DAYS),
            max_slots=HISTORY_SLOTS,
        )
        _complete_history(enterprise, now, rng)
    return made


def _complete_history(enterprise: Enterprise, now, rng: random.Random) -> None:
    past = list(
        InspectionTask.objects.filter(enterprise=enterprise, due_at__lte=now)
        .select_related("version", "assignee__user")
        .order_by("due_at", "pk")
    )
    manager = (
        Membership.objects.filter(enterprise=enterprise, role=Role.ENTERPRISE_MANAGER)
        .select_related("user")
        .first()
    )
    scored: dict[int, tuple[dict, object]] = {}
    done, late, submissions = [], [], []
    for task in past:
        if rng.random() < 0.1:
            late.append(task)
            continue
        if task.version_id not in scored:
            data = _all_compliant(task.version)
            scored[task.version_id] = (data, score_answers(task.version.scoring, data))
        data, score = scored[task.version_id]
        user = (task.assignee.user if task.assignee else None) or (
            manager.user if manager else None
        )
        when = task.period_start + (task.period_end - task.period_start) * rng.uniform(
            0.2, 0.9
        )
        submissions.append(
            Submission(
                definition_id=task.version.definition_id,
                version=task.version,
                enterprise=enterprise,
                period_start=timezone.localtime(task.period_start).date(),
                data=data,
                score=score.score,
                max_score=score.max_score,
                percent=score.percent,
                passed=score.passed,
                breakdown=score.as_dict(),
                submitted_by=user,
                submitted_at=when,
            )
        )
        task.status = TaskStatus.DONE
        task.done_by = user
        task.done_at = when
        task.done_at_point = rng.random() < 0.6
        done.append(task)
    Submission.objects.bulk_create(submissions, batch_size=500)
    if any(s.pk is None for s in submissions):  # a backend without RETURNING ids
        return
    SubmissionRevision.objects.bulk_create(
        [first_revision(s) for s in submissions], batch_size=500
    )
    for task, submission in zip(done, submissions, strict=True):
        task.submission = submission
    InspectionTask.objects.bulk_update(
        done,
        ["status", "done_by", "done_at", "done_at_point", "submission"],
        batch_size=500,
    )
    for task in late:
        task.status = TaskStatus.OVERDUE
        task.escalation = 2
    InspectionTask.objects.bulk_update(late, ["status", "escalation"], batch_size=500)
