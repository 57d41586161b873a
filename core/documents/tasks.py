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
from functools import partial

from django.utils.translation import override

from core.documents.models import GenerationStatus, HandbookVersion
from core.jobs import job

MAX_ATTEMPTS = 2


def _pending(rows, pk: int):
    """The document ``pk`` of ``rows`` unless it is gone or already ready
    (a retry of a finished job does nothing)."""
    document = rows.filter(pk=pk).first()
    if document is None or document.status == GenerationStatus.READY:
        return None
    return document


def _render(document, *, template, read, footer, store):
    """Render ``document`` (a ``GeneratedDocument``) under its language:
    read its content, render the template, store the PDF, writing the
    progress as it goes; on an error mark it failed and raise (the job's
    policy retries).

    ``store(pdf=, page_count=, content=)`` is the document's own service
    that keeps the result."""
    from core.documents.pdf import render_pdf
    from core.documents.services import document_fail, document_progress

    def progress(percent: int) -> None:
        document_progress(
            document=document, progress=percent, status=GenerationStatus.RUNNING
        )

    try:
        progress(10)
        with override(document.language):
            content = read()
            progress(40)
            pdf = render_pdf(
                template,
                {**content, "language": document.language, "footer": footer(content)},
            )
        progress(90)
        store(pdf=pdf, page_count=page_count(pdf), content=content)
    except Exception as error:
        # Shown where the document is listed; a retry starts it again.
        document_fail(document=document, error=f"{type(error).__name__}: {error}")
        raise


@job(max_attempts=MAX_ATTEMPTS, retry_delay=30)
def generate_handbook(version_id: int) -> str:
    from core.documents import services
    from core.documents.content import handbook_content

    version = _pending(HandbookVersion.objects.select_related("enterprise"), version_id)
    if version is None:
        return "nothing to do"
    _render(
        version,
        template="handbook.html",
        read=lambda: handbook_content(enterprise=version.enterprise, version=version),
        footer=lambda content: (
            f"{version.enterprise.name} · {content['title']} v{version.number}"
        ),
        store=partial(services.handbook_store, version=version),
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

    handbook = _pending(
        ScopeHandbook.objects.select_related("industry", "territory"), handbook_id
    )
    if handbook is None:
        return "nothing to do"
    _render(
        handbook,
        template="scope_handbook.html",
        read=lambda: scope_handbook_content(handbook=handbook),
        footer=lambda content: (
            f"{content['scope_name']} · {content['title']} v{handbook.number}"
        ),
        store=partial(services.scope_handbook_store, handbook=handbook),
    )
    return f"{handbook}: {handbook.page_count} pages"
