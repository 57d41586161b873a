"""Level thresholds of the risk methods, set by the departments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Refused
from core.organizations.models import Enterprise, Industry
from core.organizations.scope import scope_for
from core.risks.models import (
    Assessment,
    LevelThreshold,
    RiskEvent,
    RiskPoint,
)
from core.risks.selectors import thresholds_for
from core.scoring.grading import graded_level
from plugins.contributions import LevelThresholds


# -- thresholds ----------------------------------------------------------------
def _in_force(method: str, industry: Industry | None) -> LevelThresholds | None:
    """The thresholds grading ``method`` for ``industry`` (None: the platform)."""
    pairs = thresholds_for(
        method=method, industry_codes=[industry.code] if industry else []
    )
    return pairs[0][1] if pairs else None


@transaction.atomic
def level_threshold_set(
    *,
    actor: Any,
    method: str,
    industry: Industry | None,
    major_from: Any,
    significant_from: Any,
    general_from: Any,
    major_inclusive: bool = False,
    significant_inclusive: bool = False,
    general_inclusive: bool = False,
    note: str = "",
) -> LevelThreshold:
    """Set the level thresholds of a method for an industry (None: platform).

    An industry department may set them only for its own industries; the
    committee for any industry and the platform default (``Refused``
    otherwise). Validates the ordering and range (``ValidationError`` by
    field). When the bands in force change, the risk points whose level
    they would change are flagged for re-assessment (``flag_reassessment``).
    """
    if not scope_for(actor).can_configure_industry(industry):
        raise Refused(_("You may not configure this industry."))
    threshold = (
        LevelThreshold.objects.select_for_update(of=("self",))
        .filter(method=method, industry=industry)
        .first()
    )
    before = threshold.as_thresholds() if threshold else _in_force(method, industry)
    threshold = threshold or LevelThreshold(method=method, industry=industry)
    threshold.major_from = major_from
    threshold.significant_from = significant_from
    threshold.general_from = general_from
    threshold.major_inclusive = major_inclusive
    threshold.significant_inclusive = significant_inclusive
    threshold.general_inclusive = general_inclusive
    threshold.note = note
    threshold.updated_by = actor
    threshold.full_clean()
    threshold.save()
    if before is None or _cuts(before) != _cuts(threshold.as_thresholds()):
        flag_reassessment(method=method, industry=industry)
    return threshold


@transaction.atomic
def level_threshold_delete(*, actor: Any, threshold: LevelThreshold) -> None:
    """Remove configured thresholds: the platform default (or the method's
    own) applies again, and the points it regrades are flagged."""
    if not scope_for(actor).can_configure_industry(threshold.industry_id):
        raise Refused(_("You may not configure this industry."))
    method, industry = threshold.method, threshold.industry
    before = _cuts(threshold.as_thresholds())
    threshold.delete()
    after = _in_force(method, industry)
    if after is None or _cuts(after) != before:
        flag_reassessment(method=method, industry=industry)


def _cuts(thresholds: LevelThresholds) -> tuple[tuple[str, Decimal, bool], ...]:
    return tuple(
        (level, Decimal(str(cut)), bool(inclusive))
        for level, cut, inclusive in thresholds.cuts()
    )


def flag_reassessment(*, method: str, industry: Industry | None) -> int:
    """Flag the risk points whose level the thresholds in force now change.

    Thresholds were changed for ``method`` and ``industry`` (None: the
    platform default, which grades every enterprise without its own row).
    For each active event whose latest assessment used ``method`` and gave a
    value, the value is graded again with the thresholds now in force for
    the enterprise's industries; where the scored level differs, the point
    is flagged (``reassess_since``/``reassess_method``). Nothing the
    enterprise recorded is rewritten: the enterprise re-assesses, and the
    flag is its notice (portal home and the point's page). A fixed number of
    queries plus one per distinct combination of industries.
    Returns the number of points flagged.
    """
    events = RiskEvent.objects.filter(is_active=True)
    if industry is not None:
        events = events.filter(risk_point__enterprise__industries=industry)
    rows = list(
        Assessment.objects.filter(
            pk__in=events.values("latest_assessment"),
            method=method,
            value__isnull=False,
        ).values_list(
            "risk_point_id", "risk_point__enterprise_id", "value", "scored_level"
        )
    )
    if not rows:
        return 0
    codes: dict[int, list[str]] = {}
    for enterprise_id, code in Enterprise.industries.through.objects.filter(
        enterprise_id__in={row[1] for row in rows}
    ).values_list("enterprise_id", "industry__code"):
        codes.setdefault(enterprise_id, []).append(code)
    in_force: dict[tuple[str, ...], list[tuple[str, LevelThresholds]]] = {}
    changed = set()
    for point_id, enterprise_id, value, scored_level in rows:
        key = tuple(sorted(codes.get(enterprise_id, [])))
        if key not in in_force:
            in_force[key] = thresholds_for(method=method, industry_codes=list(key))
        if not in_force[key] or value is None:
            continue
        level, _source, _used = graded_level(value, in_force[key])
        if level != scored_level:
            changed.add(point_id)
    if changed:
        RiskPoint.objects.filter(pk__in=changed).update(
            reassess_since=timezone.now(), reassess_method=method
        )
    return len(changed)
