"""Level thresholds of the risk methods, set by the departments."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from core.organizations.models import Industry
from core.organizations.scope import scope_for
from core.risks.models import (
    LevelThreshold,
)


# -- thresholds ----------------------------------------------------------------
@transaction.atomic
def level_threshold_set(
    *,
    user: Any,
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
    committee for any industry and the platform default. Validates the
    ordering and range (``ValidationError`` by field).
    """
    if not scope_for(user).can_configure_industry(industry):
        raise PermissionDenied(_("You may not configure this industry."))
    threshold = LevelThreshold.objects.filter(method=method, industry=industry).first()
    threshold = threshold or LevelThreshold(method=method, industry=industry)
    threshold.major_from = major_from
    threshold.significant_from = significant_from
    threshold.general_from = general_from
    threshold.major_inclusive = major_inclusive
    threshold.significant_inclusive = significant_inclusive
    threshold.general_inclusive = general_inclusive
    threshold.note = note
    threshold.updated_by = user
    threshold.full_clean()
    threshold.save()
    return threshold
