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


@job(max_attempts=MAX_ATTEMPTS, retry_delay=30)
def generate_handbook(version_id: int) -> str:
    from core.documents import services
    from core.documents.content import handbook_content
    from core.documents.pdf import render_pdf

    version = (
        HandbookVersion.objects.select_related("enterprise")
        .filter(pk=version_id)
        .first()
    )
    if version is None or version.status == GenerationStatus.READY:
        return "nothing to do"
    try:
        services.handbook_progress(
            version=version, progress=10, status=GenerationStatus.RUNNING
        )
        with override(version.language):
            content = handbook_content(enterprise=version.enterprise, version=version)
            services.handbook_progress(
                version=version, progress=40, status=GenerationStatus.RUNNING
            )
            pdf = render_pdf(
                "handbook.html",
                {
                    **content,
                    "language": version.language,
                    "footer": f"{version.enterprise.name} · "
                    f"{content['title']} v{version.number}",
                },
            )
        services.handbook_progress(
            version=version, progress=90, status=GenerationStatus.RUNNING
        )
        services.handbook_store(
            version=version, pdf=pdf, page_count=page_count(pdf), content=content
        )
    except Exception as error:
        # Shown in the portal; a retry (the job's policy) starts it again.
        services.handbook_fail(
            version=version, error=f"{type(error).__name__}: {error}"
        )
        raise
    return f"v{version.number}: {version.page_count} pages"


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


@job(max_attempts=MAX_ATTEMPTS, retry_delay=30)
def generate_scope_handbook(handbook_id: int) -> str:
    """Render one requested industry or territory handbook (idempotent)."""
    from core.documents import services
    from core.documents.models import ScopeHandbook
    from core.documents.pdf import render_pdf
    from core.documents.scope_content import scope_handbook_content

    handbook = (
        ScopeHandbook.objects.select_related("industry", "territory")
        .filter(pk=handbook_id)
        .first()
    )
    if handbook is None or handbook.status == GenerationStatus.READY:
        return "nothing to do"
    try:
        services.scope_handbook_progress(
            handbook=handbook, progress=10, status=GenerationStatus.RUNNING
        )
        with override(handbook.language):
            content = scope_handbook_content(handbook=handbook)
            services.scope_handbook_progress(
                handbook=handbook, progress=40, status=GenerationStatus.RUNNING
            )
            pdf = render_pdf(
                "scope_handbook.html",
                {
                    **content,
                    "language": handbook.language,
                    "footer": f"{content['scope_name']} · "
                    f"{content['title']} v{handbook.number}",
                },
            )
        services.scope_handbook_progress(
            handbook=handbook, progress=90, status=GenerationStatus.RUNNING
        )
        services.scope_handbook_store(
            handbook=handbook, pdf=pdf, page_count=page_count(pdf), content=content
        )
    except Exception as error:
        services.scope_handbook_fail(
            handbook=handbook, error=f"{type(error).__name__}: {error}"
        )
        raise
    return f"{handbook}: {handbook.page_count} pages"
