"""Writes of the drill plan and the drills held."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Problems
from core.emergency.models import (
    Drill,
    DrillPlanItem,
    EmergencyPlan,
)
from core.emergency.services.base import SHORT_MAX, TEXT_MAX, _refuse_unless_writer
from core.organizations.models import Enterprise, Person


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
