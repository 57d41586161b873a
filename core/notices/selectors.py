"""Reads of the public notices: what an enterprise has published, and nothing else.

A form becomes a public notice when the pack that provides it lists
``public_fields`` in its ``FormDefinitionContribution`` (chemicals' daily
安全风险研判与承诺公告). The notice of an enterprise is its latest submission
to the pack original that was not returned for correction, shown with the
answers to those fields only, labelled as in the version it answered. Read
live from the enabled packs: a disabled pack's notices disappear.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q

from core.forms.display import AnswerRow, answer_rows
from core.forms.models import Submission, SubmissionStatus
from core.organizations.models import Enterprise
from plugins.contributions import FormDefinitionContribution
from plugins.manager import get_plugin_manager
from plugins.vocabularies import RISK_LEVELS


@dataclass(frozen=True)
class PublishedNotice:
    """One form's latest published answers of an enterprise."""

    title: str
    submitted_at: datetime.datetime
    rows: list[AnswerRow]


def public_forms() -> dict[str, tuple[str, ...]]:
    """Keys of the enabled packs' public forms, each with its public fields."""
    return {
        item.key: tuple(item.public_fields)
        for _plugin, item in get_plugin_manager().collect("safegrid_form_definitions")
        if isinstance(item, FormDefinitionContribution) and item.public_fields
    }


def enterprise_notices(*, enterprise: Enterprise) -> list[PublishedNotice]:
    """The notices ``enterprise`` has published (one query per public form)."""
    notices = []
    for key, fields in sorted(public_forms().items()):
        submission = (
            Submission.objects.filter(
                enterprise=enterprise,
                definition__key=key,
                definition__department__isnull=True,
                definition__is_active=True,
            )
            .exclude(status=SubmissionStatus.RETURNED)
            .select_related("version")
            .order_by("-submitted_at", "-pk")
            .first()
        )
        if submission is None:
            continue
        rows = answer_rows(submission.version.ui_schema, submission.data)
        notices.append(
            PublishedNotice(
                title=submission.version.title_zh,
                submitted_at=submission.submitted_at,
                rows=[row for row in rows if row.key in fields],
            )
        )
    return notices


# -- the public site (Wagtail pages) -------------------------------------------
PUBLIC_PAGE_SIZE = 20
SEARCH_LIMIT = 50


def answers_publicly() -> Q:
    """The condition on ``NoticePage`` rows that their page answers: a
    commitment page is served only while its enterprise has a published
    submission of an enabled public form (what ``enterprise_notices`` reads;
    otherwise the page is a 404: first submission returned, pack disabled),
    so the lists name no page that is not there. One ``EXISTS`` in the list's
    own query."""
    from core.notices.models import NoticeKind

    published = Submission.objects.filter(
        enterprise__commitment_page=OuterRef("pk"),
        definition__key__in=list(public_forms()),
        definition__department__isnull=True,
        definition__is_active=True,
    ).exclude(status=SubmissionStatus.RETURNED)
    return ~Q(kind=NoticeKind.COMMITMENT) | Q(Exists(published))


def latest_public(*, kinds: tuple[str, ...], limit: int) -> list:
    """The ``limit`` notices of ``kinds`` published most recently (one query)."""
    from core.notices.models import NoticePage

    return list(
        NoticePage.objects.live()
        .public()
        .filter(answers_publicly(), kind__in=kinds)
        .select_related("territory", "industry")
        .order_by(F("last_published_at").desc(nulls_last=True), "-pk")[:limit]
    )


def public_index(*, kind: str, params) -> dict:
    """One page of the published notices of ``kind``, filtered by territory
    and industry, or the first ``SEARCH_LIMIT`` matches of a search.

    Pages by cursor (``core.base.keyset``): no OFFSET, no COUNT. A search
    matches every word in the title or summary (a substring match: the
    database search backend does not segment Chinese, so 指导意见 would not
    find 建设指导意见) and returns the ``SEARCH_LIMIT`` newest matches.
    """
    from core.base.keyset import BadCursor, keyset_page
    from core.notices.models import NoticePage
    from core.organizations.models import Industry, Jurisdiction

    pages = NoticePage.objects.live().public().filter(answers_publicly(), kind=kind)
    territories = list(
        Jurisdiction.objects.filter(depth__lte=2).order_by("path").only("pk", "name")
    )
    industries = list(Industry.objects.filter(is_active=True).order_by("code"))
    chosen: dict = {"territory": None, "industry": None, "q": ""}
    territory_id = _int(params.get("territory"))
    territory = next((t for t in territories if t.pk == territory_id), None)
    if territory is not None:
        chosen["territory"] = territory.pk
        pages = pages.filter(territory__path__startswith=territory.path)
    industry_id = _int(params.get("industry"))
    if any(industry.pk == industry_id for industry in industries):
        chosen["industry"] = industry_id
        pages = pages.filter(industry_id=industry_id)
    query = (params.get("q") or "").strip()[:100]
    context: dict = {
        "territories": territories,
        "industries": industries,
        "chosen": chosen,
        "next_cursor": None,
        "previous_cursor": None,
    }
    if query:
        chosen["q"] = query
        matches = Q()
        for word in query.split()[:5]:
            matches &= Q(title__icontains=word) | Q(summary__icontains=word)
        context["results"] = list(
            pages.filter(matches)
            .select_related("territory", "industry")
            .order_by("-pk")[:SEARCH_LIMIT]
        )
        return context
    pages = pages.select_related("territory", "industry").order_by("-pk")
    try:
        page = keyset_page(pages, params.get("cursor") or None, PUBLIC_PAGE_SIZE)
    except BadCursor:
        page = keyset_page(pages, None, PUBLIC_PAGE_SIZE)
    context.update(
        results=page.rows,
        next_cursor=page.next_cursor,
        previous_cursor=page.previous_cursor,
    )
    return context


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# -- the enterprise's own notice and its neighbours ----------------------------
#: The risk levels an enterprise chooses from when editing its notice.
RISK_LEVEL_CHOICES = [(key, str(RISK_LEVELS.label(key))) for key in RISK_LEVELS.keys()]  # noqa: SIM118
NEIGHBOUR_LIMIT = 50
EARTH_RADIUS_M = 6_371_000.0


def risk_notice_state(page) -> str:
    """``draft``, ``in_review``, ``rejected``, ``published`` or ``changed``
    (published, with a newer revision not yet approved)."""
    from wagtail.models import WorkflowState

    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return "in_review"
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "rejected"
    if not page.live:
        return "draft"
    return "changed" if page.has_unpublished_changes else "published"


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class NeighbourNotice:
    title: str
    url: str
    enterprise_name: str
    distance_m: int
    published_at: datetime.datetime | None


def neighbour_notices(
    *, enterprise: Enterprise, distance_m: int
) -> list[NeighbourNotice]:
    """The published risk notices of the enterprises within ``distance_m`` of
    ``enterprise`` (告知相邻企业), nearest first. One query: a bounding box on
    the coordinates, then the exact distance on the few rows inside it."""
    from core.notices.models import EnterpriseRiskNoticePage

    if enterprise.latitude is None or enterprise.longitude is None or distance_m <= 0:
        return []
    lat, lon = float(enterprise.latitude), float(enterprise.longitude)
    dlat = math.degrees(distance_m / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    rows = (
        EnterpriseRiskNoticePage.objects.live()
        .public()
        .exclude(enterprise=enterprise)
        .filter(
            enterprise__latitude__range=(lat - dlat, lat + dlat),
            enterprise__longitude__range=(lon - dlon, lon + dlon),
        )
        .select_related("enterprise")
        .order_by("-pk")[:NEIGHBOUR_LIMIT]
    )
    found = []
    for page in rows:
        other = page.enterprise
        metres = distance_m_of(lat, lon, other)
        if metres <= distance_m:
            found.append(
                NeighbourNotice(
                    title=page.title,
                    url=page.url,
                    enterprise_name=other.name,
                    distance_m=round(metres),
                    published_at=page.last_published_at,
                )
            )
    return sorted(found, key=lambda notice: notice.distance_m)


def distance_m_of(lat: float, lon: float, other: Enterprise) -> float:
    return great_circle_m(lat, lon, float(other.latitude), float(other.longitude))  # type: ignore[arg-type]


#: How many of an office's own circulars and guidance documents its list shows.
ISSUED_LIST_LIMIT = 100


def _listed_nature(page) -> str:
    """A circular's nature as its newest revision says — a draft's change of
    nature shows in the list before it is published; "" for guidance."""
    from core.notices.models import CircularNature

    nature = getattr(page, "nature", "")
    revision = page.latest_revision
    if page.has_unpublished_changes and revision is not None:
        nature = revision.content.get("nature", nature)
    return str(CircularNature(nature).label) if nature in CircularNature.values else ""


def issued_notices(*, user) -> list:
    """The circulars and guidance documents ``user``'s office issued — drafts
    and published, newest change first, at most ``ISSUED_LIST_LIMIT`` — as
    ``core.notices.policy.may_issue`` allows: the superuser every one, the
    committee office the office's, a department or street office its own.
    Two queries (one per page type)."""
    from core.notices.models import CircularPage, GuidancePage
    from core.organizations.models import Department, Role
    from core.organizations.scope import scope_for

    scope = scope_for(user)
    if scope.is_superuser:
        issuers = Q()
    elif scope.role == Role.COMMITTEE:
        issuers = Q(issuer__kind=Department.Kind.COMMITTEE)
    elif (
        scope.role in (Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE)
        and scope.department is not None
    ):
        issuers = Q(issuer=scope.department)
    else:
        return []
    pages = [
        page
        for model in (CircularPage, GuidancePage)
        for page in model.objects.filter(issuers)
        .select_related("issuer", "latest_revision")
        .order_by("-latest_revision_created_at", "-pk")[:ISSUED_LIST_LIMIT]
    ]
    for page in pages:
        page.listed_nature = _listed_nature(page)
    epoch = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    pages.sort(
        key=lambda page: (page.latest_revision_created_at or epoch, page.pk),
        reverse=True,
    )
    return pages[:ISSUED_LIST_LIMIT]
