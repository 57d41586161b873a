"""The four-colour map as a picture, for handbooks and circulars.

For the documents app (industry and territory handbooks, 风险公告栏)::

    from core.supervision.render import risk_map_png, risk_map_svg

    svg = risk_map_svg(scope=scope, query=MapQuery(industry=industry.pk))
    png = risk_map_png(scope=scope, query=MapQuery(territory=street))

Both draw what the map page draws — the territories the scope sees, the
enterprises coloured by their highest risk level — in two queries, with no
tiles and no browser. The SVG carries the territories' names; the PNG (Pillow)
none, so it needs no CJK font and embeds in a PDF as is.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from core.organizations.scope import Scope
from core.supervision import geometry
from core.supervision.selectors import MapQuery, map_enterprises, map_territories
from plugins.vocabularies import COLOURS, RISK_LEVELS

NO_LEVEL = "#9aa0a6"


def _colour(level: str) -> str:
    if level in RISK_LEVELS:
        return COLOURS[RISK_LEVELS[level].colour].rgb or NO_LEVEL
    return NO_LEVEL


def _data(scope: Scope, query: MapQuery | None):
    territories = map_territories(scope=scope)["features"]
    if query and query.territory is not None:
        territories = [
            t
            for t in territories
            if t["properties"]["path"].startswith(query.territory.path)
        ]
    enterprises = [
        f
        for f in map_enterprises(scope=scope, query=query)["features"]
        if f["geometry"]
    ]
    return territories, enterprises


def _projection(territories, enterprises, width: int, height: int, margin: int = 16):
    rings = [ring for t in territories for ring in geometry.outer_rings(t["geometry"])]
    rings += [[tuple(f["geometry"]["coordinates"])] for f in enterprises]
    if not rings:
        return None
    west, south, east, north = geometry.bounds(rings)
    span_x = max(east - west, 1e-6)
    span_y = max(north - south, 1e-6)
    scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)

    def project(point) -> tuple[float, float]:
        x, y = point[0], point[1]
        return (
            margin + (x - west) * scale,
            height - margin - (y - south) * scale,
        )

    return project


def risk_map_svg(
    *, scope: Scope, query: MapQuery | None = None, width: int = 800, height: int = 600
) -> str:
    """The map as an SVG document (a string)."""
    territories, enterprises = _data(scope, query)
    project = _projection(territories, enterprises, width, height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#f4f6f4"/>',
    ]
    if project is not None:
        for t in territories:
            leaf = t["properties"]["level"] == "grid"
            for ring in geometry.outer_rings(t["geometry"]):
                points = " ".join(
                    f"{x:.1f},{y:.1f}" for x, y in (project(p) for p in ring)
                )
                dash = ' stroke-dasharray="4 4"' if leaf else ""
                parts.append(
                    f'<polygon points="{points}" fill="none" stroke="#555" '
                    f'stroke-width="{1 if leaf else 2}"{dash}/>'
                )
            if not leaf and t["properties"]["depth"] > 1:
                cx, cy = project(
                    geometry.centroid(geometry.outer_rings(t["geometry"])[0][:-1])
                )
                parts.append(
                    f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="14" '
                    f'text-anchor="middle" fill="#333">'
                    f"{escape(t['properties']['name'])}</text>"
                )
        for f in enterprises:
            x, y = project(f["geometry"]["coordinates"])
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" '
                f'fill="{_colour(f["properties"]["level"])}" stroke="#fff">'
                f"<title>{escape(f['properties']['name'])}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


def risk_map_png(
    *, scope: Scope, query: MapQuery | None = None, width: int = 800, height: int = 600
) -> bytes:
    """The map as PNG bytes (no text)."""
    from PIL import Image, ImageDraw

    territories, enterprises = _data(scope, query)
    project = _projection(territories, enterprises, width, height)
    image = Image.new("RGB", (width, height), "#f4f6f4")
    draw = ImageDraw.Draw(image)
    if project is not None:
        for t in territories:
            leaf = t["properties"]["level"] == "grid"
            for ring in geometry.outer_rings(t["geometry"]):
                draw.line(
                    [project(p) for p in ring], fill="#555555", width=1 if leaf else 2
                )
        for f in enterprises:
            x, y = project(f["geometry"]["coordinates"])
            draw.ellipse(
                (x - 5, y - 5, x + 5, y + 5),
                fill=_colour(f["properties"]["level"]),
                outline="#ffffff",
            )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
