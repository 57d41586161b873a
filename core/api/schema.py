"""drf-spectacular hooks for the SafeGrid API schema."""

from __future__ import annotations

API_PREFIX = "/api/v1/"


def api_v1_only(endpoints: list[tuple], **kwargs) -> list[tuple]:
    """Keep only the endpoints under /api/v1/.

    The generator walks the whole URLconf, which also holds Wagtail's internal
    admin API; those views are not ours, not public, and cannot be introspected.
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
