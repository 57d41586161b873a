"""What the enterprise risk control handbook contains, read in bounded queries.

``handbook_content`` gathers everything the handbook prints for one
enterprise (FACTS § 7): the profile, the methods and thresholds that graded
its risks, the risk points grouped by level with their events, accident
types, measures, control level and responsible unit and person, the
inspection checklists and periods, emergency contacts and measures, the
four-colour site plan as a picture, and the revision history. A fixed
number of queries whatever the number of risk points
(``tests/core/documents/test_handbook.py`` asserts it).

It is called by the generation job for an enterprise whose handbook the
requester was allowed to generate (``services.handbook_request`` asks the
scope); it reads that one enterprise only.

``snapshot`` summarises the contents so that the next version can say what
changed (``changes_between``).
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw

from core.documents.models import GenerationStatus, HandbookVersion
from core.documents.pdf import png_data_uri
from core.documents.sections import enterprise_sections
from core.organizations.models import Enterprise
from core.risks.models import (
    AccidentType,
    ControlMeasure,
    RiskEvent,
    RiskPoint,
    SitePlan,
)
from core.risks.selectors import thresholds_for
from core.risks.thresholds import bands_text
from core.scoring import UnknownRule, scoring_engine
from plugins.vocabularies import (
    COLOURS,
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
)

UNASSESSED = "unassessed"
#: The colours printed for each level (红橙黄蓝), as on the portal's map.
LEVEL_RGB = {
    "major": (232, 39, 31),
    "significant": (242, 132, 31),
    "general": (247, 210, 27),
    "low": (42, 111, 214),
    UNASSESSED: (170, 170, 170),
}
#: Emergency numbers every card and handbook prints (火警, 急救, 报警).
PUBLIC_EMERGENCY_NUMBERS = (("119", "火警"), ("120", "急救"), ("110", "报警"))
SITE_PLAN_SIDE = 1600


def _label(vocabulary: Any, key: str) -> str:
    return str(vocabulary.label(key)) if key in vocabulary else key


def level_label(level: str) -> str:
    if level in RISK_LEVELS:
        return _label(RISK_LEVELS, level)
    return _("Not assessed yet")


def period_text(every: int | None, unit: str) -> str:
    if not every or not unit:
        return ""
    return _("every %(every)s %(unit)s") % {
        "every": every,
        "unit": _label(PERIOD_UNITS, unit),
    }


def method_title(method: str) -> str:
    try:
        return str(scoring_engine().get(method).rule.title)
    except UnknownRule:
        return method


def printed_events() -> QuerySet[RiskEvent]:
    """The active events of risk points as the documents print them: with
    the latest assessment, the accident types and the active measures."""
    return (
        RiskEvent.objects.filter(is_active=True)
        .select_related("latest_assessment")
        .prefetch_related(
            Prefetch("accident_types", queryset=AccidentType.objects.order_by("code")),
            Prefetch(
                "measures",
                queryset=ControlMeasure.objects.filter(is_active=True).order_by(
                    "order", "pk"
                ),
            ),
        )
        .order_by("order", "pk")
    )


def risk_points_of(enterprise_id: int) -> list[RiskPoint]:
    """The enterprise's risk points with everything the handbook prints.

    Five queries: points (with unit and person), events (with the latest
    assessment), their accident types, their measures.
    """
    return list(
        RiskPoint.objects.filter(enterprise_id=enterprise_id)
        .select_related("unit", "responsible_unit", "responsible_person")
        .prefetch_related(Prefetch("events", queryset=printed_events()))
        .order_by("name", "pk")
    )


def _point_row(point: RiskPoint) -> dict[str, Any]:
    level = point.level or UNASSESSED
    events = []
    emergency = []
    checks = []
    for event in point.events.all():
        measures_by_kind: dict[str, list[str]] = defaultdict(list)
        for measure in event.measures.all():
            measures_by_kind[measure.kind].append(measure.description)
            if measure.kind == "emergency":
                emergency.append(measure.description)
            else:
                checks.append(measure.description)
        assessment = event.latest_assessment
        events.append(
            {
                "name": event.name,
                "consequence": event.consequence,
                "accident_types": [a.name_zh for a in event.accident_types.all()],
                "level": (assessment.level if assessment else "") or UNASSESSED,
                "level_label": level_label(assessment.level if assessment else ""),
                "method": method_title(assessment.method) if assessment else "",
                "method_key": assessment.method.upper() if assessment else "",
                "value": assessment.value if assessment else None,
                "measures": [
                    {"kind": _label(MEASURE_TYPES, kind), "items": items}
                    for kind, items in sorted(
                        measures_by_kind.items(),
                        key=lambda pair: (
                            MEASURE_TYPES.keys().index(pair[0])
                            if pair[0] in MEASURE_TYPES
                            else 99
                        ),
                    )
                ],
            }
        )
    return {
        "id": point.pk,
        "name": point.name,
        "kind": _label(RISK_POINT_KINDS, point.kind),
        "location": point.unit.name if point.unit else "",
        "level": level,
        "level_label": level_label(point.level),
        "control_level": _label(CONTROL_LEVELS, point.control_level)
        if point.control_level
        else "",
        "responsible_unit": point.responsible_unit.name
        if point.responsible_unit
        else "",
        "responsible_person": point.responsible_person.name
        if point.responsible_person
        else "",
        "responsible_phone": point.responsible_person.phone
        if point.responsible_person
        else "",
        "period": period_text(point.inspection_every, point.inspection_unit),
        "events": events,
        "emergency": emergency,
        "checks": checks,
    }


def _methods(points: list[RiskPoint], industry_codes: list[str]) -> list[dict]:
    used: dict[str, int] = defaultdict(int)
    for point in points:
        for event in point.events.all():
            if event.latest_assessment is not None:
                used[event.latest_assessment.method] += 1
    methods = []
    for method in sorted(used):
        bands = []
        for source, thresholds in thresholds_for(
            method=method, industry_codes=industry_codes
        ):
            bands.append(
                {
                    "source": source,
                    "bands": [
                        {"level": level, "label": level_label(level), "text": text}
                        for level, text in bands_text(thresholds)
                    ],
                }
            )
        methods.append(
            {
                "key": method,
                "title": method_title(method),
                "events": used[method],
                "thresholds": bands,
            }
        )
    return methods


def site_plan_png(
    plan: SitePlan | None, points: list[RiskPoint], *, side: int = SITE_PLAN_SIDE
) -> bytes | None:
    """The four-colour site plan: the uploaded plan with every placed point
    drawn in its level's colour. ``None`` when no point is placed and there
    is no plan."""
    placed = [p for p in points if (p.position or {}).get("type")]
    if plan is None and not placed:
        return None
    base: Image.Image | None = None
    if plan is not None and plan.image:
        try:
            with plan.image.open("rb") as handle:
                base = Image.open(handle)
                base.load()
        except (OSError, ValueError):
            base = None
    if base is None:
        base = Image.new("RGB", (side, round(side * 0.62)), (250, 250, 250))
    base = base.convert("RGB")
    base.thumbnail((side, side))
    width, height = base.size
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    radius = max(6, width // 90)
    for point in placed:
        colour = LEVEL_RGB.get(point.level or UNASSESSED, LEVEL_RGB[UNASSESSED])
        position = point.position or {}
        if position.get("type") == "point":
            x, y = float(position["x"]) * width, float(position["y"]) * height
            draw.ellipse(
                (x - radius, y - radius, x + radius, y + radius),
                fill=(*colour, 230),
                outline=(0, 0, 0, 255),
                width=2,
            )
        elif position.get("type") == "polygon":
            coords = [
                (float(px) * width, float(py) * height)
                for px, py in position.get("points") or []
            ]
            if len(coords) >= 3:
                draw.polygon(coords, fill=(*colour, 110), outline=(*colour, 255))
    merged = Image.alpha_composite(base.convert("RGBA"), overlay).convert("RGB")
    output = io.BytesIO()
    merged.save(output, "PNG", optimize=True)
    return output.getvalue()


def _profile(enterprise: Enterprise) -> dict[str, Any]:
    return {
        "name": enterprise.name,
        "uscc": enterprise.uscc,
        "address": enterprise.address,
        "legal_representative": enterprise.legal_representative,
        "jurisdiction": enterprise.jurisdiction.name,
        "industries": [i.name_zh for i in enterprise.industries.all()],
        "is_above_scale": enterprise.is_above_scale,
        "is_key_industry": enterprise.is_key_industry,
        "contacts": [
            {"name": c.name, "title": c.title, "phone": c.phone}
            for c in enterprise.contacts.all()
        ],
    }


def snapshot(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A summary of the handbook's risk points: id → name, level, digest."""
    points = {}
    for row in rows:
        digest = hashlib.sha256(
            repr(
                (
                    row["events"],
                    row["control_level"],
                    row["responsible_unit"],
                    row["responsible_person"],
                    row["period"],
                )
            ).encode()
        ).hexdigest()[:16]
        points[str(row["id"])] = {
            "name": row["name"],
            "level": row["level"],
            "digest": digest,
        }
    return {"points": points}


def changes_between(
    previous: dict[str, Any] | None, current: dict[str, Any]
) -> list[dict[str, str]]:
    """What changed between two snapshots, as ``{"kind", "text"}`` rows.

    Kinds: ``first`` (no previous version), ``added``, ``removed``,
    ``level`` (the level changed), ``changed`` (events, measures or the
    control assignment changed), ``none`` (nothing changed).
    """
    if not previous:
        return [{"kind": "first", "text": _("First version of the handbook.")}]
    before = previous.get("points", {})
    after = current.get("points", {})
    changes = []
    for key, point in after.items():
        old = before.get(key)
        if old is None:
            changes.append(
                {
                    "kind": "added",
                    "text": _("Risk point added: %(name)s (%(level)s)")
                    % {"name": point["name"], "level": level_label(point["level"])},
                }
            )
        elif old["level"] != point["level"]:
            changes.append(
                {
                    "kind": "level",
                    "text": _("%(name)s: level changed from %(old)s to %(new)s")
                    % {
                        "name": point["name"],
                        "old": level_label(old["level"]),
                        "new": level_label(point["level"]),
                    },
                }
            )
        elif old["digest"] != point["digest"] or old["name"] != point["name"]:
            changes.append(
                {
                    "kind": "changed",
                    "text": _(
                        "%(name)s: events, measures or control assignment changed"
                    )
                    % {"name": point["name"]},
                }
            )
    for key, point in before.items():
        if key not in after:
            changes.append(
                {
                    "kind": "removed",
                    "text": _("Risk point removed: %(name)s") % {"name": point["name"]},
                }
            )
    if not changes:
        changes.append(
            {"kind": "none", "text": _("No change in the risk points since then.")}
        )
    return changes


def handbook_content(
    *, enterprise: Enterprise, version: HandbookVersion
) -> dict[str, Any]:
    """Everything the handbook of ``enterprise`` prints, for ``version``."""
    enterprise = (
        Enterprise.objects.select_related("jurisdiction")
        .prefetch_related("industries", "contacts")
        .get(pk=enterprise.pk)
    )
    points = risk_points_of(enterprise.pk)
    rows = [_point_row(point) for point in points]
    industry_codes = [i.code for i in enterprise.industries.all()]
    groups = []
    for level in (*RISK_LEVELS.keys(), UNASSESSED):
        members = [row for row in rows if row["level"] == level]
        if members:
            groups.append(
                {"level": level, "label": level_label(level), "points": members}
            )
    plan = SitePlan.objects.filter(enterprise_id=enterprise.pk).first()
    plan_png = site_plan_png(plan, points)
    previous = (
        HandbookVersion.objects.filter(
            enterprise_id=enterprise.pk,
            status=GenerationStatus.READY,
            number__lt=version.number,
        )
        .order_by("-number")
        .only("number", "snapshot", "changes", "note", "finished_at")
    )
    history = list(previous[:20])
    current_snapshot = snapshot(rows)
    changes = changes_between(
        history[0].snapshot if history else None, current_snapshot
    )
    emergency = [
        {"point": row["name"], "level": row["level"], "items": row["emergency"]}
        for row in rows
        if row["emergency"]
    ]
    return {
        "title": _("Risk control handbook"),
        "enterprise": _profile(enterprise),
        "version": version.number,
        "generated_at": timezone.localtime(),
        "note": version.note,
        "methods": _methods(points, industry_codes),
        "level_counts": [
            {"level": g["level"], "label": g["label"], "count": len(g["points"])}
            for g in groups
        ],
        "groups": groups,
        "checklists": [row for row in rows if row["checks"] or row["period"]],
        "emergency": emergency,
        "public_numbers": PUBLIC_EMERGENCY_NUMBERS,
        "site_plan": png_data_uri(plan_png) if plan_png else "",
        "legend": [
            *(
                {
                    "level": term.key,
                    "label": f"{_label(COLOURS, term.colour)} {term.label}",
                }
                for term in RISK_LEVELS
            ),
            {"level": UNASSESSED, "label": level_label("")},
        ],
        "changes": changes,
        "history": [
            {
                "number": old.number,
                "date": old.finished_at,
                "note": old.note,
                "changes": old.changes,
            }
            for old in history
        ],
        "snapshot": current_snapshot,
        "risk_point_count": len(rows),
        # The core's and the packs' sections as the industry's department
        # set them, with the enterprise's notes (core.documents.sections).
        "sections": enterprise_sections(
            enterprise_id=enterprise.pk, industries=list(enterprise.industries.all())
        ),
        # Pictures or paragraphs a caller adds after the sections.
        "extra_sections": [],
    }
