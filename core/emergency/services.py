"""Writes of the emergency records.

Each service takes the acting user as the keyword-only ``actor``, checks the
scope inside (``core.emergency.policy``), runs in one transaction and raises
``Refused`` (403) or ``Invalid`` (400, messages by field) with nothing changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Invalid, Problems, Refused
from core.emergency import policy
from core.emergency.models import (
    Drill,
    DrillPlanItem,
    EmergencyPlan,
    FilingStatus,
    OccupationalExposure,
    OccupationalFactor,
    PlanFiling,
    PlanKind,
    PlanVersion,
    PostEmergencyContent,
    ReadSignature,
    RescueAgreement,
    RescueTeam,
    RescueTeamKind,
    RescueTeamMember,
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
    WorkplaceTest,
    WorkplaceTestResult,
)
from core.organizations.models import Department, Enterprise, Person, Unit
from core.organizations.scope import scope_for

TEXT_MAX = 20000
SHORT_MAX = 200


def _refuse_unless_writer(actor, enterprise: Enterprise | int) -> None:
    if not policy.can_write(scope_for(actor), enterprise):
        raise Refused(_("Only the enterprise's safety manager records this."))


# -- plans ------------------------------------------------------------------------------


def _events(enterprise: Enterprise, events: Iterable[Any], problems: Problems):
    from core.risks.models import RiskEvent

    ids = {getattr(event, "pk", event) for event in events}
    found = list(
        RiskEvent.objects.filter(pk__in=ids, risk_point__enterprise=enterprise)
    )
    if len(found) != len(ids):
        problems.add("risk_events", _("Choose risk events of this enterprise."))
    return found


@transaction.atomic
def plan_create(
    *,
    actor,
    enterprise: Enterprise,
    kind: str,
    title: str,
    content: str,
    risk_events: Iterable[Any] = (),
    approved_on: datetime.date | str | None = None,
    approved_by: str = "",
) -> EmergencyPlan:
    """Create a plan with its first version."""
    _refuse_unless_writer(actor, enterprise)
    problems = Problems()
    if kind not in PlanKind.values:
        problems.add("kind", _("Choose one of the offered values."))
    title = problems.text(title, "title", limit=SHORT_MAX, required=True)
    content = problems.text(content, "content", limit=TEXT_MAX, required=True)
    approved = problems.date(approved_on, "approved_on")
    approved_by = problems.text(approved_by, "approved_by", limit=100)
    events = _events(enterprise, risk_events, problems)
    problems.raise_any()
    plan = EmergencyPlan.objects.create(enterprise=enterprise, kind=kind, title=title)
    plan.risk_events.set(events)
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        content=content,
        approved_on=approved,
        approved_by=approved_by,
        created_by=actor,
    )
    plan.current_version = version
    plan.save(update_fields=["current_version"])
    return plan


@transaction.atomic
def plan_revise(
    *,
    actor,
    plan: EmergencyPlan,
    content: str,
    change_note: str = "",
    approved_on: datetime.date | str | None = None,
    approved_by: str = "",
    risk_events: Iterable[Any] | None = None,
) -> PlanVersion:
    """Add a new version of ``plan``; earlier versions stay as they were."""
    _refuse_unless_writer(actor, plan.enterprise_id)
    plan = EmergencyPlan.objects.select_for_update().get(pk=plan.pk)
    problems = Problems()
    content = problems.text(content, "content", limit=TEXT_MAX, required=True)
    change_note = problems.text(change_note, "change_note", limit=300)
    approved = problems.date(approved_on, "approved_on")
    approved_by = problems.text(approved_by, "approved_by", limit=100)
    events = None
    if risk_events is not None:
        events = _events(plan.enterprise, risk_events, problems)
    problems.raise_any()
    last = plan.versions.order_by("-number").values_list("number", flat=True).first()
    version = PlanVersion.objects.create(
        plan=plan,
        number=(last or 0) + 1,
        content=content,
        change_note=change_note,
        approved_on=approved,
        approved_by=approved_by,
        created_by=actor,
    )
    plan.current_version = version
    plan.save(update_fields=["current_version"])
    if events is not None:
        plan.risk_events.set(events)
    return version


@transaction.atomic
def plan_file(
    *, actor, version: PlanVersion, department: Department | int
) -> PlanFiling:
    """File (备案) an approved plan version with a department."""
    plan = version.plan
    _refuse_unless_writer(actor, plan.enterprise_id)
    dept_id: int = department if isinstance(department, int) else department.pk
    if not policy.filing_departments(plan.enterprise).filter(pk=dept_id).exists():
        raise Invalid.at(
            ("department",),
            _("Choose a department that supervises this enterprise."),
        )
    if version.approved_on is None:
        raise Invalid.at(("approved_on",), _("Only an approved version can be filed."))
    # Locked: a double submit waits here, then finds the filing made.
    list(
        type(version)
        .objects.select_for_update()
        .filter(pk=version.pk)
        .values_list("pk", flat=True)
    )
    if PlanFiling.objects.filter(version=version, department_id=dept_id).exists():
        raise Invalid.at(
            ("department",), _("This version is already filed with this department.")
        )
    return PlanFiling.objects.create(
        version=version,
        enterprise_id=plan.enterprise_id,
        department_id=dept_id,
        filed_by=actor,
    )


@transaction.atomic
def filing_review(
    *, actor, filing: PlanFiling, decision: str, comment: str = ""
) -> PlanFiling:
    """The department accepts a filing or returns it with comments."""
    filing = PlanFiling.objects.select_for_update().get(pk=filing.pk)
    if not policy.can_review_filing(scope_for(actor), filing):
        raise Refused(_("Only the department the plan was filed with reviews it."))
    problems = Problems()
    if decision not in (FilingStatus.ON_FILE, FilingStatus.SENT_BACK):
        problems.add("decision", _("Choose one of the offered values."))
    comment = problems.text(comment, "comment", limit=2000)
    if decision == FilingStatus.SENT_BACK and not comment:
        problems.add(
            "comment", _("Say what must change when returning it."), "required"
        )
    if filing.status != FilingStatus.UNDER_REVIEW:
        problems.add("decision", _("This filing has already been reviewed."), "state")
    problems.raise_any()
    filing.status = decision
    filing.comment = comment
    filing.reviewed_by = actor
    filing.reviewed_at = timezone.now()
    filing.save(update_fields=["status", "comment", "reviewed_by", "reviewed_at"])
    return filing


# -- rescue capability --------------------------------------------------------------------


@transaction.atomic
def rescue_team_save(
    *,
    actor,
    enterprise: Enterprise,
    name: str,
    kind: str,
    members: Sequence[tuple[Person | int, str]] = (),
    equipment: str = "",
    supplies_location: str = "",
    team: RescueTeam | None = None,
) -> RescueTeam:
    """Create or update the enterprise's rescue team and its members
    (``(person, duty)`` pairs: the list replaces the previous one)."""
    _refuse_unless_writer(actor, enterprise)
    if team is not None and team.enterprise_id != enterprise.pk:
        raise Refused(_("Only the enterprise's safety manager records this."))
    problems = Problems()
    name = problems.text(name, "name", limit=100, required=True)
    if kind not in RescueTeamKind.values:
        problems.add("kind", _("Choose one of the offered values."))
    equipment = problems.text(equipment, "equipment", limit=TEXT_MAX)
    supplies_location = problems.text(
        supplies_location, "supplies_location", limit=SHORT_MAX
    )
    person_ids: list[int] = [p if isinstance(p, int) else p.pk for p, _duty in members]
    found = set(
        Person.objects.filter(pk__in=person_ids, enterprise=enterprise).values_list(
            "pk", flat=True
        )
    )
    if found != set(person_ids) or len(set(person_ids)) != len(person_ids):
        problems.add("members", _("Choose each person of this enterprise once."))
    problems.raise_any()
    if team is None:
        team = RescueTeam(enterprise=enterprise)
    team.name, team.kind = name, kind
    team.equipment, team.supplies_location = equipment, supplies_location
    team.save()
    team.members.all().delete()
    RescueTeamMember.objects.bulk_create(
        RescueTeamMember(team=team, person_id=pid, duty=str(duty)[:100])
        for pid, (_p, duty) in zip(person_ids, members, strict=True)
    )
    return team


@transaction.atomic
def rescue_agreement_save(
    *,
    actor,
    enterprise: Enterprise,
    party: str,
    valid_from: datetime.date | str,
    valid_until: datetime.date | str,
    contact: str = "",
    agreement: RescueAgreement | None = None,
) -> RescueAgreement:
    """Record (or renew) a rescue agreement with a professional team."""
    _refuse_unless_writer(actor, enterprise)
    if agreement is not None and agreement.enterprise_id != enterprise.pk:
        raise Refused(_("Only the enterprise's safety manager records this."))
    problems = Problems()
    party = problems.text(party, "party", limit=SHORT_MAX, required=True)
    contact = problems.text(contact, "contact", limit=100)
    start = problems.date(valid_from, "valid_from", required=True)
    end = problems.date(valid_until, "valid_until", required=True)
    if start and end and end < start:
        problems.add("valid_until", _("The end must not be before the start."))
    problems.raise_any()
    if agreement is None:
        agreement = RescueAgreement(enterprise=enterprise)
    agreement.party, agreement.contact = party, contact
    assert start is not None and end is not None  # required: checked above
    agreement.valid_from, agreement.valid_until = start, end
    agreement.save()
    return agreement


# -- the emergency content of a post ----------------------------------------------------


def _rows(
    value: Any, field: str, keys: tuple[str, ...], problems: Problems
) -> list[dict[str, str]]:
    if not isinstance(value, list | tuple):
        problems.add(field, _("Give a list."))
        return []
    rows = []
    for row in value:
        if not isinstance(row, dict) or not str(row.get(keys[0], "")).strip():
            problems.add(field, _("Each entry needs its %(key)s.") % {"key": keys[0]})
            return []
        rows.append({key: str(row.get(key, "")).strip()[:SHORT_MAX] for key in keys})
    if len(rows) > 30:
        problems.add(field, _("At most %(n)d entries.") % {"n": 30})
    return rows


@transaction.atomic
def post_content_save(
    *,
    actor,
    post: Unit,
    scenario: str,
    first_actions: Any = (),
    reporting_path: str = "",
    cautions: str = "",
    contacts: Any = (),
    escape_route: str = "",
    assembly_point: str = "",
    plan: EmergencyPlan | None = None,
) -> PostEmergencyContent:
    """Write the emergency disposal content of a post (one per post)."""
    _refuse_unless_writer(actor, post.enterprise_id)
    problems = Problems()
    if post.kind != Unit.Kind.POST:
        problems.add("post", _("Choose a post."))
    if plan is not None and plan.enterprise_id != post.enterprise_id:
        problems.add("plan", _("Choose a plan of this enterprise."))
    values = {
        "scenario": problems.text(scenario, "scenario", limit=300, required=True),
        "first_actions": _rows(
            list(first_actions), "first_actions", ("action", "responsible"), problems
        ),
        "reporting_path": problems.text(reporting_path, "reporting_path", limit=2000),
        "cautions": problems.text(cautions, "cautions", limit=2000),
        "contacts": _rows(list(contacts), "contacts", ("name", "phone"), problems),
        "escape_route": problems.text(escape_route, "escape_route", limit=2000),
        "assembly_point": problems.text(
            assembly_point, "assembly_point", limit=SHORT_MAX
        ),
        "plan": plan,
    }
    problems.raise_any()
    content, _created = PostEmergencyContent.objects.update_or_create(
        post=post, defaults={"enterprise_id": post.enterprise_id, **values}
    )
    return content


# -- drills -----------------------------------------------------------------------------


def _plan_of(enterprise_id: int, plan: Any, problems: Problems):
    if plan in (None, ""):
        return None
    pk = getattr(plan, "pk", plan)
    found = EmergencyPlan.objects.filter(pk=pk, enterprise_id=enterprise_id).first()
    if found is None:
        problems.add("plan", _("Choose a plan of this enterprise."))
    return found


@transaction.atomic
def drill_plan_add(
    *,
    actor,
    enterprise: Enterprise,
    year: int,
    scenario: str,
    due_on: datetime.date | str,
    plan: EmergencyPlan | int | None = None,
) -> DrillPlanItem:
    """Add a drill to the enterprise's annual drill plan."""
    _refuse_unless_writer(actor, enterprise)
    problems = Problems()
    scenario = problems.text(scenario, "scenario", limit=SHORT_MAX, required=True)
    due = problems.date(due_on, "due_on", required=True)
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        problems.add("year", _("Enter a year between 2000 and 2100."))
    elif due and due.year != year:
        problems.add("due_on", _("The date must fall in the plan's year."))
    found = _plan_of(enterprise.pk, plan, problems)
    problems.raise_any()
    assert due is not None  # required: checked above
    return DrillPlanItem.objects.create(
        enterprise=enterprise, year=year, scenario=scenario, due_on=due, plan=found
    )


@transaction.atomic
def drill_record(
    *,
    actor,
    enterprise: Enterprise,
    held_on: datetime.date | str,
    scenario: str,
    participant_count: int | str,
    plan: EmergencyPlan | int | None = None,
    planned: DrillPlanItem | int | None = None,
    participants: Iterable[Person | int] = (),
    photos: Iterable[Any] = (),
    evaluation: str = "",
    improvements: str = "",
    today: datetime.date | None = None,
) -> Drill:
    """Record a drill held; photos are uploads of the enterprise
    (``core.forms.services.upload_store``: checked and re-encoded)."""
    from core.hazards.services import _photos

    _refuse_unless_writer(actor, enterprise)
    today = today or timezone.localdate()
    problems = Problems()
    held = problems.date(held_on, "held_on", required=True)
    if held and held > today:
        problems.add("held_on", _("A drill is recorded once it has been held."))
    scenario = problems.text(scenario, "scenario", limit=SHORT_MAX, required=True)
    try:
        count = int(participant_count)
        if count < 1 or count > 100000:
            raise ValueError
    except (TypeError, ValueError):
        problems.add("participant_count", _("Enter a whole number from 1."))
        count = 0
    found_plan = _plan_of(enterprise.pk, plan, problems)
    item = None
    if planned not in (None, ""):
        # Locked: a double submit waits here, then finds the drill recorded.
        item = (
            DrillPlanItem.objects.select_for_update()
            .filter(pk=getattr(planned, "pk", planned), enterprise=enterprise)
            .first()
        )
        if item is None:
            problems.add("planned", _("Choose a planned drill of this enterprise."))
        elif Drill.objects.filter(planned=item).exists():
            problems.add("planned", _("This planned drill has already been recorded."))
    person_ids = {p if isinstance(p, int) else p.pk for p in participants}
    people = list(Person.objects.filter(pk__in=person_ids, enterprise=enterprise))
    if len(people) != len(person_ids):
        problems.add("participants", _("Choose people of this enterprise."))
    uploads = _photos(photos, enterprise.pk, problems, "photos")
    evaluation = problems.text(evaluation, "evaluation", limit=TEXT_MAX)
    improvements = problems.text(improvements, "improvements", limit=TEXT_MAX)
    problems.raise_any()
    assert held is not None  # required: checked above
    drill = Drill.objects.create(
        enterprise=enterprise,
        planned=item,
        held_on=held,
        scenario=scenario,
        plan=found_plan,
        participant_count=count,
        evaluation=evaluation,
        improvements=improvements,
        recorded_by=actor,
    )
    drill.participants.set(people)
    drill.photos.set(uploads)
    return drill


@transaction.atomic
def drill_open_hazard(*, actor, drill: Drill, description: str, location: str = ""):
    """An improvement found by a drill becomes a hidden hazard, through the
    hazards' own service (its checks and its closed loop)."""
    from core.hazards.services import hazard_report

    _refuse_unless_writer(actor, drill.enterprise_id)
    hazard = hazard_report(
        actor=actor,
        enterprise=drill.enterprise,
        description=description,
        location=location,
        how_found="other",
    )
    drill.hazards.add(hazard)
    return hazard


# -- training ---------------------------------------------------------------------------


@transaction.atomic
def training_requirement_add(
    *,
    actor,
    post: Unit,
    topic: str,
    is_certificate: bool = False,
    valid_months: int | None = None,
) -> TrainingRequirement:
    """Say that ``post`` requires a training (once, or renewed every
    ``valid_months``)."""
    _refuse_unless_writer(actor, post.enterprise_id)
    problems = Problems()
    if post.kind != Unit.Kind.POST:
        problems.add("post", _("Choose a post."))
    topic = problems.text(topic, "topic", limit=SHORT_MAX, required=True)
    if valid_months is not None and not 1 <= int(valid_months) <= 240:
        problems.add("valid_months", _("Enter a number of months from 1 to 240."))
    if TrainingRequirement.objects.filter(post=post, topic=topic).exists():
        problems.add("topic", _("This post already requires this training."))
    problems.raise_any()
    return TrainingRequirement.objects.create(
        enterprise_id=post.enterprise_id,
        post=post,
        topic=topic,
        is_certificate=bool(is_certificate),
        valid_months=valid_months,
    )


@transaction.atomic
def training_session_save(
    *,
    actor,
    enterprise: Enterprise,
    topic: str,
    trainer: str = "",
    hours: Any = 0,
    planned_on: datetime.date | str | None = None,
    held_on: datetime.date | str | None = None,
    requirement: TrainingRequirement | int | None = None,
    session: TrainingSession | None = None,
) -> TrainingSession:
    """Plan a training session, or record it as held."""
    from decimal import Decimal, InvalidOperation

    _refuse_unless_writer(actor, enterprise)
    if session is not None and session.enterprise_id != enterprise.pk:
        raise Refused(_("Only the enterprise's safety manager records this."))
    problems = Problems()
    topic = problems.text(topic, "topic", limit=SHORT_MAX, required=True)
    trainer = problems.text(trainer, "trainer", limit=100)
    planned = problems.date(planned_on, "planned_on")
    held = problems.date(held_on, "held_on")
    if planned is None and held is None:
        problems.add("planned_on", _("Give the planned date or the date held."))
    try:
        amount = Decimal(str(hours or 0))
        if not Decimal(0) <= amount <= Decimal(1000):
            raise InvalidOperation
    except InvalidOperation:
        problems.add("hours", _("Enter a number of hours from 0 to 1000."))
        amount = Decimal(0)
    req = None
    if requirement not in (None, ""):
        req = TrainingRequirement.objects.filter(
            pk=getattr(requirement, "pk", requirement), enterprise=enterprise
        ).first()
        if req is None:
            problems.add(
                "requirement", _("Choose a required training of this enterprise.")
            )
    problems.raise_any()
    if session is None:
        session = TrainingSession(enterprise=enterprise)
    session.topic, session.trainer, session.hours = topic, trainer, amount
    session.planned_on, session.held_on, session.requirement = planned, held, req
    session.save()
    return session


@transaction.atomic
def training_attendance_record(
    *,
    actor,
    session: TrainingSession,
    person: Person,
    passed: bool | None = None,
    score: Any = None,
    certificate_number: str = "",
    valid_until: datetime.date | str | None = None,
) -> TrainingAttendance:
    """Record that ``person`` attended a held session, with the assessment."""
    _refuse_unless_writer(actor, session.enterprise_id)
    problems = Problems()
    if session.held_on is None:
        problems.add("session", _("Record attendance once the session is held."))
    if person.enterprise_id != session.enterprise_id:
        problems.add("person", _("Choose a person of this enterprise."))
    until = problems.date(valid_until, "valid_until")
    req = session.requirement
    if until is None and req is not None and req.valid_months and session.held_on:
        until = _add_months(session.held_on, req.valid_months)
    number = problems.text(certificate_number, "certificate_number", limit=60)
    problems.raise_any()
    attendance, _created = TrainingAttendance.objects.update_or_create(
        session=session,
        person=person,
        defaults={
            "passed": passed,
            "score": score,
            "certificate_number": number,
            "valid_until": until,
        },
    )
    return attendance


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


# -- occupational hazards -------------------------------------------------------------------


@transaction.atomic
def exposure_add(
    *,
    actor,
    post: Unit,
    factor: str,
    agent: str = "",
    warning_signs: str = "",
    needs_notification_card: bool = True,
) -> OccupationalExposure:
    """Record that ``post`` is exposed to an occupational hazard factor."""
    _refuse_unless_writer(actor, post.enterprise_id)
    problems = Problems()
    if post.kind != Unit.Kind.POST:
        problems.add("post", _("Choose a post."))
    if factor not in OccupationalFactor.values:
        problems.add("factor", _("Choose one of the offered values."))
    agent = problems.text(agent, "agent", limit=100)
    warning_signs = problems.text(warning_signs, "warning_signs", limit=300)
    problems.raise_any()
    return OccupationalExposure.objects.create(
        enterprise_id=post.enterprise_id,
        post=post,
        factor=factor,
        agent=agent,
        warning_signs=warning_signs,
        needs_notification_card=bool(needs_notification_card),
    )


@transaction.atomic
def workplace_test_record(
    *,
    actor,
    enterprise: Enterprise,
    tested_on: datetime.date | str,
    next_due: datetime.date | str,
    results: Sequence[dict[str, Any]],
    agency: str = "",
) -> WorkplaceTest:
    """Record a workplace hazard-factor test with a result per exposure
    (``{"exposure", "measured", "limit", "compliant"}``)."""
    _refuse_unless_writer(actor, enterprise)
    problems = Problems()
    tested = problems.date(tested_on, "tested_on", required=True)
    due = problems.date(next_due, "next_due", required=True)
    if tested and due and due <= tested:
        problems.add("next_due", _("The next test must come after this one."))
    agency = problems.text(agency, "agency", limit=SHORT_MAX)

    def exposure_id(row: Any) -> int:
        value = row.get("exposure") if isinstance(row, dict) else None
        value = getattr(value, "pk", value)
        return value if isinstance(value, int) else 0

    exposures = {
        e.pk: e
        for e in OccupationalExposure.objects.filter(
            pk__in=[exposure_id(row) for row in results], enterprise=enterprise
        )
    }
    rows = []
    for row in results:
        exposure = exposures.get(exposure_id(row))
        measured = str(row.get("measured", "")).strip()[:60]
        if (
            exposure is None
            or not measured
            or not isinstance(row.get("compliant"), bool)
        ):
            problems.add(
                "results",
                _(
                    "Each result needs an exposure of this enterprise, a value and whether it is within the limit."
                ),
            )
            break
        rows.append(
            (
                exposure,
                measured,
                str(row.get("limit", "")).strip()[:60],
                row["compliant"],
            )
        )
    if not results:
        problems.add("results", _("Give at least one result."), "required")
    problems.raise_any()
    assert tested is not None and due is not None  # required: checked above
    test = WorkplaceTest.objects.create(
        enterprise=enterprise, tested_on=tested, next_due=due, agency=agency
    )
    WorkplaceTestResult.objects.bulk_create(
        WorkplaceTestResult(
            test=test, exposure=exposure, measured=measured, limit=limit, compliant=ok
        )
        for exposure, measured, limit, ok in rows
    )
    return test


# -- a worker signs what they have read --------------------------------------------------

#: What a worker signs for.
READ_CARD = "card"
READ_TRAINING = "training"


@transaction.atomic
def read_sign(*, actor, post: Unit | int, what: str = READ_CARD) -> ReadSignature:
    """The actor signs that they have read their post's emergency content (or
    their training record). Only a holder of the post signs, for themselves;
    signing again the same version changes nothing."""
    scope = scope_for(actor)
    post_pk = post if isinstance(post, int) else post.pk
    person = Person.objects.filter(user=actor).first()
    if (
        person is None
        or not scope.is_enterprise
        or not person.posts.filter(pk=post_pk).exists()
    ):
        raise Refused(_("Only a worker of this post signs for it."))
    if what not in (READ_CARD, READ_TRAINING):
        raise Invalid.at(("what",), _("Choose one of the offered values."))
    if what == READ_CARD:
        content = PostEmergencyContent.objects.filter(post_id=post_pk).first()
        if content is None:
            raise Invalid.at(("post",), _("This post has no emergency content yet."))
        version = content.updated_at.isoformat()
    else:
        latest = (
            TrainingAttendance.objects.filter(person=person)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        version = str(latest or 0)
    signature, _created = ReadSignature.objects.get_or_create(
        person=person, post_id=post_pk, what=what, version=version
    )
    return signature
