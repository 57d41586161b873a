"""The handbook's background job.

``generate_handbook(version_id)`` renders one requested version. It is
idempotent (docs/architecture.md, "Background work"): a version already
ready is left alone, and a retry renders the same version again from the
current data. Progress is written as it goes (reading, rendering,
storing), so the portal can show it; a failed attempt marks the version
failed with the error until the retry starts it again.
"""

from __future__ import annotations

import io

from django.utils.translation import override

from core.documents.models import GenerationStatus, HandbookVersion
from core.jobs import job

MAX_ATTEMPTS = 2


def _render(document, keyword, *, template, read, footer, progress, store, fail):
    """Render ``document`` (a ``GeneratedDocument``) under its language:
    read its content, render the template, store the PDF, writing the
    progress as it goes; on an error mark it failed and raise (the job's
    policy retries).

    ``progress``, ``store`` and ``fail`` are the document's services, each
    given the document as the argument ``keyword`` names."""
    from core.documents.pdf import render_pdf

    this = {keyword: document}
    try:
        progress(**this, progress=10, status=GenerationStatus.RUNNING)
        with override(document.language):
            content = read()
            progress(**this, progress=40, status=GenerationStatus.RUNNING)
            pdf = render_pdf(
                template,
                {**content, "language": document.language, "footer": footer(content)},
            )
        progress(**this, progress=90, status=GenerationStatus.RUNNING)
        store(**this, pdf=pdf, page_count=page_count(pdf), content=content)
    except Exception as error:
        # Shown where the document is listed; a retry starts it again.
        fail(**this, error=f"{type(error).__name__}: {error}")
        raise


@job(max_attempts=MAX_ATTEMPTS, retry_delay=30)
def generate_handbook(version_id: int) -> str:
    from core.documents import services
    from core.documents.content import handbook_content

    version = (
        HandbookVersion.objects.select_related("enterprise")
        .filter(pk=version_id)
        .first()
    )
    if version is None or version.status == GenerationStatus.READY:
        return "nothing to do"
    _render(
        version,
        "version",
        template="handbook.html",
        read=lambda: handbook_content(enterprise=version.enterprise, version=version),
        footer=lambda content: (
            f"{version.enterprise.name} · {content['title']} v{version.number}"
        ),
        progress=services.handbook_progress,
        store=services.handbook_store,
        fail=services.handbook_fail,
    )
    return f"v{version.number}: {version.page_count} pages"


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


@job(max_attempts=MAX_ATTEMPTS, retry_delay=30)
def generate_scope_handbook(handbook_id: int) -> str:
    """Render one requested industry or territory handbook (idempotent)."""
    from core.documents import services
    from core.documents.models import ScopeHandbook
    from core.documents.scope_content import scope_handbook_content

    handbook = (
        ScopeHandbook.objects.select_related("industry", "territory")
        .filter(pk=handbook_id)
        .first()
    )
    if handbook is None or handbook.status == GenerationStatus.READY:
        return "nothing to do"
    _render(
        handbook,
        "handbook",
        template="scope_handbook.html",
        read=lambda: scope_handbook_content(handbook=handbook),
        footer=lambda content: (
            f"{content['scope_name']} · {content['title']} v{handbook.number}"
        ),
        progress=services.scope_handbook_progress,
        store=services.scope_handbook_store,
        fail=services.scope_handbook_fail,
    )
    return f"{handbook}: {handbook.page_count} pages"
