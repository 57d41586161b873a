"""Writes of the inspections: task generation, doing a task, 包保 heads,
overdue escalation.

``tasks_generate`` and ``tasks_flag_overdue`` are system jobs (no actor:
they run from the schedule, ``core.inspections.jobs``); both are idempotent —
the slot of a duty is unique (``inspection_task_slot_unique``) and an
escalation step is recorded on the task, so a rerun or a second scheduler
changes nothing. Everything a person does checks the permission here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Refused
from core.forms.models import Submission
from core.forms.services import submission_store
from core.inspections.checklists import pack_checklists, point_checklist
from core.inspections.models import (
    HeadRole,
    InspectionTask,
    MajorHazardSource,
    TaskSource,
    TaskStatus,
)
from core.inspections.periods import slots_between
from core.organizations.models import Enterprise, Membership, Person, Role
from core.organizations.scope import scope_for
from core.risks.models import ControlMeasure, RiskPoint
from plugins.manager import get_plugin_manager

#: How far ahead tasks are generated (their slot starts before now + this).
DEFAULT_HORIZON = datetime.timedelta(days=1)
#: At most this many slots of one duty per run (hourly rounds over a long
#: catch-up would otherwise flood the list).
MAX_SLOTS_PER_DUTY = 48

HEAD_FIELDS = {
    HeadRole.MAIN: "main_head",
    HeadRole.TECHNICAL: "technical_head",
    HeadRole.OPERATIONAL: "operational_head",
}
SCHEDULE_HEADS = {
    "baobao_main": HeadRole.MAIN,
    "baobao_technical": HeadRole.TECHNICAL,
    "baobao_operational": HeadRole.OPERATIONAL,
}

__all__ = [
    "TaskRefused",
    "hazard_source_save",
    "task_complete",
    "tasks_flag_overdue",
    "tasks_generate",
]


class TaskRefused(Refused):
    """The actor may not do this task."""


# -- generation -------------------------------------------------------------------


@dataclass(frozen=True)
class Duty:
    """Something checked every period by one person, with one checklist."""

    origin: str
    enterprise_id: int
    source: str
    title: str
    assignee_id: int | None
    every: int
    unit: str
    times: int = 1
    risk_point: RiskPoint | None = None
    hazard_source_id: int | None = None
    head_role: str = ""
    control_level: str = ""

    #: What each of its tasks repeats of the duty (the rest is its schedule).
    TASK_FIELDS: ClassVar[tuple[str, ...]] = (
        "origin",
        "enterprise_id",
        "source",
        "title",
        "assignee_id",
        "risk_point",
        "hazard_source_id",
        "head_role",
        "control_level",
    )


def _point_duties(enterprise: Enterprise | None) -> list[Duty]:
    points = RiskPoint.objects.filter(
        responsible_person__isnull=False,
        inspection_every__isnull=False,
        inspection_every__gt=0,
    ).exclude(inspection_unit="")
    if enterprise is not None:
        points = points.filter(enterprise=enterprise)
    return [
        Duty(
            origin=f"point:{point.pk}",
            enterprise_id=point.enterprise_id,
            source=TaskSource.CONTROL,
            title=point.name,
            assignee_id=point.responsible_person_id,
            every=point.inspection_every or 1,
            unit=point.inspection_unit,
            risk_point=point,
            control_level=point.control_level,
        )
        for point in points.order_by("pk")
    ]


def _head_schedules() -> dict[str, list[Any]]:
    """The pack schedules for 包保 heads that have a period, by industry code."""
    found: dict[str, list[Any]] = {}
    for _plugin, schedule in get_plugin_manager().collect(
        "safegrid_inspection_schedules"
    ):
        if schedule.who in SCHEDULE_HEADS and schedule.every is not None:
            found.setdefault(schedule.industry, []).append(schedule)
    return found


def _source_duties(enterprise: Enterprise | None) -> list[Duty]:
    schedules = _head_schedules()
    if not schedules:
        return []
    sources = MajorHazardSource.objects.select_related("risk_point").prefetch_related(
        "enterprise__industries"
    )
    if enterprise is not None:
        sources = sources.filter(enterprise=enterprise)
    duties = []
    for source in sources.order_by("pk"):
        codes = {industry.code for industry in source.enterprise.industries.all()}
        for code in sorted(codes):
            for schedule in schedules.get(code, []):
                role = SCHEDULE_HEADS[schedule.who]
                head_id = getattr(source, f"{HEAD_FIELDS[role]}_id")
                if head_id is None:
                    continue
                duties.append(
                    Duty(
                        origin=f"baobao:{source.pk}:{role}:{schedule.key}"[:120],
                        enterprise_id=source.enterprise_id,
                        source=TaskSource.BAOBAO,
                        title=f"{source.name} · {schedule.title.zh_hans}"[:300],
                        assignee_id=head_id,
                        every=schedule.every.every,
                        unit=schedule.every.unit,
                        times=schedule.every.times,
                        risk_point=source.risk_point,
                        hazard_source_id=source.pk,
                        head_role=role,
                    )
                )
    return duties


def _checklists(duties: list[Duty]) -> dict[int | None, Any]:
    """The checklist version of each risk point of ``duties`` (one query for
    the measures of all of them)."""
    points = {d.risk_point.pk: d.risk_point for d in duties if d.risk_point}
    measures: dict[int, list[ControlMeasure]] = {pk: [] for pk in points}
    for measure in (
        ControlMeasure.objects.filter(risk_point_id__in=points, is_active=True)
        .select_related("event")
        .order_by("event_id", "order", "pk")
    ):
        measures[measure.risk_point_id].append(measure)
    from_packs = pack_checklists({point.source for point in points.values()})
    return {
        pk: from_packs.get(point.source) or point_checklist(point, measures[pk])
        for pk, point in points.items()
    }


def _source_checklist(source_id: int, title: str):
    """A source without a risk point: a checklist of its own (one item)."""
    from core.inspections.checklists import source_checklist

    return source_checklist(source_id, title)


@transaction.atomic
def tasks_generate(
    *,
    now: datetime.datetime | None = None,
    horizon: datetime.timedelta = DEFAULT_HORIZON,
    enterprise: Enterprise | None = None,
    since: datetime.datetime | None = None,
    max_slots: int = MAX_SLOTS_PER_DUTY,
) -> int:
    """Create the tasks of every duty whose slot overlaps ``[now, now +
    horizon)``; return how many were new. Idempotent: an existing slot is
    left as it is (``bulk_create(ignore_conflicts=True)`` on the unique
    ``(origin, period_start)``). ``since`` reaches back to create past slots
    too (the demo's history); then the latest ``max_slots`` of each duty are
    kept."""
    now = now or timezone.now()
    duties = _point_duties(enterprise) + _source_duties(enterprise)
    checklists = _checklists(duties)
    rows = []
    for duty in duties:
        if duty.risk_point is not None:
            version = checklists[duty.risk_point.pk]
        else:
            version = _source_checklist(duty.hazard_source_id or 0, duty.title)
        slots = list(
            slots_between(
                since or now,
                now + horizon,
                duty.every,
                duty.unit,
                duty.times,
                limit=max_slots if since is None else 100_000,
            )
        )
        for start, end in slots[-max_slots:]:
            rows.append(
                InspectionTask(
                    **{name: getattr(duty, name) for name in Duty.TASK_FIELDS},
                    version=version,
                    period_start=start,
                    period_end=end,
                    due_at=end,
                    status=TaskStatus.OVERDUE if end <= now else TaskStatus.DUE,
                )
            )
    before = InspectionTask.objects.count()
    InspectionTask.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return InspectionTask.objects.count() - before


# -- doing a task -------------------------------------------------------------------


def task_permitted(*, actor, task: InspectionTask) -> None:
    """Raise ``TaskRefused`` unless ``actor`` may do ``task``: its assignee,
    or the enterprise's safety manager (who may do any task of it)."""
    scope = scope_for(actor)
    if not scope.is_enterprise or scope.enterprise_id != task.enterprise_id:
        raise TaskRefused(_("This inspection is not yours to do."))
    if scope.role == Role.ENTERPRISE_MANAGER:
        return
    if (
        task.assignee_id is None
        or not Person.objects.filter(pk=task.assignee_id, user=actor).exists()
    ):
        raise TaskRefused(_("This inspection is assigned to someone else."))


@transaction.atomic
def task_complete(
    *, actor, task: InspectionTask, data: Any, at_point: bool = False
) -> Submission:
    """Store the answers to ``task``'s checklist and mark the task done, in
    one transaction (a failure stores neither). Raises ``TaskRefused`` and
    ``AnswersInvalid``; a task already done is refused with a message."""
    locked = InspectionTask.objects.select_for_update(of=("self",)).get(pk=task.pk)
    task_permitted(actor=actor, task=locked)
    if locked.status == TaskStatus.DONE:
        raise TaskRefused(_("This inspection was already done."))
    source = locked.hazard_source
    submission = submission_store(
        actor=actor,
        version=locked.version,
        enterprise=locked.enterprise,
        data=data,
        assignment=None,
        period=timezone.localtime(locked.period_start).date(),
        risk_point_id=locked.risk_point_id
        or (source.risk_point_id if source is not None else None),
    )
    locked.submission = submission
    locked.status = TaskStatus.DONE
    locked.done_by = actor
    locked.done_at = submission.submitted_at
    locked.done_at_point = bool(at_point)
    locked.save(
        update_fields=[
            "submission",
            "status",
            "done_by",
            "done_at",
            "done_at_point",
        ]
    )
    task.__dict__.update(
        {k: getattr(locked, k) for k in ("submission_id", "status", "done_at")}
    )
    return submission


# -- 包保 heads --------------------------------------------------------------------


SOURCE_FIELDS = (
    "name",
    "grade",
    "risk_point",
    "main_head",
    "technical_head",
    "operational_head",
)


@transaction.atomic
def hazard_source_save(
    *,
    actor,
    enterprise: Enterprise,
    data: dict[str, Any],
    source: MajorHazardSource | None = None,
) -> MajorHazardSource:
    """Create or change a major hazard source and name its three heads.

    Only the enterprise's safety manager; the heads and the risk point must be
    the enterprise's own."""
    from django.core.exceptions import ValidationError

    scope = scope_for(actor)
    if not scope.can_manage_safety_records(enterprise):
        raise Refused(_("Only the safety manager names the responsible heads."))
    if source is not None and source.enterprise_id != enterprise.pk:
        raise Refused(_("This major hazard source is another enterprise's."))
    errors: dict[str, list[str]] = {}
    name = (data.get("name") or "").strip()
    if not name:
        errors["name"] = [_("Give the major hazard source a name.")]
    for field in ("main_head", "technical_head", "operational_head"):
        person = data.get(field)
        if person is not None and person.enterprise_id != enterprise.pk:
            errors[field] = [_("Choose a person of this enterprise.")]
    point = data.get("risk_point")
    if point is not None and point.enterprise_id != enterprise.pk:
        errors["risk_point"] = [_("Choose a risk point of this enterprise.")]
    grade = data.get("grade") or ""
    if grade not in MajorHazardSource.Grade.values and grade != "":
        errors["grade"] = [_("Choose a grade from the list.")]
    if errors:
        raise ValidationError(errors)
    source = source or MajorHazardSource(enterprise=enterprise)
    source.name = name
    source.grade = grade
    source.risk_point = point
    source.main_head = data.get("main_head")
    source.technical_head = data.get("technical_head")
    source.operational_head = data.get("operational_head")
    source.save()
    return source


# -- overdue and escalation ------------------------------------------------------


def _managers(enterprise_ids: set[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    for membership in Membership.objects.filter(
        enterprise_id__in=enterprise_ids, role=Role.ENTERPRISE_MANAGER
    ).select_related("user"):
        if membership.enterprise_id is not None:
            found.setdefault(membership.enterprise_id, []).append(membership.user)
    return found


@transaction.atomic
def tasks_flag_overdue(
    *,
    now: datetime.datetime | None = None,
    escalate_after: datetime.timedelta = datetime.timedelta(days=1),
) -> dict[str, int]:
    """Flag tasks past their due time as overdue and escalate them, once each:

    1. when a task becomes overdue, its assignee is notified;
    2. when it is still not done ``escalate_after`` later, the next control
       level is: the enterprise's safety managers (a unit of the enterprise's
       tree has no responsible person of its own to notify).

    The step reached is kept on the task (``escalation``), so a rerun
    notifies nobody twice.
    """
    from core.notifications.services import notify

    now = now or timezone.now()
    open_tasks = InspectionTask.objects.exclude(status=TaskStatus.DONE)
    late = list(
        open_tasks.filter(due_at__lte=now, escalation=0)
        .select_for_update(of=("self",))
        .select_related("assignee__user")
    )
    for task in late:
        user = task.assignee.user if task.assignee else None
        if user is not None:
            notify(
                user,
                _("Inspection overdue: %(title)s") % {"title": task.title},
                target=task,
                url=reverse("inspections:fill", args=[task.pk]),
            )
    InspectionTask.objects.filter(pk__in=[t.pk for t in late]).update(
        status=TaskStatus.OVERDUE, escalation=1
    )
    later = list(
        open_tasks.filter(due_at__lte=now - escalate_after, escalation=1)
        .select_for_update(of=("self",))
        .only("pk", "title", "enterprise_id")
    )
    managers = _managers({t.enterprise_id for t in later})
    for task in later:
        for user in managers.get(task.enterprise_id, []):
            notify(
                user,
                _("Inspection still not done: %(title)s") % {"title": task.title},
                target=task,
                url=reverse("inspections:todo") + "?who=all",
            )
    InspectionTask.objects.filter(pk__in=[t.pk for t in later]).update(escalation=2)
    return {"overdue": len(late), "escalated": len(later)}
