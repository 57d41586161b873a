"""Writes of occupational hazards: exposed posts, workplace tests."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.base.errors import Problems
from core.emergency.models import (
    OccupationalExposure,
    OccupationalFactor,
    WorkplaceTest,
    WorkplaceTestResult,
)
from core.emergency.services.base import SHORT_MAX, _refuse_unless_writer
from core.organizations.models import Enterprise, Unit


@transaction.atomic
def exposure_add(
    *,
    actor,
    post: Unit,
    factor: str,
    agent: str = "",
    warning_signs: str = "",
    needs_notification_card: bool = True,
) -> OccupationalExposure:
    """Record that ``post`` is exposed to an occupational hazard factor."""
    _refuse_unless_writer(actor, post.enterprise_id)
    problems = Problems()
    if post.kind != Unit.Kind.POST:
        problems.add("post", _("Choose a post."))
    if factor not in OccupationalFactor.values:
        problems.add("factor", _("Choose one of the offered values."))
    agent = problems.text(agent, "agent", limit=100)
    warning_signs = problems.text(warning_signs, "warning_signs", limit=300)
    problems.raise_any()
    return OccupationalExposure.objects.create(
        enterprise_id=post.enterprise_id,
        post=post,
        factor=factor,
        agent=agent,
        warning_signs=warning_signs,
        needs_notification_card=bool(needs_notification_card),
    )


@transaction.atomic
def workplace_test_record(
    *,
    actor,
    enterprise: Enterprise,
    tested_on: datetime.date | str,
    next_due: datetime.date | str,
    results: Sequence[dict[str, Any]],
    agency: str = "",
) -> WorkplaceTest:
    """Record a workplace hazard-factor test with a result per exposure
    (``{"exposure", "measured", "limit", "compliant"}``)."""
    _refuse_unless_writer(actor, enterprise)
    problems = Problems()
    tested = problems.date(tested_on, "tested_on", required=True)
    due = problems.date(next_due, "next_due", required=True)
    if tested and due and due <= tested:
        problems.add("next_due", _("The next test must come after this one."))
    agency = problems.text(agency, "agency", limit=SHORT_MAX)

    def exposure_id(row: Any) -> int:
        value = row.get("exposure") if isinstance(row, dict) else None
        value = getattr(value, "pk", value)
        return value if isinstance(value, int) else 0

    exposures = {
        e.pk: e
        for e in OccupationalExposure.objects.filter(
            pk__in=[exposure_id(row) for row in results], enterprise=enterprise
        )
    }
    rows = []
    for row in results:
        exposure = exposures.get(exposure_id(row))
        measured = str(row.get("measured", "")).strip()[:60]
        if (
            exposure is None
            or not measured
            or not isinstance(row.get("compliant"), bool)
        ):
            problems.add(
                "results",
                _(
                    "Each result needs an exposure of this enterprise, a value and whether it is within the limit."
                ),
            )
            break
        rows.append(
            (
                exposure,
                measured,
                str(row.get("limit", "")).strip()[:60],
                row["compliant"],
            )
        )
    if not results:
        problems.add("results", _("Give at least one result."), "required")
    problems.raise_any()
    assert tested is not None and due is not None  # required: checked above
    test = WorkplaceTest.objects.create(
        enterprise=enterprise, tested_on=tested, next_due=due, agency=agency
    )
    WorkplaceTestResult.objects.bulk_create(
        WorkplaceTestResult(
            test=test, exposure=exposure, measured=measured, limit=limit, compliant=ok
        )
        for exposure, measured, limit, ok in rows
    )
    return test
