"""Creating a campaign (its criteria and milestones) and the campaigns a scope
sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from core.base.errors import Problems, Refused
from core.campaigns.criteria import CRITERIA
from core.campaigns.models import (
    Campaign,
    Milestone,
)
from core.campaigns.services.base import MAX_MILESTONES, TEXT_MAX, may_run_campaigns
from core.organizations.models import (
    Industry,
    Jurisdiction,
    Role,
)
from core.organizations.scope import Scope, scope_for


def _criteria(chosen: Iterable[Mapping], problems: Problems) -> list[dict]:
    rows: list[dict] = []
    for index, item in enumerate(chosen):
        key = str(item.get("key", ""))
        criterion = CRITERIA.get(key)
        if criterion is None:
            problems.add(("criteria", index), _("Unknown criterion."))
            continue
        if any(row["key"] == key for row in rows):
            continue
        value = item.get("value")
        if criterion.value_label:
            if value in (None, ""):
                value = criterion.default
            try:
                value = int(str(value))
            except (TypeError, ValueError):
                problems.add(("criteria", index), _("Enter a whole number."))
                continue
            if not criterion.minimum <= value <= criterion.maximum:
                problems.add(
                    ("criteria", index),
                    _("Enter a number from %(low)d to %(high)d.")
                    % {"low": criterion.minimum, "high": criterion.maximum},
                )
                continue
            rows.append({"key": key, "value": value})
        else:
            rows.append({"key": key})
    if not rows and not problems.errors:
        problems.add("criteria", _("Choose at least one criterion."), "required")
    return rows


@transaction.atomic
def campaign_create(
    *,
    actor,
    title: str,
    starts_on,
    ends_on,
    criteria: Iterable[Mapping],
    milestones: Iterable[Mapping] = (),
    description: str = "",
    industries: Iterable[Industry] = (),
    territories: Iterable[Jurisdiction] = (),
    key_industries_only: bool = False,
    above_scale_only: bool = False,
) -> Campaign:
    """The committee office defines a campaign with its milestones."""
    scope = scope_for(actor)
    if not may_run_campaigns(scope) or scope.department is None:
        raise Refused(_("Only the safety committee office runs campaigns."))
    problems = Problems()
    title = problems.text(title, "title", limit=200, required=True)
    description = problems.text(description, "description", limit=TEXT_MAX)
    start = problems.date(starts_on, "starts_on", required=True)
    end = problems.date(ends_on, "ends_on", required=True)
    if start and end and end < start:
        problems.add("ends_on", _("The end cannot be before the start."))
    chosen = _criteria(criteria, problems)
    rows: list[tuple[str, Any, int]] = []  # deadlines required: checked
    for index, item in enumerate(list(milestones)[: MAX_MILESTONES + 1]):
        if index >= MAX_MILESTONES:
            problems.add(
                "milestones", _("At most %(n)d milestones.") % {"n": MAX_MILESTONES}
            )
            break
        name = problems.text(
            item.get("title"), f"milestones-{index}-title", limit=200, required=True
        )
        deadline = problems.date(
            item.get("deadline"), f"milestones-{index}-deadline", required=True
        )
        try:
            share = int(str(item.get("target_percent")))
        except (TypeError, ValueError):
            share = -1
        if not 0 <= share <= 100:
            problems.add(
                f"milestones-{index}-target_percent",
                _("Enter a number from %(low)d to %(high)d.") % {"low": 0, "high": 100},
            )
        if deadline and start and end and not start <= deadline <= end:
            problems.add(
                f"milestones-{index}-deadline",
                _("A milestone's deadline lies within the campaign."),
            )
        rows.append((name, deadline, share))
    problems.raise_any()
    assert start is not None and end is not None  # required: checked above
    campaign = Campaign.objects.create(
        title=title,
        description=description,
        department=scope.department,
        created_by=actor,
        starts_on=start,
        ends_on=end,
        criteria=chosen,
        key_industries_only=bool(key_industries_only),
        above_scale_only=bool(above_scale_only),
    )
    campaign.industries.set(list(industries))
    campaign.territories.set(list(territories))
    Milestone.objects.bulk_create(
        Milestone(
            campaign=campaign, title=name, deadline=deadline, target_percent=share
        )
        for name, deadline, share in rows
    )
    return campaign


def campaigns_visible(*, scope: Scope) -> QuerySet[Campaign]:
    """The campaigns that concern an office: the committee office every one;
    an industry department those for every industry or one of its own; a
    street or town office those for the whole district or a territory that
    overlaps its own. Each sees its own part of the progress; enterprises see
    campaigns through their checklist only."""
    rows = Campaign.objects.select_related("department")
    if not scope.is_government:
        return rows.none()
    if scope.sees_everything:
        return rows
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        chosen = Campaign.industries.through.objects.filter(campaign_id=OuterRef("pk"))
        return rows.filter(
            ~Exists(chosen) | Exists(chosen.filter(industry_id__in=scope.industry_ids))
        )
    if scope.role == Role.TERRITORIAL_OFFICE and scope.jurisdiction_path:
        path = scope.jurisdiction_path
        step = Jurisdiction.steplen
        above = [path[:end] for end in range(step, len(path) + 1, step)]
        chosen = Campaign.territories.through.objects.filter(campaign_id=OuterRef("pk"))
        return rows.filter(
            ~Exists(chosen)
            | Exists(chosen.filter(jurisdiction__path__startswith=path))
            | Exists(chosen.filter(jurisdiction__path__in=above))
        )
    return rows.none()
