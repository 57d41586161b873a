"""The criteria of "mechanism established" the platform can compute.

Each criterion turns into a condition on ``Enterprise`` (an ``Exists`` or a
comparison of correlated counts), so a campaign's progress is one aggregate
per grouping whatever the number of enterprises (``core.campaigns.progress``).
A campaign stores the chosen criteria as ``[{"key": …, "value": …}]``; the
value is the criterion's parameter (days, a percentage) where it has one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.documents.models import GenerationStatus, HandbookVersion
from core.forms.models import Submission, SubmissionStatus
from core.hazards.models import Hazard, HazardStatus
from core.inspections.models import InspectionTask, TaskStatus
from core.risks.models import RiskPoint


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str | Promise
    help_text: str | Promise
    condition: Callable[[int | None, datetime.date], Q]
    value_label: str | Promise = ""
    default: int | None = None
    minimum: int = 0
    maximum: int = 3650

    def describe(self, value: int | None) -> str:
        if self.value_label and value is not None:
            return f"{self.label} ({self.value_label}: {value})"
        return str(self.label)


def _since(days: int, today: datetime.date) -> datetime.datetime:
    end = timezone.make_aware(datetime.datetime.combine(today, datetime.time.max))
    return end - datetime.timedelta(days=days)


def _risk_list(_value, _today) -> Q:
    return Q(
        Exists(RiskPoint.objects.filter(enterprise=OuterRef("pk")).exclude(level=""))
    )


def _handbook(_value, _today) -> Q:
    return Q(
        Exists(
            HandbookVersion.objects.filter(
                enterprise=OuterRef("pk"), status=GenerationStatus.READY
            )
        )
    )


def _inspections(value, today) -> Q:
    return Q(
        Exists(
            InspectionTask.objects.filter(
                enterprise=OuterRef("pk"),
                status=TaskStatus.DONE,
                done_at__gte=_since(value or 90, today),
            )
        )
    )


def _notice(value, today) -> Q:
    from core.notices.selectors import public_forms

    keys = list(public_forms())
    if not keys:
        return Q(pk__in=[])
    return Q(
        Exists(
            Submission.objects.filter(
                enterprise=OuterRef("pk"),
                definition__key__in=keys,
                definition__department__isnull=True,
                submitted_at__gte=_since(value or 30, today),
            ).exclude(status=SubmissionStatus.RETURNED)
        )
    )


def _count(queryset) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.order_by()
            .values("enterprise")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _hazards_on_time(value, _today) -> Q:
    """Closed hazards with a deadline: on time × 100 ≥ x × all (no closed
    hazard with a deadline: met)."""
    closed = Hazard.objects.filter(
        enterprise=OuterRef("pk"),
        status=HazardStatus.CLOSED,
        deadline__isnull=False,
        closed_at__isnull=False,
    )
    on_time = closed.filter(closed_at__date__lte=F("deadline"))
    share = 80 if value is None else value
    return Q(GreaterThanOrEqual(_count(on_time) * 100, _count(closed) * share))


def _within_days(key, title, description, check, *, default) -> Criterion:
    """A criterion met by something done within the last N days (N is the
    criterion's value, ``default`` unless the campaign sets it)."""
    return Criterion(
        key,
        title,
        description,
        check,
        value_label=_("days"),
        default=default,
        minimum=1,
    )


CRITERIA: dict[str, Criterion] = {
    item.key: item
    for item in (
        Criterion(
            "risk_list",
            _("Risk list complete"),
            _("At least one risk point assessed (its level known)."),
            _risk_list,
        ),
        Criterion(
            "handbook",
            _("Handbook produced"),
            _("A version of the risk control handbook is ready."),
            _handbook,
        ),
        _within_days(
            "inspections",
            _("Inspections running"),
            _("An inspection task done within the last N days."),
            _inspections,
            default=90,
        ),
        _within_days(
            "notice",
            _("Notice published"),
            _(
                "A public notice (承诺公告) published within the last N days; "
                "never met when no enabled pack provides a public form."
            ),
            _notice,
            default=30,
        ),
        Criterion(
            "hazards_on_time",
            _("Hazards closed on time"),
            _("Of the closed hazards with a deadline, at least x % closed by it."),
            _hazards_on_time,
            value_label=_("%"),
            default=80,
            maximum=100,
        ),
    )
}


def criterion_conditions(
    chosen: list[dict], today: datetime.date
) -> list[tuple[str, Criterion, int | None, Q]]:
    """The campaign's criteria as (key, criterion, value, condition); unknown
    keys (a criterion removed since) are left out."""
    rows = []
    for item in chosen or []:
        criterion = CRITERIA.get(str(item.get("key")))
        if criterion is None:
            continue
        value = item.get("value", criterion.default)
        rows.append(
            (criterion.key, criterion, value, criterion.condition(value, today))
        )
    return rows
