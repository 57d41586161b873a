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
    Drill,
    EmergencyPlan,
    FilingStatus,
    PlanFiling,
    PlanKind,
    PostEmergencyContent,
    RescueAgreement,
    RescueTeam,
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
    WorkplaceTest,
)
from core.organizations.models import Enterprise, Person, Unit
from core.organizations.scope import Scope

#: Days before an agreement's end from which it counts as expiring.
EXPIRY_WARNING_DAYS = 30


def _in_scope(
    scope: Scope, model: Any, enterprise: int | None, *related: str
) -> QuerySet:
    """The rows of ``model`` in scope with ``related`` joined, only those of
    ``enterprise`` when one is given (the filter every list here offers)."""
    rows = scope.filter(model.objects.all())
    if related:
        rows = rows.select_related(*related)
    if enterprise is not None:
        rows = rows.filter(enterprise_id=enterprise)
    return rows


def plan_list(
    *, scope: Scope, enterprise: int | None = None, kind: str | None = None
) -> QuerySet[EmergencyPlan]:
    """The plans in scope, newest first (index ``eplan_ent_recent``)."""
    plans = scope.filter_by_key(EmergencyPlan.objects.all()).select_related(
        "enterprise", "current_version"
    )
    if enterprise is not None:
        plans = plans.filter(enterprise_id=enterprise)
    if kind:
        plans = plans.filter(kind=kind)
    return plans.order_by("-pk")


def filing_list(
    *,
    scope: Scope,
    status: str | None = None,
    own_department: bool = False,
    enterprise: int | None = None,
) -> QuerySet[PlanFiling]:
    """Filings in scope, newest first; ``own_department``: only those filed
    with the user's department (a department's review queue)."""
    filings = _in_scope(
        scope, PlanFiling, enterprise, "enterprise", "department", "version__plan"
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
    *,
    scope: Scope,
    today: datetime.date | None = None,
    days: int = EXPIRY_WARNING_DAYS,
    enterprise: int | None = None,
) -> QuerySet[RescueAgreement]:
    """Agreements in scope that have expired or end within ``days``."""
    today = today or timezone.localdate()
    agreements = _in_scope(scope, RescueAgreement, enterprise, "enterprise")
    return agreements.filter(
        valid_until__lt=today + datetime.timedelta(days=days)
    ).order_by("valid_until", "pk")


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
    post_pk = getattr(post, "pk", post)
    return disposal_cards(scope=scope, posts=[post_pk]).get(post_pk)


#: Risk events read per post for its card.
CARD_EVENTS = 50


def disposal_cards(
    *, scope: Scope, posts: list[Unit | int]
) -> dict[int, dict[str, Any]]:
    """The cards of several posts (``disposal_card`` each), keyed by post id;
    posts out of scope are absent. A fixed number of queries whatever the
    number of posts (at most 100 posts are read)."""
    from core.risks.models import ControlMeasure, RiskEvent

    pks = [getattr(post, "pk", post) for post in posts][:100]
    units = list(
        scope.filter(Unit.objects.filter(kind=Unit.Kind.POST))
        .select_related("enterprise")
        .filter(pk__in=pks)
        .order_by("pk")
    )
    if not units:
        return {}
    contents = {
        content.post_id: content
        for content in PostEmergencyContent.objects.select_related(
            "plan__current_version"
        ).filter(post__in=units)
    }
    unit_ids = {unit.pk for unit in units}
    enterprise_ids = {unit.enterprise_id for unit in units}
    all_events = list(
        RiskEvent.objects.filter(
            Q(risk_point__responsible_unit__in=unit_ids)
            | Q(risk_point__unit__in=unit_ids),
            is_active=True,
            risk_point__enterprise_id__in=enterprise_ids,
        )
        .select_related("risk_point", "latest_assessment")
        .prefetch_related("accident_types")
        .order_by("risk_point_id", "order", "pk")[: CARD_EVENTS * len(units)]
    )
    events_of: dict[int, list[Any]] = {pk: [] for pk in unit_ids}
    for event in all_events:
        point = event.risk_point
        for unit_id in unit_ids & {point.responsible_unit_id, point.unit_id}:
            if len(events_of[unit_id]) < CARD_EVENTS:
                events_of[unit_id].append(event)
    event_ids = [e.pk for e in all_events]
    by_event: dict[int, list[str]] = {}
    for measure in ControlMeasure.objects.filter(
        event__in=event_ids, kind=ControlMeasure.Kind.EMERGENCY, is_active=True
    ).order_by("event_id", "order", "pk"):
        by_event.setdefault(measure.event_id, []).append(measure.description)
    plans_of_event: dict[int, list[EmergencyPlan]] = {}
    covering = EmergencyPlan.risk_events.through.objects.filter(
        riskevent_id__in=event_ids,
        emergencyplan__kind=PlanKind.ON_SITE,
        emergencyplan__enterprise_id__in=enterprise_ids,
    ).select_related("emergencyplan__current_version")
    for link in covering.order_by("emergencyplan_id"):
        plans_of_event.setdefault(link.riskevent_id, []).append(link.emergencyplan)
    supplies = dict(
        RescueTeam.objects.filter(enterprise_id__in=enterprise_ids)
        .order_by("-pk")
        .values_list("enterprise_id", "supplies_location")
    )
    cards = {}
    for unit in units:
        content = contents.get(unit.pk)
        events = events_of[unit.pk]
        plans: dict[int, EmergencyPlan] = {}
        for event in events:
            for plan in plans_of_event.get(event.pk, []):
                plans.setdefault(plan.pk, plan)
        ordered = [plans[pk] for pk in sorted(plans)]
        if content and content.plan and content.plan.pk not in plans:
            ordered.insert(0, content.plan)
        cards[unit.pk] = _card(unit, content, events, by_event, ordered, supplies)
    return cards


def _card(unit, content, events, by_event, plans, supplies) -> dict[str, Any]:
    return {
        "enterprise": unit.enterprise.name,
        "post": {"id": unit.pk, "name": unit.name},
        "scenario": content.scenario if content else "",
        "first_actions": list(content.first_actions) if content else [],
        "reporting_path": content.reporting_path if content else "",
        "cautions": content.cautions if content else "",
        "contacts": list(content.contacts) if content else [],
        "supplies_location": supplies.get(unit.enterprise_id, ""),
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
    requirements = _in_scope(scope, TrainingRequirement, enterprise, "post")
    # One enterprise is read whole; across enterprises the read is capped
    # (the reminder job loops per enterprise).
    capped = enterprise is None
    by_post: dict[int, list[TrainingRequirement]] = {}
    for req in requirements[:2000] if capped else requirements:
        by_post.setdefault(req.post_id, []).append(req)
    if not by_post:
        return []
    holders = (
        scope.people()
        .filter(posts__in=list(by_post))
        .values_list("pk", "name", "posts", "user_id")
    )
    if enterprise is not None:
        holders = holders.filter(enterprise_id=enterprise)
    people = [
        (pk, name, post, user)
        for pk, name, post, user in (holders[:5000] if capped else holders)
    ]
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
    *,
    scope: Scope,
    today: datetime.date | None = None,
    enterprise: int | None = None,
) -> QuerySet[WorkplaceTest]:
    """Each enterprise's latest workplace test whose next test is overdue."""
    today = today or timezone.localdate()
    newer = WorkplaceTest.objects.filter(
        enterprise=OuterRef("enterprise"), tested_on__gt=OuterRef("tested_on")
    )
    tests = _in_scope(scope, WorkplaceTest, enterprise, "enterprise")
    return (
        tests.filter(next_due__lt=today)
        .filter(~Exists(newer))
        .order_by("next_due", "pk")
    )


# -- lists for the API --------------------------------------------------------------------


def drill_list(*, scope: Scope, enterprise: int | None = None) -> QuerySet[Drill]:
    """The drills in scope, newest first."""
    drills = _in_scope(scope, Drill, enterprise, "enterprise", "plan", "planned")
    return drills.order_by("-pk")


def training_session_list(
    *, scope: Scope, enterprise: int | None = None
) -> QuerySet[TrainingSession]:
    """The training sessions in scope, newest first."""
    sessions = _in_scope(
        scope, TrainingSession, enterprise, "enterprise", "requirement"
    )
    return sessions.order_by("-pk")


def attendance_list(
    *, scope: Scope, enterprise: int | None = None, person: int | None = None
) -> QuerySet[TrainingAttendance]:
    """Training records (one person at one session) of the people in scope:
    a staff member only their own."""
    records = TrainingAttendance.objects.filter(
        person__in=scope.people().values("pk")
    ).select_related("person", "session")
    if enterprise is not None:
        records = records.filter(session__enterprise_id=enterprise)
    if person is not None:
        records = records.filter(person_id=person)
    return records.order_by("-pk")


def workplace_test_list(
    *, scope: Scope, enterprise: int | None = None
) -> QuerySet[WorkplaceTest]:
    """The workplace hazard-factor tests in scope, newest first."""
    tests = _in_scope(scope, WorkplaceTest, enterprise, "enterprise")
    return tests.order_by("-pk")
