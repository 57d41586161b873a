"""Writes of hazards: the report, every step of the closed loop, and the
hazards a checklist submission opens.

Each service takes the acting user as the keyword-only ``actor``, checks
inside (``core.hazards.machine`` with the one scope), runs in one
transaction, and raises ``Refused`` (403) or ``Invalid`` (400, messages by
field) with nothing changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
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
    FixMode,
    Hazard,
    HazardGrade,
    HazardTransition,
    HazardType,
    HowFound,
    ManagementClass,
)
from core.organizations.models import Department, Enterprise, Person, Role
from core.organizations.scope import scope_for
from plugins.reference.hazard_codes import THIRD_TIER
from plugins.vocabularies import RISK_LEVELS

MAX_PHOTOS = 9
CODE_SETS: dict[str, list[str]] = {
    "how_found": HowFound.values,
    "fix_mode": FixMode.values,
    "hazard_type": HazardType.values,
    "management_class": ManagementClass.values,
}
TEXT_MAX = 2000


def enabled_grades() -> list[str]:
    """The hazard grades in use: 一般 and 重大, and the third tier if configured."""
    from django.conf import settings

    third = getattr(settings, "SAFEGRID_HAZARD_THIRD_TIER", False)
    return [g for g in HazardGrade.values if third or g != THIRD_TIER]


def _photos(
    uploads: Iterable[FormUpload], enterprise_id: int, problems: Problems, field: str
) -> list[FormUpload]:
    found = list(uploads)
    if len(found) > MAX_PHOTOS:
        problems.add(field, _("At most %(n)d photos.") % {"n": MAX_PHOTOS})
    for upload in found:
        if upload.enterprise_id != enterprise_id or not upload.content_type.startswith(
            "image/"
        ):
            problems.add(field, _("Only photos of this enterprise can be attached."))
            break
    return found


# -- reporting --------------------------------------------------------------------------


@transaction.atomic
def hazard_report(
    *,
    actor,
    enterprise: Enterprise,
    description: str,
    location: str = "",
    risk_point=None,
    grade: str = HazardGrade.GENERAL,
    hazard_type: str = HazardType.SAFETY,
    how_found: str = HowFound.ROUTINE,
    management_class: str = ManagementClass.UNSAFE_CONDITION,
    fix_mode: str = FixMode.BY_DEADLINE,
    deadline: datetime.date | str | None = None,
    photos: Iterable[FormUpload] = (),
) -> Hazard:
    """Report a hazard at ``enterprise``: anyone of the enterprise, staff too.

    The grade and deadline are the reporter's suggestion; the safety manager
    sets them when confirming.
    """
    scope = scope_for(actor)
    if not scope.can_write_for_enterprise(enterprise.pk):
        if scope.is_government:
            raise Refused(
                _("Government users do not report an enterprise's own hazards.")
            )
        raise Refused(_("You may not report hazards for this enterprise."))
    problems = Problems()
    description = problems.text(description, "description", limit=TEXT_MAX)
    if not description:
        problems.add("description", _("Describe the hazard."), "required")
    location = problems.text(location, "location", limit=TEXT_MAX)[:200]
    if risk_point is not None and risk_point.enterprise_id != enterprise.pk:
        problems.add("risk_point", _("Choose a risk point of this enterprise."))
    fields = {
        "grade": problems.choice(grade, enabled_grades(), "grade"),
        "hazard_type": problems.choice(hazard_type, HazardType.values, "hazard_type"),
        "how_found": problems.choice(how_found, HowFound.values, "how_found"),
        "management_class": problems.choice(
            management_class, ManagementClass.values, "management_class"
        ),
        "fix_mode": problems.choice(fix_mode, FixMode.values, "fix_mode"),
    }
    deadline = problems.date(deadline, "deadline")
    found = _photos(photos, enterprise.pk, problems, "photos")
    problems.raise_any()
    hazard = Hazard.objects.create(
        enterprise=enterprise,
        risk_point=risk_point,
        description=description,
        location=location,
        deadline=deadline,
        reported_by=actor,
        **{name: value for name, value in fields.items() if value},
    )
    hazard.photos.set(found)
    HazardTransition.objects.create(
        hazard=hazard, action="report", to_status=hazard.status, actor=actor
    )
    return hazard


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
        elif name == "responsible":
            values[name] = _person(raw, hazard, problems)
        elif name == "risk_point":
            values[name] = _risk_point(raw, hazard, problems)
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


def _person(raw: Any, hazard: Hazard, problems: Problems) -> Person | None:
    if raw in (None, ""):
        return None
    pk = raw.pk if isinstance(raw, Person) else raw
    try:
        return Person.objects.get(pk=int(pk), enterprise_id=hazard.enterprise_id)
    except (Person.DoesNotExist, TypeError, ValueError):
        problems.add("responsible", _("Choose a person of this enterprise."))
        return None


def _risk_point(raw: Any, hazard: Hazard, problems: Problems):
    from core.risks.models import RiskPoint

    if raw in (None, ""):
        return hazard.risk_point
    pk = raw.pk if isinstance(raw, RiskPoint) else raw
    try:
        return RiskPoint.objects.get(pk=int(pk), enterprise_id=hazard.enterprise_id)
    except (RiskPoint.DoesNotExist, TypeError, ValueError):
        problems.add("risk_point", _("Choose a risk point of this enterprise."))
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


def report_major_hazard(*, hazard: Hazard, actor, verb: str) -> None:
    """Tell the enterprise's industry departments and territorial offices of
    a major hazard at once (``verb``: a msgid with ``%(enterprise)s`` and
    ``%(text)s``)."""
    from core.notifications.services import notify

    for user in supervisors_of(hazard.enterprise):
        notify(
            user,
            verb,
            hazard,
            f"/admin/hazards/inspect/{hazard.pk}/",
            actor=actor,
            params={
                "enterprise": hazard.enterprise.name,
                "text": hazard.description[:80],
            },
        )


def _managers(hazard: Hazard):
    return get_user_model().objects.filter(
        membership__enterprise_id=hazard.enterprise_id,
        membership__role=Role.ENTERPRISE_MANAGER,
        is_active=True,
    )


def supervisors_of(enterprise: Enterprise):
    """The users of the enterprise's industry departments and territorial offices."""
    industry_ids = enterprise.industries.values("pk")
    departments = Department.objects.filter(
        Q(kind=Department.Kind.INDUSTRY, industries__in=industry_ids)
    ).values("pk")
    offices: list[int] = []
    if enterprise.jurisdiction_id is not None:
        path = enterprise.jurisdiction.path
        ancestors = [path[:i] for i in range(len(path), 0, -4)]
        offices = list(
            Department.objects.filter(
                kind=Department.Kind.TERRITORIAL, jurisdiction__path__in=ancestors
            ).values_list("pk", flat=True)
        )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(
                membership__role=Role.INDUSTRY_DEPARTMENT,
                membership__department__in=departments,
            )
            | Q(
                membership__role=Role.TERRITORIAL_OFFICE,
                membership__department__in=offices,
            )
        )
        .distinct()
        .order_by("pk")
    )


def risk_point_flag_for_hazard(*, hazard: Hazard) -> None:
    """Dynamic risk: a confirmed hazard on a risk point flags it for
    re-assessment; a major one raises its displayed level to 重大, and
    repeated hazards — ``SAFEGRID_HAZARD_REPEAT_COUNT`` confirmed on the point
    within ``SAFEGRID_HAZARD_REPEAT_WINDOW_DAYS`` — raise it one level, until
    the point is assessed again (``risk_point_refresh_level`` recomputes the
    level from the assessments and clears the flag). Saved through the model,
    so the point's history (the audit log) records the change; the flag's
    method names the hazard (``hazard:<id>``, with ``:repeat`` when repeated
    hazards raised the level), so the point's page says why. A point already
    raised for repeated hazards is not raised again before it is re-assessed.
    """
    from core.risks.models import RiskLevel, RiskPoint

    point = RiskPoint.objects.select_for_update().get(pk=int(hazard.risk_point_id or 0))
    already_repeated = point.reassess_since is not None and (
        point.reassess_method.endswith(":repeat")
    )
    since = timezone.now() - datetime.timedelta(
        days=settings.SAFEGRID_HAZARD_REPEAT_WINDOW_DAYS
    )
    repeated = (
        Hazard.objects.filter(risk_point_id=point.pk, confirmed_at__gte=since)
        .exclude(pk=hazard.pk)
        .count()
        + 1
    ) >= settings.SAFEGRID_HAZARD_REPEAT_COUNT
    point.reassess_since = timezone.now()
    point.reassess_method = f"hazard:{hazard.pk}"
    fields = ["reassess_since", "reassess_method", "updated_at"]
    if repeated or already_repeated:
        point.reassess_method += ":repeat"
    if hazard.is_major and point.level != RiskLevel.MAJOR:
        point.level = RiskLevel.MAJOR
        fields.append("level")
    elif repeated and not already_repeated and point.level:
        levels = RISK_LEVELS.keys()
        point.level = levels[max(0, levels.index(point.level) - 1)]
        fields.append("level")
    point.save(update_fields=list(dict.fromkeys(fields)))


# -- from a checklist ---------------------------------------------------------------------


def hazards_open_from_submission(
    *, actor, submission, risk_point_id: int | None = None
) -> list[Hazard]:
    """Open a hazard for each finding of ``submission`` (a non-compliant check
    item that its form marks as opening a hazard, ``Submission.findings``).

    Called by ``submission_submit`` inside its transaction: a failure here
    stores neither the submission nor its hazards. Each hazard is pre-filled
    from the item: its label and note as the description, its grade (a
    pack's criteria item is always ``major``), the answer's photos, and the
    risk point the answer was about (an inspection task's point, or its major
    hazard source's). One hazard per finding
    (``hazard_one_per_finding``).
    """
    opened = []
    data = submission.data if isinstance(submission.data, dict) else {}
    grades = enabled_grades()
    for finding in submission.findings or []:
        grade = finding.get("grade") or HazardGrade.GENERAL
        if grade not in grades:
            grade = HazardGrade.MAJOR if grade == HazardGrade.MAJOR else "general"
        answer = data.get(finding["key"]) if finding.get("entry") is None else None
        note = answer.get("note", "") if isinstance(answer, dict) else ""
        description = str(finding.get("label") or finding["key"])
        if note:
            description = f"{description}: {note}"
        hazard = Hazard.objects.create(
            enterprise_id=submission.enterprise_id,
            risk_point_id=risk_point_id,
            submission=submission,
            finding_key=_finding_key(finding),
            description=description[:TEXT_MAX],
            grade=grade,
            reported_by=actor,
        )
        photo_ids = [
            str(reference.get("id"))
            for reference in (
                answer.get("photos") or [] if isinstance(answer, dict) else []
            )
            if isinstance(reference, dict)
        ]
        if photo_ids:
            hazard.photos.set(
                FormUpload.objects.filter(
                    pk__in=photo_ids, enterprise_id=submission.enterprise_id
                )
            )
        HazardTransition.objects.create(
            hazard=hazard,
            action="report",
            to_status=hazard.status,
            actor=actor,
            comment=_("Opened by a checklist answer."),
            details={"submission": submission.pk, "item": finding["key"]},
        )
        opened.append(hazard)
        if hazard.is_major:
            # A criteria item of the standard: reported to the supervisors at
            # once, before the enterprise confirms it.
            report_major_hazard(
                hazard=hazard,
                actor=actor,
                verb=gettext_noop(
                    "Major hazard found by a checklist at %(enterprise)s: %(text)s"
                ),
            )
    return opened


def hazards_open_from_government_inspection(
    *, actor, inspection, findings: Iterable[Mapping[str, Any]]
) -> list[Hazard]:
    """Open a hazard at the inspected enterprise for each finding of a
    government inspection (``core.inspections.government``, which checks
    that ``actor`` is of the inspecting office): its description, location,
    grade and the deadline the office set (责令限期整改), linked to the
    inspection. The enterprise confirms, rectifies and closes it through the
    usual loop; the office follows it in its scope. Problems are reported at
    ``/findings/<n>/<field>``; nothing is stored when any finding is wrong.
    Call it inside the recording service's transaction.
    """
    problems = Problems()
    rows = []
    for index, finding in enumerate(findings):

        def at(name: str, reason: str, keyword: str = "invalid", i: int = index):
            problems.add(("findings", i, name), reason, keyword)

        description = problems.text(
            finding.get("description"),
            ("findings", index, "description"),
            limit=TEXT_MAX,
        )
        location = problems.text(
            finding.get("location"), ("findings", index, "location"), limit=TEXT_MAX
        )[:200]
        grade = problems.choice(
            finding.get("grade"), enabled_grades(), ("findings", index, "grade")
        )
        deadline = problems.date(
            finding.get("deadline"), ("findings", index, "deadline")
        )
        if not description:
            at("description", _("Describe the hazard."), "required")
        if deadline is not None and deadline < timezone.localdate():
            at("deadline", _("The deadline cannot be in the past."))
        rows.append((description, location, grade, deadline))
    problems.raise_any()
    opened = []
    office = inspection.department
    for description, location, grade, deadline in rows:
        hazard = Hazard.objects.create(
            enterprise_id=inspection.enterprise_id,
            government_inspection=inspection,
            description=description,
            location=location,
            grade=grade or HazardGrade.GENERAL,
            how_found=HowFound.OTHER,
            deadline=deadline,
            reported_by=actor,
        )
        HazardTransition.objects.create(
            hazard=hazard,
            action="report",
            to_status=hazard.status,
            actor=actor,
            comment=_("Found by the inspection of %(office)s on %(date)s.")
            % {"office": office.name, "date": inspection.inspected_on},
            details={"government_inspection": inspection.pk},
        )
        opened.append(hazard)
    return opened


def _finding_key(finding: Mapping[str, Any]) -> str:
    entry = finding.get("entry")
    return finding["key"] if entry is None else f"{finding['key']}#{entry}"


__all__ = [
    "enabled_grades",
    "hazard_report",
    "hazard_transition",
    "hazards_open_from_government_inspection",
    "hazards_open_from_submission",
    "report_major_hazard",
    "risk_point_flag_for_hazard",
    "supervisors_of",
]
