"""What an industry's or a territory's handbook contains, in bounded queries.

``scope_handbook_content`` aggregates the enterprises of one industry (a
department's) or one territory (a street or town office's, the territories
below it included):

* summary: enterprises, risk points by level, open and major hazards;
* one row per enterprise with the same figures, highest risk first;
* every major risk point (重大风险) with its enterprise, location, control
  level and responsible unit;
* the four-colour map of the scope (``core.supervision.render.risk_map_png``);
* a section per enterprise, bounded: its highest ``POINTS_PER_ENTERPRISE``
  risk points with their events, and how many more it has.

Queries: the enterprise figures (one), the points (one), the listed points'
events (one), the map (two); a fixed number whatever the size. The cost is
linear in the number of risk points (each is read once as a tuple).

The requester's right to the scope is checked by
``services.scope_handbook_request``; the job reads the target through a
committee-wide scope narrowed to the industry or territory.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core.documents.content import UNASSESSED, level_label
from core.documents.models import ScopeHandbook, ScopeKind
from core.documents.pdf import png_data_uri
from core.organizations.models import Role
from core.organizations.scope import Scope
from core.risks.models import RiskEvent, RiskPoint
from core.supervision.render import risk_map_png
from core.supervision.selectors import LEVELS, MapQuery, map_enterprise_queryset
from plugins.vocabularies import COLOURS, CONTROL_LEVELS, RISK_LEVELS, risk_level_rank

#: Risk points printed per enterprise in its section (highest level first).
POINTS_PER_ENTERPRISE = 10
#: Reads the target only: the request's scope was checked by the service.
TARGET_READER = Scope(user_id=None, role=Role.COMMITTEE)


def _query(handbook: ScopeHandbook) -> MapQuery:
    if handbook.kind == ScopeKind.INDUSTRY:
        return MapQuery(industry=handbook.industry_id)
    return MapQuery(territory=handbook.territory)


def _control_label(key: str) -> str:
    return str(CONTROL_LEVELS.label(key)) if key in CONTROL_LEVELS else key


def scope_handbook_content(*, handbook: ScopeHandbook) -> dict[str, Any]:
    """Everything the industry's or territory's handbook prints."""
    query = _query(handbook)
    enterprises = map_enterprise_queryset(scope=TARGET_READER, query=query)
    rows = []
    for row in enterprises.values_list(
        "pk",
        "name",
        "jurisdiction__name",
        "top_level",
        *(f"points_{level}" for level in LEVELS),
        "hazards_open",
        "hazards_major",
    ):
        pk, name, territory, top = row[:4]
        counts = list(row[4 : 4 + len(LEVELS)])
        rows.append(
            {
                "id": pk,
                "name": name,
                "territory": territory,
                "level": top or UNASSESSED,
                "level_label": level_label(top),
                "counts": counts,
                "hazards_open": row[-2],
                "hazards_major": row[-1],
            }
        )
    rows.sort(key=lambda r: (-risk_level_rank(r["level"]), r["name"], r["id"]))
    ids = [row["id"] for row in rows]
    points = list(
        RiskPoint.objects.filter(enterprise_id__in=enterprises.values("pk"))
        .values_list(
            "pk",
            "enterprise_id",
            "name",
            "level",
            "unit__name",
            "control_level",
            "responsible_unit__name",
        )
        .order_by("enterprise_id", "name", "pk")
    )
    by_enterprise: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for pk, enterprise_id, name, level, unit, control, responsible in points:
        by_enterprise[enterprise_id].append(
            {
                "id": pk,
                "name": name,
                "level": level or UNASSESSED,
                "level_label": level_label(level),
                "location": unit or "",
                "control_level": _control_label(control) if control else "",
                "responsible_unit": responsible or "",
            }
        )
    names = {row["id"]: row["name"] for row in rows}
    shown: list[int] = []
    sections = []
    for row in rows:
        members = sorted(
            by_enterprise.get(row["id"], []),
            key=lambda p: (-risk_level_rank(p["level"]), p["name"]),
        )
        listed = members[:POINTS_PER_ENTERPRISE]
        shown.extend(p["id"] for p in listed)
        sections.append({**row, "points": listed, "more": len(members) - len(listed)})
    events: dict[int, list[str]] = defaultdict(list)
    for point_id, name in (
        RiskEvent.objects.filter(risk_point_id__in=shown, is_active=True)
        .order_by("risk_point_id", "order", "pk")
        .values_list("risk_point_id", "name")
    ):
        events[point_id].append(name)
    for section in sections:
        for point in section["points"]:
            point["events"] = events.get(point["id"], [])
    major = sorted(
        (
            {**point, "enterprise": names.get(enterprise_id, "")}
            for enterprise_id, members in by_enterprise.items()
            for point in members
            if point["level"] == "major"
        ),
        key=lambda p: (p["enterprise"], p["name"]),
    )
    totals = [sum(row["counts"][i] for row in rows) for i in range(len(LEVELS))]
    levels = [
        {"level": key, "label": level_label(key), "count": totals[i]}
        for i, key in enumerate(LEVELS)
    ]
    unassessed = sum(1 for p in points if not p[3])
    picture = risk_map_png(scope=TARGET_READER, query=query, width=1200, height=900)
    scope_name = handbook.target_name
    return {
        "title": (
            _("Industry risk control handbook")
            if handbook.kind == ScopeKind.INDUSTRY
            else _("Territory risk control handbook")
        ),
        "kind": handbook.kind,
        "scope_name": scope_name,
        "version": handbook.number,
        "generated_at": timezone.localtime(),
        "enterprise_count": len(ids),
        "risk_point_count": len(points),
        "unassessed": unassessed,
        "levels": levels,
        "level_keys": [{"level": key, "label": level_label(key)} for key in LEVELS],
        "hazards_open": sum(row["hazards_open"] for row in rows),
        "hazards_major": sum(row["hazards_major"] for row in rows),
        "enterprises": rows,
        "major_points": major,
        "map": png_data_uri(picture),
        "legend": [
            {
                "level": term.key,
                "label": f"{COLOURS.label(term.colour)} {term.label}",
            }
            for term in RISK_LEVELS
        ],
        "sections": sections,
        "points_per_enterprise": POINTS_PER_ENTERPRISE,
    }
