"""The API's enterprise list, written from plain rows.

``GET /api/v1/enterprises/`` reads its page with ``values()`` — the
enterprise's columns and its jurisdiction's name (one query, the page), the
industries' codes (one) — and writes each row as a dict in exactly the shape
of ``EnterpriseSerializer`` (which the detail and the schema keep; a test
compares the two row by row), instead of building an enterprise, its
jurisdiction and its industries a row and walking the serializer's fields
(``core.base.plain_rows``). The same queries as through the serializer.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from core.base.plain_rows import grouped
from core.organizations.models import Enterprise

#: The enterprise's columns a row shows, read with ``values()``.
ENTERPRISE_FIELDS = (
    "id",
    "name",
    "uscc",
    "jurisdiction_id",
    "jurisdiction__name",
    "latitude",
    "longitude",
    "address",
    "is_above_scale",
    "is_key_industry",
    "has_occupational_hazard",
)


def enterprise_values(queryset: QuerySet[Enterprise]) -> QuerySet[Enterprise]:
    """``queryset`` (filtered and ordered) reading only what a row shows."""
    return (
        queryset.select_related(None).prefetch_related(None).values(*ENTERPRISE_FIELDS)
    )


def _location(row: dict[str, Any]) -> dict[str, float] | None:
    # Both or nothing, as the serializer: half a coordinate is no place.
    if row["latitude"] is None or row["longitude"] is None:
        return None
    return {"lat": float(row["latitude"]), "lng": float(row["longitude"])}


def enterprise_rows(enterprises: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's rows (``values()`` of ``ENTERPRISE_FIELDS``) in the shape of
    ``EnterpriseSerializer``, the industries' codes in order (one query)."""
    codes = grouped(
        Enterprise.industries.through.objects.filter(
            enterprise_id__in=[row["id"] for row in enterprises]
        )
        .order_by("industry__code")
        .values_list("enterprise_id", "industry__code")
    )
    return [
        {
            "id": row["id"],
            "name": row["name"],
            "uscc": row["uscc"],
            "industries": codes.get(row["id"], []),
            "jurisdiction": {
                "id": row["jurisdiction_id"],
                "name": row["jurisdiction__name"],
            },
            "location": _location(row),
            "address": row["address"],
            "is_above_scale": row["is_above_scale"],
            "is_key_industry": row["is_key_industry"],
            "has_occupational_hazard": row["has_occupational_hazard"],
        }
        for row in enterprises
    ]
