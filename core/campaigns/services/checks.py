"""Acceptance checks and spot-check samples (the seeded draw)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Problems, Refused
from core.campaigns.models import (
    AcceptanceCheck,
    Campaign,
    CheckKind,
    SpotCheckSample,
)
from core.campaigns.services.base import MAX_SAMPLE, TEXT_MAX
from core.organizations.models import Enterprise
from core.organizations.scope import Scope, scope_for


def may_check(scope: Scope) -> bool:
    return scope.is_government and scope.department is not None


def checks_visible(*, scope: Scope) -> QuerySet[AcceptanceCheck]:
    """Checks of the enterprises the user sees (an enterprise its own)."""
    return scope.filter(
        AcceptanceCheck.objects.select_related("enterprise", "department", "definition")
    )


@transaction.atomic
def acceptance_record(
    *,
    actor,
    enterprise: Enterprise,
    passed: bool | None,
    checked_on,
    kind: str = CheckKind.ACCEPTANCE,
    score=None,
    remarks: str = "",
    version=None,
    answers: Mapping | None = None,
    campaign: Campaign | None = None,
    sample: SpotCheckSample | None = None,
) -> AcceptanceCheck:
    """Record an acceptance check (an office, on an enterprise of its scope)
    or a spot check (the committee office, on an enterprise of its sample).
    ``version`` is the checklist's form version; its answers are validated by
    the forms engine."""
    scope = scope_for(actor)
    if not may_check(scope) or not scope.can_view_enterprise(enterprise):
        raise Refused(_("You may not check this enterprise."))
    if kind == CheckKind.SPOT:
        if not scope.sees_everything:
            raise Refused(_("Only the safety committee office runs spot checks."))
        if sample is None or enterprise.pk not in (sample.enterprise_ids or []):
            raise Refused(_("This enterprise is not in the sample."))
    elif kind != CheckKind.ACCEPTANCE:
        raise Refused(_("Unknown kind of check."))
    problems = Problems()
    day = problems.date(checked_on, "checked_on", required=True)
    if day is not None and day > timezone.localdate():
        problems.add("checked_on", _("The date cannot be in the future."))
    remarks = problems.text(remarks, "remarks", limit=TEXT_MAX)
    value = None
    if score not in (None, ""):
        try:
            value = Decimal(str(score))
        except InvalidOperation:
            value = None
        if value is None or not Decimal(0) <= value <= Decimal(100):
            problems.add(
                "score",
                _("Enter a number from %(low)d to %(high)d.") % {"low": 0, "high": 100},
            )
    cleaned: dict = {}
    if version is not None:
        from core.forms.validation import version_answers_validate

        validated = version_answers_validate(version=version, data=dict(answers or {}))
        for error in validated.errors:
            problems.add(("answers", *error.path), error.message, error.keyword)
        cleaned = validated.data
        if validated.is_valid and version.scoring:
            from core.forms.scoring import score_answers

            result = score_answers(version.scoring, cleaned)
            # The checklist's own scoring gives the score and the result
            # where the officer did not.
            if value is None and result.percent is not None:
                value = Decimal(str(round(result.percent, 1)))
            if passed is None and result.passed is not None:
                passed = result.passed
    if passed is None:
        problems.add("passed", _("Say whether the enterprise passed."), "required")
    problems.raise_any()
    assert scope.department is not None and day is not None
    return AcceptanceCheck.objects.create(
        enterprise=enterprise,
        department=scope.department,
        recorded_by=actor,
        kind=kind,
        campaign=campaign,
        sample=sample if kind == CheckKind.SPOT else None,
        definition=version.definition if version is not None else None,
        version_number=version.number if version is not None else None,
        answers=cleaned,
        passed=bool(passed),
        score=value,
        remarks=remarks,
        checked_on=day,
    )


def draw_sample(population_ids: Iterable[int], size: int, seed: int) -> list[int]:
    """The sample: the population's ids sorted, shuffled by ``random.Random(seed)``
    — same seed and same population, same sample."""
    ordered = sorted(set(population_ids))
    # Reproducibility is the point (a seeded draw anyone can repeat), not secrecy.
    draw = random.Random(seed)  # noqa: S311
    return sorted(draw.sample(ordered, min(size, len(ordered))))


@transaction.atomic
def spot_sample_draw(
    *, actor, size: int, campaign: Campaign | None = None, seed: int | None = None
) -> SpotCheckSample:
    """The committee office draws a sample of the campaign's targets (or of
    every enterprise); the seed is stored so the draw can be repeated."""
    from core.campaigns.progress import campaign_targets

    scope = scope_for(actor)
    if not scope.sees_everything or scope.department is None:
        raise Refused(_("Only the safety committee office runs spot checks."))
    problems = Problems()
    try:
        size = int(size)
    except (TypeError, ValueError):
        size = 0
    if not 1 <= size <= MAX_SAMPLE:
        problems.add(
            "size",
            _("Enter a number from %(low)d to %(high)d.")
            % {"low": 1, "high": MAX_SAMPLE},
        )
    problems.raise_any()
    population = (
        campaign_targets(campaign, scope=scope) if campaign else scope.enterprises()
    )
    ids = list(population.values_list("pk", flat=True))
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    return SpotCheckSample.objects.create(
        department=scope.department,
        created_by=actor,
        campaign=campaign,
        seed=seed,
        size=min(size, len(ids)),
        population_size=len(ids),
        enterprise_ids=draw_sample(ids, size, seed),
    )
