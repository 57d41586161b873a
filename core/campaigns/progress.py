"""A campaign's progress, computed from the enterprises' records.

Budget (asserted in the tests, equal at two data sizes): the targets' choice
(2 queries: the campaign's industries and territories), the totals (1: one
``COUNT … FILTER`` per criterion and for "established"), per industry (1,
GROUP BY through the enterprises' industries), per street or town (1, GROUP
BY the jurisdiction path's first two steps) and their names (1), the
milestones (1) and the daily records of the campaign (1). Nothing
loops over enterprises. A page of enterprises with their criteria is one
more query (``enterprise_rows``).

Who sees what: the figures are always of the targets *within the viewer's
scope* — an industry department its industries' part, a street or town its
territory's, the committee office the whole.
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from core.campaigns.criteria import criterion_conditions
from core.campaigns.models import Campaign, ProgressRecord
from core.organizations.models import Enterprise, Industry, Jurisdiction, Role
from core.organizations.scope import Scope


def target_condition(campaign: Campaign) -> Q:
    """The campaign's target enterprises as a condition (two small queries)."""
    condition = Q()
    industry_ids = list(campaign.industries.values_list("pk", flat=True))
    if industry_ids:
        condition &= Q(
            pk__in=Enterprise.industries.through.objects.filter(
                industry_id__in=industry_ids
            ).values("enterprise_id")
        )
    paths = list(campaign.territories.values_list("path", flat=True))
    if paths:
        condition &= reduce(
            operator.or_, [Q(jurisdiction__path__startswith=p) for p in paths]
        )
    if campaign.key_industries_only:
        condition &= Q(is_key_industry=True)
    if campaign.above_scale_only:
        condition &= Q(is_above_scale=True)
    return condition


def campaign_targets(campaign: Campaign, *, scope: Scope) -> QuerySet[Enterprise]:
    """The campaign's targets the viewer sees."""
    return scope.enterprises().filter(target_condition(campaign))


@dataclass
class Figures:
    total: int = 0
    established: int = 0
    criteria: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> float | None:
        return round(100 * self.established / self.total, 1) if self.total else None

    def criterion_rows(self, conditions) -> list[dict]:
        return [
            {
                "key": key,
                "label": criterion.describe(value),
                "met": self.criteria.get(key, 0),
                "percent": (
                    round(100 * self.criteria.get(key, 0) / self.total, 1)
                    if self.total
                    else None
                ),
            }
            for key, criterion, value, _q in conditions
        ]


@dataclass
class Progress:
    campaign: Campaign
    today: datetime.date
    overall: Figures
    criteria: list[dict]
    industries: list[dict]
    territories: list[dict]
    milestones: list[dict]
    #: The daily records over all targets, oldest first.
    history: list = field(default_factory=list)

    @property
    def trend(self) -> list:
        """The last ``TREND_DAYS`` records, newest first."""
        return self.history[-TREND_DAYS:][::-1]


def _established(conditions) -> Q:
    if not conditions:
        return Q(pk__in=[])  # no criterion chosen: nothing is established
    return reduce(operator.and_, [q for *_rest, q in conditions])


def _aggregates(conditions, distinct: bool = False) -> dict:
    figures = {
        "total": Count("pk", distinct=distinct),
        "established": Count("pk", filter=_established(conditions), distinct=distinct),
    }
    for key, _criterion, _value, condition in conditions:
        figures[f"c_{key}"] = Count("pk", filter=condition, distinct=distinct)
    return figures


def _figures(row: dict, conditions) -> Figures:
    return Figures(
        total=row.get("total") or 0,
        established=row.get("established") or 0,
        criteria={key: row.get(f"c_{key}") or 0 for key, *_rest in conditions},
    )


def campaign_progress(
    campaign: Campaign, *, scope: Scope, today: datetime.date | None = None
) -> Progress:
    """The campaign's progress as the viewer's scope sees it (see the module)."""
    today = today or timezone.localdate()
    conditions = criterion_conditions(campaign.criteria, today)
    targets = campaign_targets(campaign, scope=scope)
    overall = _figures(targets.aggregate(**_aggregates(conditions)), conditions)
    history = progress_history(campaign)

    by_industry = targets.filter(industries__isnull=False)
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        by_industry = by_industry.filter(industries__in=scope.industry_ids)
    industry_rows = list(
        by_industry.values("industries")
        .annotate(**_aggregates(conditions, distinct=True))
        .order_by("industries")
    )
    names = {
        industry.pk: industry.name
        for industry in Industry.objects.filter(
            pk__in=[row["industries"] for row in industry_rows]
        )
    }
    industries = [
        {"name": names.get(row["industries"], "—"), **_row(row, conditions)}
        for row in industry_rows
    ]

    prefix_length = 2 * Jurisdiction.steplen
    territory_rows = list(
        targets.annotate(territory=Substr("jurisdiction__path", 1, prefix_length))
        .values("territory")
        .annotate(**_aggregates(conditions))
        .order_by("territory")
    )
    territory_names = dict(
        Jurisdiction.objects.filter(
            path__in=[row["territory"] for row in territory_rows]
        ).values_list("path", "name")
    )
    territories = [
        {
            "name": territory_names.get(row["territory"], row["territory"]),
            **_row(row, conditions),
        }
        for row in territory_rows
    ]
    return Progress(
        campaign=campaign,
        today=today,
        overall=overall,
        criteria=overall.criterion_rows(conditions),
        industries=industries,
        territories=territories,
        milestones=milestone_rows(campaign, overall, today, history),
        history=history,
    )


def _row(row: dict, conditions) -> dict:
    figures = _figures(row, conditions)
    return {
        "total": figures.total,
        "established": figures.established,
        "percent": figures.percent,
        "criteria": [figures.criteria.get(key, 0) for key, *_rest in conditions],
    }


def progress_record(campaign: Campaign, today: datetime.date) -> None:
    """Record ``campaign``'s figures of ``today`` over all its targets (a rerun
    the same day replaces them). Three queries and the write (an update; an
    insert the first time of the day)."""
    conditions = criterion_conditions(campaign.criteria, today)
    row = Enterprise.objects.filter(target_condition(campaign)).aggregate(
        **_aggregates(conditions)
    )
    figures = _figures(row, conditions)
    values = {
        "total": figures.total,
        "established": figures.established,
        "criteria": figures.criteria,
        "recorded_at": timezone.now(),
    }
    # The job is the only writer and runs once at a time (the schedule's
    # claim): an update, else an insert; the unique (campaign, day) stops a
    # second row in any case.
    rows = ProgressRecord.objects.filter(campaign=campaign, day=today)
    if not rows.update(**values):
        ProgressRecord.objects.create(campaign=campaign, day=today, **values)


def progress_record_running(today: datetime.date | None = None) -> dict[str, int]:
    """The daily job's work: record the figures of every campaign running
    ``today`` (started, and not ended before today). Idempotent per day: a
    second run replaces the day's rows, never adds one. At most five queries
    per running campaign (a handful at a time), one for the list."""
    today = today or timezone.localdate()
    running = Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today)
    count = 0
    for campaign in running.order_by("pk"):
        progress_record(campaign, today)
        count += 1
    return {"recorded": count}


#: Days of the trend the campaign page shows (a table, newest first).
TREND_DAYS = 30


def progress_history(campaign: Campaign) -> list[ProgressRecord]:
    """The campaign's daily records, oldest first (one query; at most one row
    a day of the campaign)."""
    return list(
        ProgressRecord.objects.filter(campaign=campaign)
        .only("day", "total", "established", "criteria")
        .order_by("day")
    )


def _on_deadline(history: list[ProgressRecord], deadline) -> ProgressRecord | None:
    # The record of the deadline's day, or the last one before it (a day the
    # job did not run).
    before = [record for record in history if record.day <= deadline]
    return before[-1] if before else None


def milestone_rows(
    campaign: Campaign,
    overall: Figures,
    today,
    history: list[ProgressRecord] | None = None,
) -> list[dict]:
    """Each milestone against the share established now: ``met``, ``overdue``
    (deadline passed, share not reached) or ``open``; a milestone whose
    deadline passed also carries the share recorded on its deadline
    (``recorded``, ``met_then``) when the daily job recorded one."""
    percent = overall.percent or 0
    rows = []
    for milestone in campaign.milestones.all():
        met = overall.total > 0 and percent >= milestone.target_percent
        state = "met" if met else ("overdue" if milestone.deadline < today else "open")
        recorded = (
            _on_deadline(history or [], milestone.deadline)
            if milestone.deadline < today
            else None
        )
        rows.append(
            {
                "milestone": milestone,
                "state": state,
                "recorded": recorded,
                "met_then": recorded is not None
                and recorded.total > 0
                and (recorded.percent or 0) >= milestone.target_percent,
                "days_left": (milestone.deadline - today).days,
                "needed": max(
                    0,
                    -(-milestone.target_percent * overall.total // 100)
                    - overall.established,
                ),
            }
        )
    return rows


def enterprise_rows(
    campaign: Campaign, *, scope: Scope, today: datetime.date | None = None
) -> tuple[QuerySet[Enterprise], list]:
    """The targets with one boolean per criterion (``c_<key>``), for a page
    of the list (one query a page)."""
    today = today or timezone.localdate()
    conditions = criterion_conditions(campaign.criteria, today)
    rows = campaign_targets(campaign, scope=scope).annotate(
        **{
            f"c_{key}": ExpressionWrapper(condition, output_field=BooleanField())
            for key, _criterion, _value, condition in conditions
        }
    )
    return rows.only("pk", "name", "jurisdiction_id").order_by("name", "pk"), conditions


def enterprise_checklist(
    campaign: Campaign, *, enterprise: Enterprise, today: datetime.date | None = None
) -> list[dict] | None:
    """For the enterprise's portal: each criterion met or missing, or None
    when the campaign does not target the enterprise (one query, after the
    targets' two)."""
    today = today or timezone.localdate()
    conditions = criterion_conditions(campaign.criteria, today)
    annotations = {
        f"c_{key}": ExpressionWrapper(condition, output_field=BooleanField())
        for key, _criterion, _value, condition in conditions
    }
    row = (
        Enterprise.objects.filter(target_condition(campaign), pk=enterprise.pk)
        .annotate(**annotations)
        .values(*annotations)
        .first()
    )
    if row is None:
        return None
    return [
        {
            "key": key,
            "label": criterion.describe(value),
            "help": criterion.help_text,
            "met": bool(row[f"c_{key}"]),
        }
        for key, criterion, value, _q in conditions
    ]


def campaigns_targeting(
    enterprise: Enterprise, *, today: datetime.date
) -> QuerySet[Campaign]:
    """The running campaigns whose targets include ``enterprise``, newest
    first: one query, so a page may take the first few without missing one
    that concerns the enterprise behind others that do not."""
    from django.db.models import Exists, OuterRef

    industries = Campaign.industries.through.objects.filter(campaign_id=OuterRef("pk"))
    territories = Campaign.territories.through.objects.filter(
        campaign_id=OuterRef("pk")
    )
    path = enterprise.jurisdiction.path if enterprise.jurisdiction_id else ""
    step = Jurisdiction.steplen
    ancestors = [path[:end] for end in range(step, len(path) + 1, step)]
    campaigns = Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today)
    campaigns = campaigns.filter(
        ~Exists(industries)
        | Exists(
            industries.filter(
                industry_id__in=Enterprise.industries.through.objects.filter(
                    enterprise_id=enterprise.pk
                ).values("industry_id")
            )
        )
    ).filter(
        ~Exists(territories)
        | Exists(territories.filter(jurisdiction__path__in=ancestors))
    )
    if not enterprise.is_key_industry:
        campaigns = campaigns.filter(key_industries_only=False)
    if not enterprise.is_above_scale:
        campaigns = campaigns.filter(above_scale_only=False)
    return campaigns.order_by("-starts_on", "-pk")
