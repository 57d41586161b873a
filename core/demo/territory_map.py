"""The demo district's territories on the map: boundaries and locations.

The demo (``core.demo.world``) names five streets and towns with a centre each,
and 2–4 grids in each. Here the district gets an outline, each street or
town the part of it nearer its centre than any other's (a Voronoi cell),
and each grid a sector of its street; enterprises lying outside their grid
are moved to a reproducible point inside it. Added only where missing, so
a district loaded earlier gets it too.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.db import transaction

from core.organizations.models import Enterprise, Jurisdiction
from core.supervision import geometry
from core.supervision.models import TerritoryBoundary

# The demo district's outline (longitude, latitude), clockwise from the west.
DISTRICT_OUTLINE: list[geometry.Point] = [
    (125.302, 43.852),
    (125.314, 43.905),
    (125.352, 43.919),
    (125.430, 43.919),
    (125.488, 43.915),
    (125.499, 43.872),
    (125.486, 43.806),
    (125.420, 43.801),
    (125.340, 43.806),
]
SEED = 2017


def _street_centres() -> dict[str, geometry.Point]:
    from core.demo.world import TERRITORIES

    return {
        f"CQ{index:02d}": (lng, lat)
        for index, (*_rest, lat, lng) in enumerate(TERRITORIES, 1)
    }


def demo_boundaries() -> dict[str, dict]:
    """Jurisdiction code → GeoJSON polygon for the demo district, its
    streets and towns, and grids (grid codes ``CQnnmm``, 1–4 per street)."""
    from core.demo.world import DISTRICT_CODE

    centres = _street_centres()
    codes = list(centres)
    cells = geometry.voronoi_cells(DISTRICT_OUTLINE, [centres[c] for c in codes])
    result = {DISTRICT_CODE: geometry.polygon(DISTRICT_OUTLINE)}
    for code, cell in zip(codes, cells, strict=True):
        result[code] = geometry.polygon(cell)
        for count in range(1, 5):
            for number, sector in enumerate(
                geometry.split_into_sectors(cell, count, turn=0.4), 1
            ):
                result.setdefault(
                    f"{code}{number:02d}#{count}", geometry.polygon(sector)
                )
    return result


@transaction.atomic
def ensure_demo_territory_map(seed: int = SEED) -> int:
    """Give the demo's jurisdictions boundaries and put each enterprise inside
    its grid; returns the number of boundaries created."""
    from core.demo.world import DISTRICT_CODE

    district = Jurisdiction.objects.filter(code=DISTRICT_CODE).first()
    if district is None:
        return 0
    nodes = list(Jurisdiction.get_tree(district))
    have = set(
        TerritoryBoundary.objects.filter(jurisdiction__in=nodes).values_list(
            "jurisdiction_id", flat=True
        )
    )
    shapes = demo_boundaries()
    grids_per_street: dict[str, int] = {}
    for node in nodes:
        if node.level == Jurisdiction.Level.GRID:
            grids_per_street[node.code[:4]] = grids_per_street.get(node.code[:4], 0) + 1
    created = 0
    grid_shapes: dict[int, dict] = {}
    for node in nodes:
        if node.level == Jurisdiction.Level.GRID:
            count = grids_per_street.get(node.code[:4], 1)
            shape = shapes.get(f"{node.code}#{count}")
        else:
            shape = shapes.get(node.code)
        if shape is None:
            continue
        if node.level == Jurisdiction.Level.GRID:
            grid_shapes[node.pk] = shape
        if node.pk not in have:
            TerritoryBoundary.objects.create(jurisdiction=node, geometry=shape)
            created += 1
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    for enterprise in Enterprise.objects.filter(
        jurisdiction_id__in=grid_shapes
    ).order_by("pk"):
        shape = grid_shapes[enterprise.jurisdiction_id]
        point = (
            (float(enterprise.longitude), float(enterprise.latitude))
            if enterprise.latitude is not None and enterprise.longitude is not None
            else None
        )
        if point and geometry.point_in_geometry(point, shape):
            continue
        ring = geometry.outer_rings(shape)[0]
        west, south, east, north = geometry.bounds([ring])
        inside = geometry.centroid(ring[:-1])
        for _attempt in range(200):
            candidate = (rng.uniform(west, east), rng.uniform(south, north))
            if geometry.point_in_ring(candidate, ring):
                inside = candidate
                break
        Enterprise.objects.filter(pk=enterprise.pk).update(
            longitude=Decimal(f"{inside[0]:.6f}"), latitude=Decimal(f"{inside[1]:.6f}")
        )
    return created
