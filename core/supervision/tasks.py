"""Supervision's periodic job: the daily enterprise rating.

Registered through ``safegrid_scheduled_jobs`` (``core.supervision.default_plugin``).
"""

from __future__ import annotations

from core.jobs.base import job


@job
def recompute_ratings() -> dict[str, int]:
    """Recompute every enterprise's class A–D and record the changes."""
    from core.supervision.rating import ratings_recompute

    return ratings_recompute()
