"""The API's hazard list, written by hand from plain rows.

``GET /api/v1/hazards/`` shows 50 hazards of twenty fields with the names of
their enterprise, risk point and responsible person. Read as model instances
through ``HazardSerializer``, most of the page's time went into building and
walking objects (docs/performance.md). Here the cursor's page is read with
``values()`` (one query, the names joined; a department's by key,
``core.base.plain_rows``) and each row is a dict in exactly the shape of
``HazardSerializer``, which the detail and the schema keep (a test compares
the two row by row).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from core.base.plain_rows import date_text, datetime_text
from core.hazards.models import DEADLINE_STATES


def hazard_rows(hazards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's rows (``values()`` of ``core.hazards.api.HAZARD_COLUMNS``:
    a key reads as its id) in the shape of
    ``HazardSerializer``; ``overdue`` is ``Hazard.is_overdue`` (today's)."""
    today = timezone.localdate()
    return [
        {
            "id": hazard["id"],
            "enterprise": hazard["enterprise"],
            "enterprise_name": hazard["enterprise__name"],
            "status": hazard["status"],
            "grade": hazard["grade"],
            "deadline": date_text(hazard["deadline"]),
            "overdue": hazard["status"] in DEADLINE_STATES
            and hazard["deadline"] is not None
            and hazard["deadline"] < today,
            "risk_point": hazard["risk_point"],
            "risk_point_name": hazard["risk_point__name"],
            "description": hazard["description"],
            "location": hazard["location"],
            "hazard_type": hazard["hazard_type"],
            "how_found": hazard["how_found"],
            "management_class": hazard["management_class"],
            "fix_mode": hazard["fix_mode"],
            "responsible": hazard["responsible"],
            "responsible_name": hazard["responsible__name"],
            "supervised": hazard["supervised"],
            "reported_at": datetime_text(hazard["reported_at"]),
            "closed_at": datetime_text(hazard["closed_at"]),
        }
        for hazard in hazards
    ]
