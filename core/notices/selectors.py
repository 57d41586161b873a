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


@dataclass(frozen=True)
class NoticeIndexRow:
    """An enterprise with a published notice, for the public index."""

    enterprise_id: int
    enterprise_name: str
    title: str
    submitted_at: datetime.datetime


def latest_notices(*, page: int, per_page: int) -> tuple[list[NoticeIndexRow], bool]:
    """The notices published most recently, newest first, one page at a time.

    One row per submission to a public form (not returned); an enterprise
    that publishes daily appears once per day, so the index reads as the
    day's notices. Returns the rows and whether a further page exists
    (no COUNT of the whole table: one query of ``per_page + 1`` rows).
    """
    keys = list(public_forms())
    if not keys:
        return [], False
    start = (page - 1) * per_page
    rows = list(
        Submission.objects.filter(
            definition__key__in=keys,
            definition__department__isnull=True,
            definition__is_active=True,
        )
        .exclude(status=SubmissionStatus.RETURNED)
        .order_by("-submitted_at", "-pk")
        .values_list(
            "enterprise_id", "enterprise__name", "version__title_zh", "submitted_at"
        )[start : start + per_page + 1]
    )
    return [NoticeIndexRow(*row) for row in rows[:per_page]], len(rows) > per_page
