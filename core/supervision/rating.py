"""Enterprise risk rating (分级分类监管): a class A–D for each enterprise.

The formula (docs/supervision.md, "Enterprise risk rating"), each component
from 0 (best) to 100 (worst):

* risk profile: the mean severity of its assessed risk points, major 100,
  significant 66.7, general 33.3, low 0; with no assessed point, 50 (an
  unknown profile is not a good one);
* hazard record: 10 per open hazard, 25 per overdue one, 40 per open major
  one, capped at 100;
* inspection compliance: the share of inspection tasks due in the window
  (default 90 days) that were not done, 0 when none was due.

score = (w_risk × risk + w_hazard × hazards + w_inspection × inspections)
/ (w_risk + w_hazard + w_inspection); class A below the B cut-off, B below
C, C below D, D from the D cut-off. Weights and cut-offs are
``RatingWeights`` (a setting the committee office edits in the admin).

``ratings_recompute`` runs daily (``supervision.recompute_ratings``): a
constant number of queries per batch of enterprises; a class that changes
gets an ``EnterpriseRatingChange`` with the components and weights.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from core.hazards.models import DEADLINE_STATES, OPEN_STATES, Hazard, HazardGrade
from core.inspections.models import InspectionTask, TaskStatus
from core.organizations.models import Enterprise
from core.risks.models import RiskPoint
from core.supervision.models import (
    EnterpriseRating,
    EnterpriseRatingChange,
    RatingClass,
    RatingWeights,
)
from core.supervision.selectors import count_per_enterprise
from plugins.vocabularies import RISK_LEVELS

BATCH = 1000
UNKNOWN_PROFILE = 50.0


@dataclass(frozen=True)
class Weights:
    risk: int = 40
    hazard: int = 35
    inspection: int = 25
    b_from: int = 25
    c_from: int = 45
    d_from: int = 65
    window_days: int = 90

    @classmethod
    def current(cls) -> Weights:
        row = RatingWeights.load()
        return cls(
            risk=row.risk_weight,
            hazard=row.hazard_weight,
            inspection=row.inspection_weight,
            b_from=row.b_from,
            c_from=row.c_from,
            d_from=row.d_from,
            window_days=row.window_days,
        )


def rating_components(
    *,
    points: list[int],
    open_hazards: int,
    overdue: int,
    major: int,
    tasks_due: int,
    tasks_done: int,
) -> dict[str, float]:
    """The three components (0 best, 100 worst) from the figures."""
    levels = len(points)
    assessed = sum(points)
    if assessed:
        # points are highest first: the first level weighs 100, the last 0.
        severity = sum(
            n * (levels - 1 - index) / (levels - 1) * 100
            for index, n in enumerate(points)
        )
        risk = severity / assessed
    else:
        risk = UNKNOWN_PROFILE
    hazards = min(100.0, 10.0 * open_hazards + 25.0 * overdue + 40.0 * major)
    inspections = 100.0 * (tasks_due - tasks_done) / tasks_due if tasks_due else 0.0
    return {
        "risk": round(risk, 1),
        "hazards": round(hazards, 1),
        "inspections": round(max(inspections, 0.0), 1),
    }


def rating_score(components: dict[str, float], weights: Weights) -> float:
    total = weights.risk + weights.hazard + weights.inspection
    if not total:
        return 0.0
    return round(
        (
            weights.risk * components["risk"]
            + weights.hazard * components["hazards"]
            + weights.inspection * components["inspections"]
        )
        / total,
        1,
    )


def rating_class(score: float, weights: Weights) -> str:
    if score >= weights.d_from:
        return RatingClass.D
    if score >= weights.c_from:
        return RatingClass.C
    if score >= weights.b_from:
        return RatingClass.B
    return RatingClass.A


def _figures(enterprise_ids: list[int], today: datetime.date, window_days: int):
    now = timezone.now()
    since = now - datetime.timedelta(days=window_days)
    tasks = InspectionTask.objects.filter(due_at__gte=since, due_at__lte=now)
    return (
        Enterprise.objects.filter(pk__in=enterprise_ids)
        .annotate(
            **{
                f"p_{level}": count_per_enterprise(
                    RiskPoint.objects.filter(level=level)
                )
                for level in RISK_LEVELS.keys()  # noqa: SIM118 - a Vocabulary
            },
            h_open=count_per_enterprise(Hazard.objects.filter(status__in=OPEN_STATES)),
            h_overdue=count_per_enterprise(
                Hazard.objects.filter(status__in=DEADLINE_STATES, deadline__lt=today)
            ),
            h_major=count_per_enterprise(
                Hazard.objects.filter(status__in=OPEN_STATES, grade=HazardGrade.MAJOR)
            ),
            t_due=count_per_enterprise(tasks),
            t_done=count_per_enterprise(tasks.filter(status=TaskStatus.DONE)),
        )
        .order_by("pk")
    )


def ratings_recompute(
    *, today: datetime.date | None = None, weights: Weights | None = None
) -> dict[str, int]:
    """Recompute every enterprise's class; record the changes. Idempotent."""
    today = today or timezone.localdate()
    weights = weights or Weights.current()
    levels = RISK_LEVELS.keys()
    counts = {"rated": 0, "changed": 0}
    ids = list(Enterprise.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with transaction.atomic():
            current = {
                r.enterprise_id: r
                for r in EnterpriseRating.objects.filter(enterprise_id__in=chunk)
            }
            now = timezone.now()
            new, updated, changes = [], [], []
            for enterprise in _figures(chunk, today, weights.window_days):
                components = rating_components(
                    points=[getattr(enterprise, f"p_{level}") for level in levels],
                    open_hazards=enterprise.h_open,
                    overdue=enterprise.h_overdue,
                    major=enterprise.h_major,
                    tasks_due=enterprise.t_due,
                    tasks_done=enterprise.t_done,
                )
                score = rating_score(components, weights)
                klass = rating_class(score, weights)
                details: dict[str, Any] = {
                    **components,
                    "figures": {
                        "points": [getattr(enterprise, f"p_{lv}") for lv in levels],
                        "open": enterprise.h_open,
                        "overdue": enterprise.h_overdue,
                        "major": enterprise.h_major,
                        "tasks_due": enterprise.t_due,
                        "tasks_done": enterprise.t_done,
                    },
                }
                row = current.get(enterprise.pk)
                if row is None:
                    new.append(
                        EnterpriseRating(
                            enterprise_id=enterprise.pk,
                            rating_class=klass,
                            score=Decimal(str(score)),
                            components=details,
                            computed_at=now,
                        )
                    )
                    previous = ""
                else:
                    previous = row.rating_class
                    row.rating_class = klass
                    row.score = Decimal(str(score))
                    row.components = details
                    row.computed_at = now
                    updated.append(row)
                if previous != klass:
                    changes.append(
                        EnterpriseRatingChange(
                            enterprise_id=enterprise.pk,
                            from_class=previous,
                            to_class=klass,
                            score=Decimal(str(score)),
                            reasons={
                                **details,
                                "weights": weights.__dict__,
                            },
                            changed_at=now,
                        )
                    )
            EnterpriseRating.objects.bulk_create(new)
            EnterpriseRating.objects.bulk_update(
                updated, ["rating_class", "score", "components", "computed_at"]
            )
            EnterpriseRatingChange.objects.bulk_create(changes)
            counts["rated"] += len(new) + len(updated)
            counts["changed"] += len(changes)
    return counts


def rating_visible(scope) -> Any:
    """The ratings of the enterprises in ``scope`` (government and own)."""
    return scope.filter(EnterpriseRating.objects.all())
