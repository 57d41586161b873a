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
from dataclasses import dataclass

from django.db.models import Q

from core.forms.display import AnswerRow, answer_rows
from core.forms.models import Submission, SubmissionStatus
from core.organizations.models import Enterprise
from plugins.contributions import FormDefinitionContribution
from plugins.manager import get_plugin_manager


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


def latest_public(*, kinds: tuple[str, ...], limit: int) -> list:
    """The ``limit`` notices of ``kinds`` published most recently (one query)."""
    from core.notices.models import NoticePage

    return list(
        NoticePage.objects.live()
        .public()
        .filter(kind__in=kinds)
        .select_related("territory", "industry")
        .order_by("-last_published_at", "-pk")[:limit]
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

    pages = NoticePage.objects.live().public().filter(kind=kind)
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
