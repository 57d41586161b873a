"""The cards at every post and the enterprise's notice board, with their QR codes.

Four documents, each one A4 page rendered at once (no background job):

* 岗位风险告知卡 (``post_risk``): the post's risk points with level and
  colour, hazards, possible accident types and consequences, control
  measures, emergency measures and the report telephone numbers.
* 应急处置卡 (``emergency``): per scenario (accident type or risk event) the
  numbered first actions, with who does each, the reporting path, cautions,
  contacts, emergency supplies and escape route (FACTS § 7, 应急管理部令第2号).
  Its content is an ``EmergencyCard``, built by the function named in
  ``SAFEGRID_EMERGENCY_CARD_PROVIDER`` (default:
  ``emergency_card_from_emergency_app``: the emergency app's record of the
  post first, then the risk events' emergency measures; the risks alone,
  ``emergency_card_from_risks``, when the post has no record). The card
  prints whatever the provider fills in.
* 职业危害告知卡 (``occupational``): only for a post exposed to occupational
  hazards (``post_is_exposed``).
* 风险公告栏 (``poster``): the enterprise's risk points by level, with the
  four-colour site plan.

A post's risk points are those located at or controlled by the post or one of
the units above it (the workshop the post works in). Each printed card carries
a QR code of its ``PublicCard`` page (``/c/<token>/``), which shows the same
content without names and telephone numbers of people.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import segno
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.documents.content import (
    PUBLIC_EMERGENCY_NUMBERS,
    UNASSESSED,
    _point_row,
    level_label,
    printed_events,
    site_plan_png,
)
from core.documents.models import CardKind, PublicCard
from core.documents.pdf import png_data_uri, render_pdf
from core.organizations.models import Enterprise, Role, Unit
from core.organizations.scope import Scope
from core.risks.models import (
    ControlMeasure,
    HazardFactor,
    RiskEvent,
    RiskPoint,
    SitePlan,
)
from plugins.vocabularies import (
    PROTECTION_MEASURE_TYPES,
    RISK_LEVELS,
    risk_level_rank,
)

#: GB/T 13861 classes whose factors make a post exposed to occupational
#: hazards (chemical 22, biological 23), and the GB 6441 type 中毒和窒息 (19).
OCCUPATIONAL_FACTOR_PREFIXES = ("22", "23")
OCCUPATIONAL_ACCIDENT_TYPES = ("19",)


@dataclass
class EmergencyAction:
    """One numbered first action: what to do and which post does it."""

    text: str
    responsible: str = ""


@dataclass
class EmergencyScenario:
    """A scenario of the card: its name, warning signs and first actions."""

    name: str
    level: str = ""
    warning_signs: str = ""
    actions: list[EmergencyAction] = field(default_factory=list)


@dataclass
class EmergencyCard:
    """What an 应急处置卡 prints. Every field may be filled by a provider."""

    post: str
    scenarios: list[EmergencyScenario] = field(default_factory=list)
    reporting: str = ""
    cautions: list[str] = field(default_factory=list)
    contacts: list[tuple[str, str]] = field(default_factory=list)
    supplies: str = ""
    escape_route: str = ""
    assembly_point: str = ""
    source: str = "risks"


def post_points(post: Unit) -> list[RiskPoint]:
    """The risk points of a post, with events, types, factors and measures."""
    units = [post.pk, *post.get_ancestors().values_list("pk", flat=True)]
    points = (
        RiskPoint.objects.filter(enterprise_id=post.enterprise_id)
        .filter(Q(unit_id__in=units) | Q(responsible_unit_id__in=units))
        .select_related("unit", "responsible_unit", "responsible_person")
        .prefetch_related(
            Prefetch("events", queryset=printed_events()),
            Prefetch(
                "hazard_factors",
                queryset=HazardFactor.objects.select_related("factor_class"),
            ),
        )
        .order_by("name", "pk")
    )
    return sorted(points, key=lambda p: -risk_level_rank(p.level))


def post_is_exposed(points: list[RiskPoint]) -> bool:
    """Whether a post with these points is exposed to occupational hazards."""
    for point in points:
        for factor in point.hazard_factors.all():
            if factor.factor_class.code.startswith(OCCUPATIONAL_FACTOR_PREFIXES):
                return True
        for event in point.events.all():
            if any(
                a.code in OCCUPATIONAL_ACCIDENT_TYPES
                for a in event.accident_types.all()
            ):
                return True
    return False


def _occupational_rows(points: list[RiskPoint]) -> list[dict[str, Any]]:
    rows = []
    for point in points:
        factors = [
            f.description or f.factor_class.name_zh
            for f in point.hazard_factors.all()
            if f.factor_class.code.startswith(OCCUPATIONAL_FACTOR_PREFIXES)
        ]
        events = [
            event
            for event in point.events.all()
            if any(
                a.code in OCCUPATIONAL_ACCIDENT_TYPES
                for a in event.accident_types.all()
            )
        ]
        if not factors and not events:
            continue
        protections = [
            m.description
            for event in point.events.all()
            for m in event.measures.all()
            if m.kind in PROTECTION_MEASURE_TYPES
        ]
        rows.append(
            {
                "name": point.name,
                "factors": factors or [event.name for event in events],
                "consequences": [e.consequence for e in events if e.consequence],
                "protections": protections,
            }
        )
    return rows


def emergency_card_from_risks(
    *, post: Unit, points: list[RiskPoint], contacts: list[tuple[str, str]]
) -> EmergencyCard:
    """The default 应急处置卡: one scenario per risk event with emergency
    measures, its measures as the numbered actions."""
    scenarios = []
    for point in points:
        for event in point.events.all():
            measures = [m for m in event.measures.all() if m.kind == "emergency"]
            if not measures:
                continue
            assessment = event.latest_assessment
            scenarios.append(
                EmergencyScenario(
                    name=f"{point.name}：{event.name}",
                    level=(assessment.level if assessment else "") or UNASSESSED,
                    warning_signs=event.consequence,
                    actions=[
                        EmergencyAction(text=m.description, responsible=post.name)
                        for m in measures
                    ],
                )
            )
    return EmergencyCard(
        post=post.name,
        scenarios=scenarios,
        reporting=_(
            "Raise the alarm at once; report to the shift leader and the "
            "enterprise's duty phone; call 119 / 120 when needed."
        ),
        cautions=[
            _("Wear the protective equipment before acting."),
            _("Approach from upwind; cut power and sources of ignition."),
            _("Do not enter a confined space to rescue without protection."),
        ],
        contacts=contacts,
    )


def emergency_card_from_emergency_app(
    *, post: Unit, points: list[RiskPoint], contacts: list[tuple[str, str]]
) -> EmergencyCard:
    """The 应急处置卡 from the emergency app's records of the post
    (``core.emergency.selectors.disposal_card``: its scenario, first actions
    and who does each, reporting path, cautions, contacts, escape route and
    assembly point, the rescue team's supplies), followed by the risk events'
    emergency measures; the risks alone when the post has no such record."""
    from core.emergency.selectors import disposal_card

    from_risks = emergency_card_from_risks(post=post, points=points, contacts=contacts)
    # The caller was allowed to print this post's card; read it as its own
    # enterprise would.
    own = Scope(
        user_id=None, role=Role.ENTERPRISE_MANAGER, enterprise_id=post.enterprise_id
    )
    data = disposal_card(scope=own, post=post)
    if not data or not (data["first_actions"] or data["scenario"]):
        return from_risks
    first = EmergencyScenario(
        name=data["scenario"] or post.name,
        level=from_risks.scenarios[0].level if from_risks.scenarios else UNASSESSED,
        actions=[
            EmergencyAction(
                text=str(row.get("action", "")),
                responsible=str(row.get("responsible", "")),
            )
            for row in data["first_actions"]
            if row.get("action")
        ],
    )
    cautions = [line.strip() for line in data["cautions"].splitlines() if line.strip()]
    own_contacts = [
        (str(row.get("name", "")), str(row.get("phone", "")))
        for row in data["contacts"]
    ]
    return EmergencyCard(
        post=post.name,
        scenarios=[first, *from_risks.scenarios],
        reporting=data["reporting_path"] or from_risks.reporting,
        cautions=cautions or from_risks.cautions,
        # The post's own emergency contacts; the enterprise's are printed
        # under the report numbers of every card.
        contacts=own_contacts,
        supplies=data["supplies_location"],
        escape_route=data["escape_route"],
        assembly_point=data["assembly_point"],
        source="emergency",
    )


def emergency_card(
    *, post: Unit, points: list[RiskPoint], contacts: list[tuple[str, str]]
) -> EmergencyCard:
    """The 应急处置卡's content from the configured provider."""
    path = getattr(
        settings,
        "SAFEGRID_EMERGENCY_CARD_PROVIDER",
        "core.documents.cards.emergency_card_from_emergency_app",
    )
    provider = import_string(path)
    return provider(post=post, points=points, contacts=contacts)


@transaction.atomic
def public_card(
    *, enterprise: Enterprise, kind: str, post: Unit | None = None
) -> PublicCard:
    """The card's public address, created on first use (idempotent)."""
    lookup = {"enterprise": enterprise, "kind": kind, "post": post}
    card = PublicCard.objects.filter(**lookup).first()
    if card is not None:
        return card
    try:
        with transaction.atomic():
            return PublicCard.objects.create(**lookup)
    except IntegrityError:
        return PublicCard.objects.get(**lookup)


def public_url(card: PublicCard) -> str:
    """The absolute address the QR code opens (``SAFEGRID_PUBLIC_BASE_URL``)."""
    base = getattr(settings, "SAFEGRID_PUBLIC_BASE_URL", "http://localhost:8000")
    return base.rstrip("/") + reverse("public_card", args=[card.token])


def qr_png(url: str) -> bytes:
    """A QR code of ``url`` (error correction M, quiet zone kept)."""
    output = io.BytesIO()
    segno.make_qr(url, error="m").save(output, kind="png", scale=6, border=4)
    return output.getvalue()


def _contacts(enterprise: Enterprise) -> list[tuple[str, str]]:
    return [(f"{c.name} {c.title}".strip(), c.phone) for c in enterprise.contacts.all()]


def card_content(
    *, enterprise: Enterprise, kind: str, post: Unit | None, public: bool = False
) -> dict[str, Any]:
    """What a card prints (``public``: without people's names and phones)."""
    if kind == CardKind.POSTER:
        points = list(
            RiskPoint.objects.filter(enterprise=enterprise)
            .select_related("unit", "responsible_unit", "responsible_person")
            .prefetch_related(
                Prefetch(
                    "events",
                    queryset=RiskEvent.objects.filter(is_active=True)
                    .select_related("latest_assessment")
                    .prefetch_related(
                        "accident_types",
                        Prefetch(
                            "measures",
                            queryset=ControlMeasure.objects.filter(is_active=True),
                        ),
                    ),
                )
            )
            .order_by("name", "pk")
        )
        points.sort(key=lambda p: -risk_level_rank(p.level))
    else:
        assert post is not None
        points = post_points(post)
    rows = [_point_row(point) for point in points]
    if public:
        for row in rows:
            row["responsible_person"] = ""
            row["responsible_phone"] = ""
    contacts = [] if public else _contacts(enterprise)
    top = next((row["level"] for row in rows if row["level"] != UNASSESSED), "")
    context: dict[str, Any] = {
        "kind": kind,
        "kind_label": CardKind(kind).label,
        "enterprise_name": enterprise.name,
        "post_name": post.name if post else "",
        "rows": rows,
        "level": top or UNASSESSED,
        "level_label": level_label(top),
        "contacts": contacts,
        "public_numbers": PUBLIC_EMERGENCY_NUMBERS,
        "date": timezone.localdate(),
        "levels": [
            {"level": term.key, "label": str(term.label)} for term in RISK_LEVELS
        ],
    }
    if kind == CardKind.EMERGENCY:
        assert post is not None
        card = emergency_card(post=post, points=points, contacts=contacts)
        if public:
            card.contacts = []  # people's names and phones stay off the web
        context["card"] = card
    if kind == CardKind.OCCUPATIONAL:
        context["occupational"] = _occupational_rows(points)
        context["exposed"] = post_is_exposed(points)
    if kind == CardKind.POSTER and not public:
        plan = SitePlan.objects.filter(enterprise=enterprise).first()
        png = site_plan_png(plan, points, side=1200)
        context["site_plan"] = png_data_uri(png) if png else ""
    return context


class NotExposed(Exception):
    """An occupational hazard card was asked for a post that is not exposed."""


def card_pdf(*, enterprise: Enterprise, kind: str, post: Unit | None) -> bytes:
    """The printed card: its content, a QR code of its public page."""
    content = card_content(enterprise=enterprise, kind=kind, post=post)
    if kind == CardKind.OCCUPATIONAL and not content["exposed"]:
        raise NotExposed
    card = public_card(enterprise=enterprise, kind=kind, post=post)
    url = public_url(card)
    return render_pdf(
        "card.html",
        {
            **content,
            "title": content["kind_label"],
            "footer": f"{enterprise.name} · {content['kind_label']}",
            "qr": png_data_uri(qr_png(url)),
            "public_url": url,
        },
    )
