"""Reads of the emergency records, always through the one scope.

Budgets: ``plan_list`` and ``filing_list`` are one query per page (related
rows joined); ``disposal_card`` is at most seven queries whatever the post.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core.emergency.models import (
    EmergencyPlan,
    FilingStatus,
    PlanFiling,
    PlanKind,
    PostEmergencyContent,
    RescueAgreement,
    RescueTeam,
    TrainingAttendance,
    TrainingRequirement,
    WorkplaceTest,
)
from core.organizations.models import Enterprise, Person, Unit
from core.organizations.scope import Scope

#: Days before an agreement's end from which it counts as expiring.
EXPIRY_WARNING_DAYS = 30


def plan_list(
    *, scope: Scope, enterprise: int | None = None, kind: str | None = None
) -> QuerySet[EmergencyPlan]:
    """The plans in scope, newest first (index ``eplan_ent_recent``)."""
    plans = scope.filter(EmergencyPlan.objects.all()).select_related(
        "enterprise", "current_version"
    )
    if enterprise is not None:
        plans = plans.filter(enterprise_id=enterprise)
    if kind:
        plans = plans.filter(kind=kind)
    return plans.order_by("-pk")


def filing_list(
    *, scope: Scope, status: str | None = None, own_department: bool = False
) -> QuerySet[PlanFiling]:
    """Filings in scope, newest first; ``own_department``: only those filed
    with the user's department (a department's review queue)."""
    filings = scope.filter(PlanFiling.objects.all()).select_related(
        "enterprise", "department", "version__plan"
    )
    if own_department:
        if scope.department is None:
            return filings.none()
        filings = filings.filter(department=scope.department)
    if status:
        filings = filings.filter(status=status)
    return filings.order_by("-pk")


def filings_awaiting_review(scope: Scope) -> QuerySet[PlanFiling]:
    return filing_list(
        scope=scope, status=FilingStatus.UNDER_REVIEW, own_department=True
    )


def agreements_expiring(
    *, scope: Scope, today: datetime.date | None = None, days: int = EXPIRY_WARNING_DAYS
) -> QuerySet[RescueAgreement]:
    """Agreements in scope that have expired or end within ``days``."""
    today = today or timezone.localdate()
    return (
        scope.filter(RescueAgreement.objects.all())
        .select_related("enterprise")
        .filter(valid_until__lt=today + datetime.timedelta(days=days))
        .order_by("valid_until", "pk")
    )


def enterprises_without_rescue(
    *, scope: Scope, today: datetime.date | None = None
) -> QuerySet[Enterprise]:
    """Enterprises in scope with neither a rescue team nor a valid agreement."""
    today = today or timezone.localdate()
    return (
        scope.enterprises()
        .filter(
            ~Exists(RescueTeam.objects.filter(enterprise=OuterRef("pk"))),
            ~Exists(
                RescueAgreement.objects.filter(
                    enterprise=OuterRef("pk"),
                    valid_from__lte=today,
                    valid_until__gte=today,
                )
            ),
        )
        .order_by("pk")
    )


def disposal_card(*, scope: Scope, post: Unit | int) -> dict[str, Any] | None:
    """The emergency disposal content of one post (the 应急处置卡), or None when
    the post is not in scope. The shape is documented in docs/emergency.md.

    Fed from the post's own content (``PostEmergencyContent``), the risk
    events of the risk points the post is responsible for or sits in, the
    emergency-response measures of those events, the on-site disposal plans
    that cover them, and the rescue capability (supplies location).
    """
    from core.risks.models import ControlMeasure, RiskEvent

    post_pk = getattr(post, "pk", post)
    unit = (
        scope.filter(Unit.objects.filter(kind=Unit.Kind.POST))
        .select_related("enterprise")
        .filter(pk=post_pk)
        .first()
    )
    if unit is None:
        return None
    content = (
        PostEmergencyContent.objects.select_related("plan__current_version")
        .filter(post=unit)
        .first()
    )
    events = list(
        RiskEvent.objects.filter(
            Q(risk_point__responsible_unit=unit) | Q(risk_point__unit=unit),
            is_active=True,
            risk_point__enterprise_id=unit.enterprise_id,
        )
        .select_related("risk_point", "latest_assessment")
        .prefetch_related("accident_types")
        .order_by("risk_point_id", "order", "pk")[:50]
    )
    measures = ControlMeasure.objects.filter(
        event__in=[e.pk for e in events],
        kind=ControlMeasure.Kind.EMERGENCY,
        is_active=True,
    ).order_by("event_id", "order", "pk")
    by_event: dict[int, list[str]] = {}
    for measure in measures:
        by_event.setdefault(measure.event_id, []).append(measure.description)
    plans = list(
        EmergencyPlan.objects.filter(
            enterprise_id=unit.enterprise_id,
            kind=PlanKind.ON_SITE,
            risk_events__in=[e.pk for e in events],
        )
        .select_related("current_version")
        .distinct()
        .order_by("pk")
    )
    if content and content.plan and content.plan not in plans:
        plans.insert(0, content.plan)
    team = RescueTeam.objects.filter(enterprise_id=unit.enterprise_id).first()
    supplies = team.supplies_location if team else ""
    return {
        "enterprise": unit.enterprise.name,
        "post": {"id": unit.pk, "name": unit.name},
        "scenario": content.scenario if content else "",
        "first_actions": list(content.first_actions) if content else [],
        "reporting_path": content.reporting_path if content else "",
        "cautions": content.cautions if content else "",
        "contacts": list(content.contacts) if content else [],
        "supplies_location": supplies,
        "escape_route": content.escape_route if content else "",
        "assembly_point": content.assembly_point if content else "",
        "risk_events": [
            {
                "id": event.pk,
                "name": event.name,
                "risk_point": event.risk_point.name,
                "level": event.level,
                "accident_types": [str(t) for t in event.accident_types.all()],
                "emergency_measures": by_event.get(event.pk, []),
            }
            for event in events
        ],
        "plans": [
            {
                "id": plan.pk,
                "title": plan.title,
                "kind": plan.kind,
                "version": plan.current_version.number
                if plan.current_version
                else None,
            }
            for plan in plans
        ],
        "updated_at": content.updated_at if content else None,
    }


# -- training ---------------------------------------------------------------------------

#: The states of a person's required training.
TRAINING_MISSING = "missing"
TRAINING_EXPIRED = "expired"
TRAINING_CURRENT = "current"


def training_record(*, scope: Scope, person: Person | int) -> list[TrainingAttendance]:
    """A person's training record, newest first ([] out of scope; a staff
    member sees only their own)."""
    pk = person if isinstance(person, int) else person.pk
    if not scope.people().filter(pk=pk).exists():
        return []
    return list(
        TrainingAttendance.objects.filter(person_id=pk)
        .select_related("session")
        .order_by("-session__held_on", "-pk")[:500]
    )


def training_status(
    *, scope: Scope, today: datetime.date | None = None, enterprise: int | None = None
) -> list[dict[str, Any]]:
    """For every person in scope holding a post with required trainings:
    each requirement's state (missing, expired, current) and validity.

    Three queries whatever the number of people: the requirements, the
    holders of their posts, the passed attendances of those people.
    """
    today = today or timezone.localdate()
    requirements = scope.filter(TrainingRequirement.objects.all()).select_related(
        "post"
    )
    if enterprise is not None:
        requirements = requirements.filter(enterprise_id=enterprise)
    by_post: dict[int, list[TrainingRequirement]] = {}
    for req in requirements[:2000]:
        by_post.setdefault(req.post_id, []).append(req)
    if not by_post:
        return []
    holders = (
        scope.people()
        .filter(posts__in=list(by_post))
        .values_list("pk", "name", "posts", "user_id")
    )
    people = [(pk, name, post, user) for pk, name, post, user in holders[:5000]]
    best: dict[tuple[int, int], datetime.date | None] = {}
    attended = TrainingAttendance.objects.filter(
        person_id__in={p[0] for p in people},
        passed=True,
        session__requirement__in=[r.pk for reqs in by_post.values() for r in reqs],
    ).values_list("person_id", "session__requirement_id", "valid_until")
    for person_id, req_id, until in attended:
        key = (person_id, req_id)
        if key not in best:
            best[key] = until
        else:
            known = best[key]
            if known is not None and (until is None or until > known):
                best[key] = until
    rows = []
    for person_id, name, post_id, user_id in people:
        for req in by_post.get(post_id, []):
            key = (person_id, req.pk)
            if key not in best:
                state, until = TRAINING_MISSING, None
            else:
                until = best[key]
                state = (
                    TRAINING_EXPIRED
                    if until is not None and until < today
                    else TRAINING_CURRENT
                )
            rows.append(
                {
                    "person": person_id,
                    "person_name": name,
                    "user": user_id,
                    "post": req.post.name,
                    "requirement": req.pk,
                    "topic": req.topic,
                    "is_certificate": req.is_certificate,
                    "state": state,
                    "valid_until": until,
                }
            )
    return rows


# -- occupational hazards -------------------------------------------------------------------


def workplace_tests_overdue(
    *, scope: Scope, today: datetime.date | None = None
) -> QuerySet[WorkplaceTest]:
    """Each enterprise's latest workplace test whose next test is overdue."""
    today = today or timezone.localdate()
    newer = WorkplaceTest.objects.filter(
        enterprise=OuterRef("enterprise"), tested_on__gt=OuterRef("tested_on")
    )
    return (
        scope.filter(WorkplaceTest.objects.all())
        .filter(next_due__lt=today)
        .filter(~Exists(newer))
        .select_related("enterprise")
        .order_by("next_due", "pk")
    )
