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
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.base.errors import Invalid, Refused
from core.documents.models import GenerationStatus, HandbookVersion
from core.jobs import enqueue_on_commit
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for

NOTE_MAX = 300


#: A version still queued or running this long after it was requested is
#: taken as failed (the job's own limit is one hour).
STALE_AFTER = datetime.timedelta(hours=2)


@transaction.atomic
def handbook_request(
    *, actor: Any, enterprise: Enterprise, note: str = ""
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
    # Lock the enterprise row: two requests at once get consecutive numbers
    # or the same pending version, never a duplicate.
    Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
    pending = (
        HandbookVersion.objects.filter(
            enterprise=enterprise,
            status__in=(GenerationStatus.QUEUED, GenerationStatus.RUNNING),
        )
        .order_by("-number")
        .first()
    )
    if pending is not None and pending.requested_at >= timezone.now() - STALE_AFTER:
        return pending
    if pending is not None:
        # Its worker died (the render's limit is an hour): record why and
        # start again, so the enterprise is never stuck on a dead job.
        HandbookVersion.objects.filter(pk=pending.pk).update(
            status=GenerationStatus.FAILED,
            error=_("The generation did not finish in time; it was requested again."),
            finished_at=timezone.now(),
        )
    last = HandbookVersion.objects.filter(enterprise=enterprise).aggregate(
        last=Max("number")
    )["last"]
    version = HandbookVersion.objects.create(
        enterprise=enterprise,
        number=(last or 0) + 1,
        note=note,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    from core.documents.tasks import generate_handbook

    enqueue_on_commit(generate_handbook, version.pk)
    return version


def handbook_progress(*, version: HandbookVersion, progress: int, status: str) -> None:
    """The job's progress (its own short write, seen by the portal at once)."""
    HandbookVersion.objects.filter(pk=version.pk).update(
        progress=max(0, min(100, progress)), status=status
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
    version.file.save(
        f"handbook-{version.enterprise_id}-v{version.number}.pdf",
        ContentFile(pdf),
        save=False,
    )
    version.page_count = page_count
    version.risk_point_count = content["risk_point_count"]
    version.changes = content["changes"]
    version.snapshot = content["snapshot"]
    version.status = GenerationStatus.READY
    version.progress = 100
    version.error = ""
    version.finished_at = timezone.now()
    version.save()
    return version


def handbook_fail(*, version: HandbookVersion, error: str) -> None:
    """Mark the version failed (the job's last attempt only)."""
    HandbookVersion.objects.filter(pk=version.pk).update(
        status=GenerationStatus.FAILED, error=error[:2000], finished_at=timezone.now()
    )
