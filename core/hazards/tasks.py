"""The hazards' periodic jobs: the overdue mark of the supervisors' order,
and the escalation of overdue hazards.

Registered in the one schedule through ``safegrid_scheduled_jobs``
(``core.hazards.default_plugin``): the mark just after midnight, the
escalation daily at 08:00 (which marks first too).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.jobs.base import job

#: Days overdue from which each level is reached: 1 the responsible person,
#: 2 the enterprise's safety managers (the next level), 3 for a major
#: hazard the supervising departments. Overridable by
#: ``SAFEGRID_HAZARD_ESCALATION_DAYS``.
DEFAULT_ESCALATION_DAYS = (1, 3, 7)
BATCH = 500


def escalation_days() -> tuple[int, int, int]:
    days = getattr(settings, "SAFEGRID_HAZARD_ESCALATION_DAYS", None)
    return tuple(days) if days else DEFAULT_ESCALATION_DAYS


def wanted_level(*, overdue_days: int, major: bool) -> int:
    first, second, third = escalation_days()
    if major and overdue_days >= third:
        return 3
    if overdue_days >= second:
        return 2
    if overdue_days >= first:
        return 1
    return 0


@job
def mark_overdue_hazards() -> dict[str, int]:
    """Store the priority of the hazards whose deadline passed since the
    last run (and of any row whose stored priority is not today's), so the
    supervisors' list shows them overdue first: one UPDATE, idempotent."""
    from core.hazards.models import Hazard

    return {"hazards": Hazard.objects.refresh_priorities(timezone.localdate())}


@job
def escalate_overdue_hazards() -> dict[str, int]:
    """Tell whoever is next about each overdue hazard, once per level.

    Idempotent: each hazard keeps the level it reached
    (``Hazard.escalation_level``), and a run only notifies the levels between
    that and the level its days overdue call for, in one transaction per
    hazard with the row locked; a second run the same day notifies nobody.
    An approved extension or a reopening starts the count again.
    """
    from core.hazards.models import Hazard

    today = timezone.localdate()
    Hazard.objects.refresh_priorities(today)
    notified = raised = 0
    candidates = (
        Hazard.objects.overdue(today)
        .filter(escalation_level__lt=3)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in list(candidates[: BATCH * 20]):
        with transaction.atomic():
            count = _escalate(pk, today)
        if count is not None:
            raised += 1
            notified += count
    return {"hazards": raised, "notifications": notified}


def _escalate(pk: int, today) -> int | None:
    from core.hazards.models import DEADLINE_STATES, Hazard
    from core.hazards.services import _managers, supervisors_of
    from core.notifications.services import notify

    hazard = (
        Hazard.objects.select_for_update(of=("self",))
        .select_related("responsible__user", "enterprise")
        .filter(pk=pk, status__in=DEADLINE_STATES, deadline__lt=today)
        .first()
    )
    if hazard is None or hazard.deadline is None:
        return None
    level = wanted_level(
        overdue_days=(today - hazard.deadline).days, major=hazard.is_major
    )
    if level <= hazard.escalation_level:
        return None
    sent = 0
    verb = gettext_noop(
        "Overdue hazard (deadline %(date)s) at %(enterprise)s: %(text)s"
    )
    params = {
        "date": hazard.deadline.isoformat(),
        "enterprise": hazard.enterprise.name,
        "text": hazard.description[:80],
    }
    for step in range(hazard.escalation_level + 1, level + 1):
        if step == 1:
            person = hazard.responsible
            recipients = [person.user] if person and person.user else []
            url = f"/portal/hazards/{hazard.pk}/"
        elif step == 2:
            recipients = list(_managers(hazard))
            url = f"/portal/hazards/{hazard.pk}/"
        else:
            recipients = list(supervisors_of(hazard.enterprise))
            url = f"/admin/hazards/inspect/{hazard.pk}/"
        for user in recipients:
            notify(user, verb, hazard, url, params=params)
            sent += 1
    hazard.escalation_level = level
    hazard.save(update_fields=["escalation_level"])
    return sent
