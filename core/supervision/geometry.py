"""Plain-Python plane geometry for the map: no GIS extension needed.

Coordinates are ``(longitude, latitude)`` pairs as in GeoJSON. The district
is small enough (tens of kilometres) that treating degrees as a plane is
exact enough for drawing, for "is this enterprise inside its grid" and for
cutting demo territories.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

Point = tuple[float, float]
Ring = list[Point]

MAX_VERTICES = 5000


def validate_boundary(value) -> None:
    """A GeoJSON Polygon or MultiPolygon with closed rings of valid positions."""
    if not isinstance(value, dict) or value.get("type") not in (
        "Polygon",
        "MultiPolygon",
    ):
        raise ValidationError(
            _("The boundary must be a GeoJSON Polygon or MultiPolygon.")
        )
    polygons = (
        [value.get("coordinates")]
        if value["type"] == "Polygon"
        else value.get("coordinates")
    )
    if not isinstance(polygons, list) or not polygons:
        raise ValidationError(_("The boundary has no coordinates."))
    vertices = 0
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            raise ValidationError(_("The boundary has an empty polygon."))
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                raise ValidationError(
                    _("Each ring of the boundary needs at least four positions.")
                )
            for position in ring:
                if (
                    not isinstance(position, list | tuple)
                    or len(position) < 2
                    or not all(
                        isinstance(c, int | float) and not isinstance(c, bool)
                        for c in position[:2]
                    )
                    or not -180 <= position[0] <= 180
                    or not -90 <= position[1] <= 90
                ):
                    raise ValidationError(
                        _("Each position is [longitude, latitude] within ±180 and ±90.")
                    )
            if list(ring[0][:2]) != list(ring[-1][:2]):
                raise ValidationError(
                    _("Each ring of the boundary must end where it starts.")
                )
            vertices += len(ring)
    if vertices > MAX_VERTICES:
        raise ValidationError(
            _("The boundary has more than %(max)d positions.") % {"max": MAX_VERTICES}
        )


def outer_rings(geometry: dict) -> list[Ring]:
    """The outer ring of each polygon of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [[tuple(p[:2]) for p in geometry["coordinates"][0]]]
    return [[tuple(p[:2]) for p in polygon[0]] for polygon in geometry["coordinates"]]


def point_in_ring(point: Point, ring: Sequence[Point]) -> bool:
    """Ray casting: is ``point`` inside the closed ``ring``?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y):
            crossing = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < crossing:
                inside = not inside
    return inside


def point_in_geometry(point: Point, geometry: dict) -> bool:
    return any(point_in_ring(point, ring) for ring in outer_rings(geometry))


def clip_half_plane(ring: Ring, a: float, b: float, c: float) -> Ring:
    """Keep the part of the (open) polygon ``ring`` where ``a*x + b*y <= c``."""
    kept: Ring = []
    if not ring:
        return kept
    count = len(ring)
    for index in range(count):
        current = ring[index]
        following = ring[(index + 1) % count]
        current_in = a * current[0] + b * current[1] <= c
        following_in = a * following[0] + b * following[1] <= c
        if current_in:
            kept.append(current)
        if current_in != following_in:
            dx, dy = following[0] - current[0], following[1] - current[1]
            denominator = a * dx + b * dy
            t = (c - a * current[0] - b * current[1]) / denominator
            kept.append((current[0] + t * dx, current[1] + t * dy))
    return kept


def voronoi_cells(region: Ring, seeds: Sequence[Point]) -> list[Ring]:
    """The part of the convex ``region`` nearer to each seed than to the others."""
    cells = []
    for i, (xi, yi) in enumerate(seeds):
        cell = list(region)
        for j, (xj, yj) in enumerate(seeds):
            if i == j:
                continue
            # Nearer to i than to j: 2(xj-xi)x + 2(yj-yi)y <= |j|² - |i|².
            cell = clip_half_plane(
                cell,
                2 * (xj - xi),
                2 * (yj - yi),
                xj * xj + yj * yj - xi * xi - yi * yi,
            )
        cells.append(cell)
    return cells


def centroid(ring: Ring) -> Point:
    """The area centroid of an open polygon ring."""
    area = cx = cy = 0.0
    count = len(ring)
    for index in range(count):
        x1, y1 = ring[index]
        x2, y2 = ring[(index + 1) % count]
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return (
            sum(p[0] for p in ring) / count,
            sum(p[1] for p in ring) / count,
        )
    return cx / (3 * area), cy / (3 * area)


def split_into_sectors(region: Ring, count: int, turn: float = 0.0) -> list[Ring]:
    """Cut the convex ``region`` into ``count`` sectors around its centroid."""
    if count <= 1:
        return [list(region)]
    cx, cy = centroid(region)
    sectors = []
    for k in range(count):
        start = turn + 2 * math.pi * k / count
        end = turn + 2 * math.pi * (k + 1) / count
        cell = list(region)
        # Left of the start ray and right of the end ray (each a half-plane
        # through the centroid); for two sectors the two coincide.
        cell = clip_half_plane(
            cell,
            math.sin(start),
            -math.cos(start),
            cx * math.sin(start) - cy * math.cos(start),
        )
        cell = clip_half_plane(
            cell,
            -math.sin(end),
            math.cos(end),
            -cx * math.sin(end) + cy * math.cos(end),
        )
        sectors.append(cell)
    return sectors


def polygon(ring: Iterable[Point], digits: int = 6) -> dict:
    """A GeoJSON Polygon of an open ring (closed and rounded here)."""
    points = [[round(x, digits), round(y, digits)] for x, y in ring]
    if points and points[0] != points[-1]:
        points.append(list(points[0]))
    return {"type": "Polygon", "coordinates": [points]}


def bounds(rings: Iterable[Ring]) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` of the rings."""
    xs: list[float] = []
    ys: list[float] = []
    for ring in rings:
        xs.extend(p[0] for p in ring)
        ys.extend(p[1] for p in ring)
    return min(xs), min(ys), max(xs), max(ys)
