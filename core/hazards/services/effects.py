"""What a hazard sets off beyond itself: the supervisors told of a major
hazard, and the risk point flagged for re-assessment."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from core.hazards.models import (
    Hazard,
)
from core.organizations.models import Department, Enterprise, Role
from core.organizations.selectors import enterprise_managers
from plugins.vocabularies import RISK_LEVELS


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
    return enterprise_managers(hazard.enterprise_id)


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
