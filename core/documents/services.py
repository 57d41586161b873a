"""Writes of the documents: asking for a new handbook version, and the
job's own steps (start, progress, finish, fail).

``handbook_request`` is the one entry: the enterprise's safety manager (and
the superuser; ``Scope.can_manage_safety_records``) asks for a version; the
row is created in the request's transaction and the job enqueued on commit.
Government users read handbooks and never generate an enterprise's own.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Invalid, Refused
from core.documents.models import (
    GeneratedDocument,
    GenerationStatus,
    HandbookNote,
    HandbookSectionSetting,
    HandbookVersion,
    ScopeHandbook,
    ScopeKind,
)
from core.jobs import enqueue_on_commit
from core.organizations.models import Enterprise, Industry, Jurisdiction, Role
from core.organizations.scope import scope_for

NOTE_MAX = 300
#: The languages a handbook may be printed in (labels from the catalogue; the
#: data stays as entered).
HANDBOOK_LANGUAGES = ("zh-hans", "en")


#: A version still queued or running this long after it was requested is
#: taken as failed (the job's own limit is one hour).
STALE_AFTER = datetime.timedelta(hours=2)


@transaction.atomic
def handbook_request(
    *, actor: Any, enterprise: Enterprise, note: str = "", language: str = "zh-hans"
) -> HandbookVersion:
    """Ask for a new version of the enterprise's handbook.

    Raises ``Refused`` for anyone but the enterprise's safety manager and
    ``Invalid`` at ``note`` for a reason that is too long. A version still
    waiting or being generated is returned as it is rather than queuing a
    second one.
    """
    if not scope_for(actor).can_manage_safety_records(enterprise):
        raise Refused(
            _("Only the enterprise's safety manager may generate its handbook.")
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise Invalid.at(
            ["note"],
            _("Keep the reason under %(max)s characters.") % {"max": NOTE_MAX},
        )
    if language not in HANDBOOK_LANGUAGES:
        raise Invalid.at(["language"], _("Choose Chinese or English."))
    # Lock the enterprise row: two requests at once get consecutive numbers
    # or the same pending version, never a duplicate.
    Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
    pending = _live_pending(HandbookVersion.objects.filter(enterprise=enterprise))
    if pending is not None:
        return pending
    last = HandbookVersion.objects.filter(enterprise=enterprise).aggregate(
        last=Max("number")
    )["last"]
    version = HandbookVersion.objects.create(
        enterprise=enterprise,
        number=(last or 0) + 1,
        note=note,
        language=language,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    from core.documents.tasks import generate_handbook

    enqueue_on_commit(generate_handbook, version.pk)
    return version


def _live_pending(versions: QuerySet) -> Any:
    """The newest version of ``versions`` still waiting or being generated,
    or None. One pending for too long is marked failed (its worker died: the
    render's limit is an hour) so that nobody is stuck on a dead job."""
    pending = (
        versions.filter(status__in=(GenerationStatus.QUEUED, GenerationStatus.RUNNING))
        .order_by("-number")
        .first()
    )
    if pending is None or pending.requested_at >= timezone.now() - STALE_AFTER:
        return pending
    type(pending).objects.filter(pk=pending.pk).update(
        status=GenerationStatus.FAILED,
        error=_("The generation did not finish in time; it was requested again."),
        finished_at=timezone.now(),
    )
    return None


def document_progress(
    *, document: GeneratedDocument, progress: int, status: str
) -> None:
    """The job's progress on a handbook of either kind (its own short write,
    seen by the portal at once)."""
    type(document)._default_manager.filter(pk=document.pk).update(
        progress=max(0, min(100, progress)), status=status
    )


def document_fail(*, document: GeneratedDocument, error: str) -> None:
    """Mark a handbook of either kind failed (the job's last attempt only)."""
    type(document)._default_manager.filter(pk=document.pk).update(
        status=GenerationStatus.FAILED, error=error[:2000], finished_at=timezone.now()
    )


@transaction.atomic
def handbook_store(
    *,
    version: HandbookVersion,
    pdf: bytes,
    page_count: int,
    content: dict[str, Any],
) -> HandbookVersion:
    """Keep the rendered PDF and what it contained on the version (job only)."""
    version.changes = content["changes"]
    version.snapshot = content["snapshot"]
    return _store(
        version,
        f"handbook-{version.enterprise_id}-v{version.number}.pdf",
        pdf,
        page_count,
        content,
    )


def _store(
    document: Any, name: str, pdf: bytes, page_count: int, content: dict[str, Any]
) -> Any:
    document.file.save(name, ContentFile(pdf), save=False)
    document.page_count = page_count
    document.risk_point_count = content["risk_point_count"]
    document.status = GenerationStatus.READY
    document.progress = 100
    document.error = ""
    document.finished_at = timezone.now()
    document.save()
    return document


# -- industry and territory handbooks ------------------------------------------


@transaction.atomic
def scope_handbook_request(
    *,
    actor: Any,
    industry: Industry | None = None,
    territory: Jurisdiction | None = None,
    language: str = "zh-hans",
) -> ScopeHandbook:
    """Ask for a new version of an industry's or a territory's handbook.

    A department may ask for its own industries, a street or town office for
    its territory (and the territories below it), the committee office for
    any; everyone else is refused (``Refused``). Exactly one of ``industry``
    and ``territory``. A version of the same target still waiting or being
    generated is returned rather than queuing a second one.
    """
    from core.documents.selectors import handbook_industries, handbook_territories

    scope = scope_for(actor)
    if (industry is None) == (territory is None):
        raise Invalid.at(
            ["target"], _("Choose either an industry or a territory, not both.")
        )
    if language not in HANDBOOK_LANGUAGES:
        raise Invalid.at(["language"], _("Choose Chinese or English."))
    if industry is not None:
        allowed = handbook_industries(scope=scope).filter(pk=industry.pk).exists()
        lookup: dict[str, Any] = {"kind": ScopeKind.INDUSTRY, "industry": industry}
        lock = Industry.objects.select_for_update().filter(pk=industry.pk)
    else:
        assert territory is not None
        allowed = handbook_territories(scope=scope).filter(pk=territory.pk).exists()
        lookup = {"kind": ScopeKind.TERRITORY, "territory": territory}
        lock = Jurisdiction.objects.select_for_update().filter(pk=territory.pk)
    if not allowed:
        raise Refused(_("You may not generate the handbook of this scope."))
    lock.first()  # two requests at once never share a number
    versions = ScopeHandbook.objects.filter(**lookup)
    pending = _live_pending(versions.filter(language=language))
    if pending is not None:
        return pending
    last = versions.aggregate(last=Max("number"))["last"]
    handbook = ScopeHandbook.objects.create(
        **lookup,
        number=(last or 0) + 1,
        language=language,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    from core.documents.tasks import generate_scope_handbook

    enqueue_on_commit(generate_scope_handbook, handbook.pk)
    return handbook


@transaction.atomic
def scope_handbook_store(
    *, handbook: ScopeHandbook, pdf: bytes, page_count: int, content: dict[str, Any]
) -> ScopeHandbook:
    """Keep the rendered PDF on the version (job only)."""
    handbook.enterprise_count = content["enterprise_count"]
    return _store(
        handbook,
        f"handbook-{handbook.kind}-{handbook.target_id}-v{handbook.number}.pdf",
        pdf,
        page_count,
        content,
    )


# -- the handbook's sections: a department's settings, an enterprise's notes ----


def may_set_sections(scope: Any, industry: Industry) -> bool:
    """Only the industry's own department words its industry's sections."""
    return scope.role == Role.INDUSTRY_DEPARTMENT and industry.pk in scope.industry_ids


@transaction.atomic
def section_settings_save(
    *, actor: Any, industry: Industry, rows: list[dict[str, Any]]
) -> list[HandbookSectionSetting]:
    """Save how ``industry``'s handbooks print their sections.

    ``rows``: ``{"key", "included", "order", "heading", "intro"}`` per
    section; keys must be sections the industry has (the core's and its
    packs'). Plain text only: the heading is one line, the introduction
    paragraphs; they are printed escaped. ``Refused`` for anyone but the
    industry's department; ``Invalid`` at the row's field, nothing saved.
    """
    from core.documents.sections import HEADING_MAX, INTRO_MAX, industry_sections

    if not may_set_sections(scope_for(actor), industry):
        raise Refused(_("Only the industry's department sets its handbook sections."))
    known = {section.key for section in industry_sections(industry)}
    problems: list[tuple[list[str | int], str]] = []
    cleaned = []
    for index, row in enumerate(rows):
        key = str(row.get("key", ""))
        if key not in known:
            problems.append(([index, "key"], _("Unknown section.")))
            continue
        heading = " ".join(str(row.get("heading") or "").split())
        intro = str(row.get("intro") or "").replace("\r\n", "\n").strip()
        if len(heading) > HEADING_MAX:
            problems.append(
                (
                    [index, "heading"],
                    _("Keep the heading under %(max)s characters.")
                    % {"max": HEADING_MAX},
                )
            )
        if len(intro) > INTRO_MAX:
            problems.append(
                (
                    [index, "intro"],
                    _("Keep the introduction under %(max)s characters.")
                    % {"max": INTRO_MAX},
                )
            )
        try:
            order = int(row.get("order") or 0)
        except (TypeError, ValueError):
            order = -1
        if not 0 <= order <= 9999:
            problems.append(
                ([index, "order"], _("Enter a whole number from 0 to 9999."))
            )
        cleaned.append(
            {
                "key": key,
                "included": bool(row.get("included")),
                "order": order,
                "heading": heading,
                "intro": intro,
            }
        )
    if problems:
        raise Invalid(
            [
                error
                for location, reason in problems
                for error in Invalid.at(location, reason).errors
            ]
        )
    saved = []
    for row in cleaned:
        setting, _created = HandbookSectionSetting.objects.update_or_create(
            industry=industry,
            key=row.pop("key"),
            defaults={
                **row,
                "updated_by": actor if getattr(actor, "pk", None) else None,
            },
        )
        saved.append(setting)
    return saved


@transaction.atomic
def handbook_notes_save(
    *, actor: Any, enterprise: Enterprise, notes: dict[str, str]
) -> None:
    """Save the enterprise's own notes per handbook section (plain text,
    printed escaped). An empty text removes the note. ``Refused`` for anyone
    but the enterprise's safety manager; ``Invalid`` at the section."""
    from core.documents.sections import NOTE_MAX, available_sections

    if not scope_for(actor).can_manage_safety_records(enterprise):
        raise Refused(_("Only the enterprise's safety manager may write its notes."))
    codes = list(enterprise.industries.values_list("code", flat=True))
    known = {section.key for section in available_sections(codes)}
    cleaned = {}
    for key, text in notes.items():
        if key not in known:
            raise Invalid.at([key], _("Unknown section."))
        text = str(text or "").replace("\r\n", "\n").strip()
        if len(text) > NOTE_MAX:
            raise Invalid.at(
                [key],
                _("Keep the notes under %(max)s characters.") % {"max": NOTE_MAX},
            )
        cleaned[key] = text
    for key, text in cleaned.items():
        if text:
            HandbookNote.objects.update_or_create(
                enterprise=enterprise, key=key, defaults={"text": text}
            )
        else:
            HandbookNote.objects.filter(enterprise=enterprise, key=key).delete()
