"""What risk grading puts on the enterprise home's to-do (for whoever may
write the enterprise's safety records): points to assess again after the
level thresholds changed, points not assessed yet, and the user's unfinished
risk point drafts."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.portal.todo import TODO_LIMIT, TodoItem
from core.risks.models import RiskDraft, RiskPoint


def risk_todo(*, scope, enterprise, user, today) -> list[TodoItem]:
    if not scope.can_manage_safety_records(enterprise):
        return []
    items = []
    points = scope.filter(RiskPoint.objects.filter(enterprise=enterprise))
    flagged = points.filter(reassess_since__isnull=False).order_by(
        "reassess_since", "pk"
    )[:TODO_LIMIT]
    for point in flagged.only("pk", "name", "reassess_since", "reassess_method"):
        date = point.reassess_since.date().isoformat()
        items.append(
            TodoItem(
                kind="reassess",
                title=point.name,
                detail=(
                    _("A hazard was confirmed here on %(date)s: assess again")
                    if point.reassess_method.startswith("hazard:")
                    else _("Level thresholds changed on %(date)s: assess again")
                )
                % {"date": date},
                url=reverse("risks:detail", args=[point.pk]),
                action=_("Assess again"),
                urgency=2,
            )
        )
    unassessed = points.filter(level="").order_by("name", "pk")[:TODO_LIMIT]
    for point in unassessed.only("pk", "name"):
        items.append(
            TodoItem(
                kind="unassessed",
                title=point.name,
                detail=_("Risk point not assessed yet"),
                url=reverse("risks:detail", args=[point.pk]),
                action=_("Assess"),
                urgency=5,
            )
        )
    drafts = RiskDraft.objects.filter(owner=user, enterprise=enterprise).order_by(
        "-updated_at"
    )[:TODO_LIMIT]
    for draft in drafts.select_related("risk_point"):
        items.append(
            TodoItem(
                kind="draft",
                title=draft.title or _("(no name yet)"),
                detail=_("Unfinished risk point entry, saved %(when)s")
                % {
                    "when": timezone.localtime(draft.updated_at).strftime(
                        "%Y-%m-%d %H:%M"
                    )
                },
                url=reverse("risks:wizard", args=[draft.draft_id]),
                action=_("Resume"),
                urgency=3,
            )
        )
    return items
