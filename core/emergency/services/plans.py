"""Writes of emergency plans: create, a new version, filing and its review."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Invalid, Problems, Refused
from core.emergency import policy
from core.emergency.models import (
    EmergencyPlan,
    FilingStatus,
    PlanFiling,
    PlanKind,
    PlanVersion,
)
from core.emergency.services.base import SHORT_MAX, TEXT_MAX, _refuse_unless_writer
from core.organizations.models import Department, Enterprise
from core.organizations.scope import scope_for


def _events(enterprise: Enterprise, events: Iterable[Any], problems: Problems):
    from core.risks.models import RiskEvent

    ids = {getattr(event, "pk", event) for event in events}
    found = list(
        RiskEvent.objects.filter(pk__in=ids, risk_point__enterprise=enterprise)
    )
    if len(found) != len(ids):
        problems.add("risk_events", _("Choose risk events of this enterprise."))
    return found


def _version_text(problems: Problems, content, approved_on, approved_by):
    """A version's content and approval, checked (what is wrong is noted on
    ``problems``), as the version's fields."""
    return {
        "content": problems.text(content, "content", limit=TEXT_MAX, required=True),
        "approved_on": problems.date(approved_on, "approved_on"),
        "approved_by": problems.text(approved_by, "approved_by", limit=100),
    }


def _add_version(plan: EmergencyPlan, **fields: Any) -> PlanVersion:
    """A new version of ``plan`` with ``fields``, made the plan's current one."""
    version = PlanVersion.objects.create(plan=plan, **fields)
    plan.current_version = version
    plan.save(update_fields=["current_version"])
    return version


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
    text = _version_text(problems, content, approved_on, approved_by)
    events = _events(enterprise, risk_events, problems)
    problems.raise_any()
    plan = EmergencyPlan.objects.create(enterprise=enterprise, kind=kind, title=title)
    plan.risk_events.set(events)
    _add_version(plan, number=1, created_by=actor, **text)
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
    text = _version_text(problems, content, approved_on, approved_by)
    change_note = problems.text(change_note, "change_note", limit=300)
    events = None
    if risk_events is not None:
        events = _events(plan.enterprise, risk_events, problems)
    problems.raise_any()
    last = plan.versions.order_by("-number").values_list("number", flat=True).first()
    version = _add_version(
        plan,
        number=(last or 0) + 1,
        change_note=change_note,
        created_by=actor,
        **text,
    )
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
