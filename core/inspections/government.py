"""Government inspections (政府检查): an office plans an inspection of an
enterprise in its scope, then records the result; each finding opens a hazard
at the enterprise (``core.hazards.services.hazards_open_from_government_inspection``).

Who: the users of an industry department, a territorial office (a street,
town or grid officer) or the committee office — each for the enterprises of
its scope, on behalf of its own office (``Scope.department``). Recording is
for the office that planned it. The enterprise's managers are notified of
the findings; the hazards then run the enterprise's closed loop, and the
office sees them in its hazard list.

Budgets: ``government_inspections`` is one query per page (enterprise and
office joined); the detail reads the inspection and its hazards (two).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.base.errors import Invalid, Problems, Refused
from core.hazards.models import Hazard
from core.hazards.services import hazards_open_from_government_inspection
from core.inspections.models import GovernmentInspection
from core.organizations.models import Enterprise, Membership, Role
from core.organizations.scope import Scope, scope_for

TEXT_MAX = 4000
MAX_FINDINGS = 50


# -- reading ------------------------------------------------------------------------------


def government_inspections(*, scope: Scope) -> QuerySet[GovernmentInspection]:
    """The inspections ``scope`` may see: an office its own; the committee
    office and the superuser every one; enterprise users none (they see the
    hazards found, in their own list). Planned first, newest first."""
    rows = GovernmentInspection.objects.select_related("enterprise", "department")
    if scope.sees_everything:
        pass
    elif scope.is_government and scope.department is not None:
        rows = rows.filter(department=scope.department)
    else:
        return rows.none()
    return rows.annotate(findings=Count("hazards")).order_by("-planned_on", "-pk")


def may_inspect(scope: Scope) -> bool:
    """Whether ``scope`` plans and records inspections: a government office."""
    return scope.is_government and scope.department is not None


# -- writing ------------------------------------------------------------------------------


@transaction.atomic
def government_inspection_plan(
    *,
    actor,
    enterprise: Enterprise,
    planned_on: datetime.date | str,
    inspectors: str,
    purpose: str = "",
) -> GovernmentInspection:
    """Plan an inspection of ``enterprise`` by ``actor``'s office. Refused
    (403) unless ``actor`` is of a government office whose scope holds the
    enterprise; ``Invalid`` (400) for missing or wrong fields."""
    scope = scope_for(actor)
    if not may_inspect(scope) or not scope.can_view_enterprise(enterprise):
        raise Refused(_("You may not inspect this enterprise."))
    problems = Problems()
    day = problems.date(
        planned_on, "planned_on", required=True, required_message=_("Enter a date.")
    )
    who = problems.text(inspectors, "inspectors", limit=200)
    if not who:
        problems.add("inspectors", _("Name the inspectors."), "required")
    why = problems.text(purpose, "purpose", limit=TEXT_MAX)
    problems.raise_any()
    assert day is not None and scope.department is not None
    return GovernmentInspection.objects.create(
        department=scope.department,
        enterprise=enterprise,
        planned_on=day,
        inspectors=who,
        purpose=why,
        created_by=actor,
    )


@transaction.atomic
def government_inspection_record(
    *,
    actor,
    inspection: GovernmentInspection,
    inspected_on: datetime.date | str,
    summary: str,
    findings: Iterable[Mapping[str, Any]] = (),
) -> list[Hazard]:
    """Record the result of ``inspection``: the day, a summary and the
    findings, each opening a hazard at the enterprise (all or nothing). Only
    the users of the inspecting office record, once. The enterprise's safety
    managers are notified of the findings."""
    scope = scope_for(actor)
    locked = GovernmentInspection.objects.select_for_update().get(pk=inspection.pk)
    if not may_inspect(scope) or scope.department != locked.department:
        raise Refused(_("Only the inspecting office records this inspection."))
    if not scope.can_view_enterprise(locked.enterprise_id):
        raise Refused(_("You may not inspect this enterprise."))
    if locked.status == GovernmentInspection.Status.RECORDED:
        raise Invalid.at(
            ("status",), _("This inspection is recorded already."), "state"
        )
    problems = Problems()
    day = problems.date(
        inspected_on, "inspected_on", required=True, required_message=_("Enter a date.")
    )
    if day is not None and day > timezone.localdate():
        problems.add(
            "inspected_on", _("The day of the inspection cannot be in the future.")
        )
    text = problems.text(summary, "summary", limit=TEXT_MAX)
    rows = list(findings)
    if len(rows) > MAX_FINDINGS:
        problems.add("findings", _("At most %(n)d findings.") % {"n": MAX_FINDINGS})
    problems.raise_any()
    locked.inspected_on = day
    locked.summary = text
    locked.status = GovernmentInspection.Status.RECORDED
    locked.recorded_by = actor
    locked.recorded_at = timezone.now()
    locked.save(
        update_fields=[
            "inspected_on",
            "summary",
            "status",
            "recorded_by",
            "recorded_at",
        ]
    )
    opened = hazards_open_from_government_inspection(
        actor=actor, inspection=locked, findings=rows
    )
    if opened:
        _notify_enterprise(locked, len(opened), actor)
    inspection.__dict__.update(
        {
            k: getattr(locked, k)
            for k in ("inspected_on", "summary", "status", "recorded_at")
        }
    )
    return opened


def _notify_enterprise(inspection: GovernmentInspection, count: int, actor) -> None:
    from core.notifications.services import notify

    managers = Membership.objects.filter(
        enterprise_id=inspection.enterprise_id, role=Role.ENTERPRISE_MANAGER
    ).select_related("user")
    for membership in managers:
        notify(
            membership.user,
            gettext_noop(
                "%(office)s inspected the enterprise and found %(count)s hazards: "
                "confirm and rectify them."
            ),
            inspection,
            "/portal/hazards/",
            actor=actor,
            params={"office": inspection.department.name, "count": count},
        )


__all__ = [
    "government_inspection_plan",
    "government_inspection_record",
    "government_inspections",
    "may_inspect",
]
