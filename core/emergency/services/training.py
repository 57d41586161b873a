"""Writes of training: requirements, sessions, attendance."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.base.errors import Problems
from core.emergency.models import (
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
)
from core.emergency.services.base import SHORT_MAX, _refuse_unless_writer
from core.organizations.models import Enterprise, Person, Unit


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

    _refuse_unless_writer(actor, enterprise, changing=session)
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
