"""Every step of the closed loop after the report (``hazard_transition``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.base.errors import Invalid, Problems, Refused
from core.forms.models import FormUpload
from core.hazards.machine import (
    STEPS_BY_ACTION,
    Step,
    refusal,
    state_problem,
)
from core.hazards.models import (
    Hazard,
    HazardTransition,
)
from core.hazards.services.effects import (
    _managers,
    report_major_hazard,
    risk_point_flag_for_hazard,
)
from core.hazards.services.report import CODE_SETS, TEXT_MAX, _photos, enabled_grades
from core.organizations.models import Person
from core.organizations.scope import scope_for

# -- the closed loop --------------------------------------------------------------------


def _step_data(
    step: Step, hazard: Hazard, data: Mapping[str, Any], problems: Problems
) -> dict[str, Any]:
    """The hazard fields ``step`` sets from ``data`` (checked)."""
    values: dict[str, Any] = {}
    for name in step.fields:
        if name not in data:
            continue
        raw = data[name]
        if name == "grade":
            values[name] = problems.choice(raw, enabled_grades(), name)
        elif name in ("how_found", "fix_mode", "hazard_type", "management_class"):
            values[name] = problems.choice(raw, CODE_SETS[name], name)
        elif name in ("deadline", "extension_until"):
            values[name] = problems.date(raw, name)
        elif name in ("responsible", "risk_point"):
            values[name] = _of_enterprise(name, raw, hazard, problems)
        elif name == "rectification_cost":
            values[name] = _money(raw, problems)
        else:
            values[name] = problems.text(raw, name, limit=TEXT_MAX)
    for name in step.required:
        if values.get(name) in (None, ""):
            problems.add(name, _("This field is required."), "required")
    today = timezone.localdate()
    if values.get("deadline") and values["deadline"] < today:
        problems.add("deadline", _("The deadline cannot be in the past."))
    wanted = values.get("extension_until")
    deadline = hazard.deadline
    if (
        step.action == "request_extension"
        and wanted
        and deadline
        and wanted <= deadline
    ):
        problems.add("extension_until", _("Ask for a date after the current deadline."))
    return {k: v for k, v in values.items() if v not in (None, "") or k == "risk_point"}


def _of_enterprise(name: str, raw: Any, hazard: Hazard, problems: Problems) -> Any:
    """The responsible person or the risk point ``raw`` names (an instance or
    its id); it must belong to the hazard's enterprise. Left empty: no person,
    and the hazard keeps its own risk point."""
    from core.risks.models import RiskPoint

    if raw in (None, ""):
        return hazard.risk_point if name == "risk_point" else None
    model: Any
    if name == "responsible":
        model, message = Person, _("Choose a person of this enterprise.")
    else:
        model, message = RiskPoint, _("Choose a risk point of this enterprise.")
    pk = raw.pk if isinstance(raw, model) else raw
    try:
        return model.objects.get(pk=int(pk), enterprise_id=hazard.enterprise_id)
    except (model.DoesNotExist, TypeError, ValueError):
        problems.add(name, message)
        return None


def _money(raw: Any, problems: Problems) -> Decimal | None:
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        problems.add("rectification_cost", _("Enter an amount in yuan."))
        return None
    if value < 0 or value >= Decimal("1e10") or not value.is_finite():
        problems.add("rectification_cost", _("Enter an amount in yuan."))
        return None
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def hazard_transition(
    *,
    actor,
    hazard: Hazard,
    action: str,
    comment: str = "",
    data: Mapping[str, Any] | None = None,
    evidence: Iterable[FormUpload] = (),
) -> Hazard:
    """Take the step ``action`` of ``hazard``'s closed loop (``machine.STEPS``).

    ``Refused`` when the actor may not take it, ``Invalid`` (at ``action``)
    when the hazard is not where the step starts, or at a field when the
    data is missing or wrong; nothing changes then. Each step is kept as a
    ``HazardTransition`` with the actor, the time, the comment and evidence.
    """
    data = data or {}
    hazard = (
        Hazard.objects.select_for_update(of=("self",))
        .select_related("responsible", "enterprise")
        .get(pk=hazard.pk)
    )
    scope = scope_for(actor)
    if not (
        scope.can_view_enterprise(hazard.enterprise_id)
        or scope.can_write_for_enterprise(hazard.enterprise_id)
    ):
        raise Refused(_("You may not act on this hazard."))
    step = STEPS_BY_ACTION.get(action)
    if step is None:
        raise Invalid.at(("action",), _("Unknown action."), "enum")
    why = refusal(scope, hazard, step)
    if why:
        raise Refused(why)
    problem = state_problem(scope, hazard, step)
    if problem:
        raise Invalid.at(("action",), problem, "state")
    problems = Problems()
    comment = problems.text(comment, "comment", limit=TEXT_MAX)
    if step.needs_comment and not comment:
        problems.add("comment", _("Give a reason."), "required")
    values = _step_data(step, hazard, data, problems)
    found = _photos(evidence, hazard.enterprise_id, problems, "evidence")
    if step.needs_evidence and not found:
        problems.add(
            "evidence", _("Attach at least one photo of the result."), "required"
        )
    problems.raise_any()

    from_status = hazard.status
    now = timezone.now()
    details = _apply(step, hazard, values, scope, actor, now)
    hazard.save()
    transition = HazardTransition.objects.create(
        hazard=hazard,
        action=step.action,
        from_status=from_status,
        to_status=hazard.status,
        actor=actor,
        at=now,
        comment=comment,
        details=details,
    )
    transition.evidence.set(found)
    _after(step, hazard, actor)
    return hazard


def _apply(step: Step, hazard: Hazard, values, scope, actor, now) -> dict[str, Any]:
    """Change ``hazard`` as ``step`` does; return what to keep in the history."""
    details: dict[str, Any] = {}
    for name, value in values.items():
        if name == "extension_until":
            continue
        old = getattr(hazard, name)
        if old != value:
            details[name] = _plain(value)
            setattr(hazard, name, value)
    if step.target is not None:
        hazard.status = step.target
    if step.action == "confirm":
        hazard.confirmed_at = now
    elif step.action == "submit":
        hazard.submitted_by = actor
    elif step.action == "accept":
        hazard.closed_at = now
    elif step.action == "reopen":
        hazard.closed_at = None
        hazard.escalation_level = 0
    elif step.action == "request_extension":
        hazard.extension_until = values["extension_until"]
        details["extension_until"] = _plain(hazard.extension_until)
    elif step.action == "approve_extension":
        details["deadline"] = _plain(hazard.extension_until)
        details["previous_deadline"] = _plain(hazard.deadline)
        hazard.deadline = hazard.extension_until
        hazard.extension_until = None
        hazard.escalation_level = 0
    elif step.action == "refuse_extension":
        details["refused_until"] = _plain(hazard.extension_until)
        hazard.extension_until = None
    elif step.action == "supervise":
        hazard.supervised = True
        hazard.supervising_department = scope.department
        details["supervising_department"] = scope.department.name
    return details


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


def _after(step: Step, hazard: Hazard, actor) -> None:
    """What a step sets off beyond the hazard: notices, the risk point's flag.
    Notices are stored as msgids with parameters, so each reader sees them
    in their own language."""
    from core.notifications.services import notify

    url = f"/portal/hazards/{hazard.pk}/"
    text = {"text": hazard.description[:80]}
    if step.action == "confirm":
        if hazard.risk_point_id is not None:
            risk_point_flag_for_hazard(hazard=hazard)
        if hazard.is_major:
            report_major_hazard(
                hazard=hazard,
                actor=actor,
                verb=gettext_noop("Major hazard confirmed at %(enterprise)s: %(text)s"),
            )
        responsible_user = hazard.responsible.user if hazard.responsible else None
        if responsible_user is not None and responsible_user != actor:
            notify(
                responsible_user,
                gettext_noop("A hazard was assigned to you: %(text)s"),
                hazard,
                url,
                actor=actor,
                params=text,
            )
    elif step.action == "submit":
        for user in _managers(hazard):
            notify(
                user,
                gettext_noop("A rectified hazard awaits acceptance: %(text)s"),
                hazard,
                url,
                actor=actor,
                params=text,
            )
