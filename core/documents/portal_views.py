"""The enterprise's documents in the portal: the handbook's versions (ask for
a new one, watch it being generated, download any version).

Every page goes through ``enterprise_portal`` and the scope; the request
through ``core.documents.services``. Downloads are served by these views
(never a media URL), each version only to users whose scope holds it.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.base.errors import Invalid, show_messages
from core.documents import selectors
from core.documents.cards import NotExposed, card_pdf
from core.documents.models import CardKind, HandbookVersion
from core.documents.services import handbook_request
from core.organizations.models import Unit
from core.organizations.scope import Scope
from core.portal.frame import enterprise_portal, portal_page
from plugins.vocabularies import CONTROL_LEVELS

#: Seconds between reloads of the page while a version is being generated.
REFRESH_SECONDS = 3


@portal_page("documents/home.html")
@require_GET
def documents_home(request, *, scope, enterprise):
    versions = list(
        selectors.handbook_versions(scope=scope, enterprise=enterprise)[
            : selectors.VERSIONS_SHOWN
        ]
    )
    pending = next((v for v in versions if v.is_pending), None)
    current = next((v for v in versions if v.is_ready), None)
    return {
        "versions": versions,
        "pending": pending,
        "current": current,
        "refresh": REFRESH_SECONDS if pending else None,
        "can_generate": scope.can_manage_safety_records(enterprise),
        "posts": scope.filter(Unit.objects.filter(kind=Unit.Kind.POST))
        .filter(enterprise_id=enterprise.pk)
        .order_by("path")[:200],
        "post_label": CONTROL_LEVELS.label("post"),
        "card_kinds": [(kind, CardKind(kind).label) for kind in CARD_KINDS_PER_POST],
    }


@enterprise_portal
@require_POST
def handbook_generate(request, *, scope, enterprise):
    try:
        version = handbook_request(
            actor=request.user,
            enterprise=enterprise,
            note=request.POST.get("note", ""),
            language=request.POST.get("language") or "zh-hans",
        )
    except Invalid as error:
        show_messages(request, error)
    else:
        messages.success(
            request,
            _("Version %(number)s of the handbook is being generated.")
            % {"number": version.number},
        )
    return redirect("documents:home")


def pdf_download(file, filename: str) -> FileResponse:
    """A stored PDF (a handbook's file), as a download named ``filename``."""
    return FileResponse(
        file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=filename,
    )


def version_response(version: HandbookVersion) -> FileResponse:
    """The PDF of a ready version, as a download."""
    return pdf_download(
        version.file, f"handbook-{version.enterprise_id}-v{version.number}.pdf"
    )


def scoped_version(scope: Scope, enterprise_id: int, number: int) -> HandbookVersion:
    version = selectors.handbook_version(
        scope=scope, enterprise=enterprise_id, number=number
    )
    if version is None:
        raise Http404
    return version


@enterprise_portal
@require_GET
def handbook_download(request, number: int, *, scope, enterprise):
    return version_response(scoped_version(scope, enterprise.pk, number))


CARD_KINDS_PER_POST = (CardKind.POST_RISK, CardKind.EMERGENCY, CardKind.OCCUPATIONAL)


def scoped_post(scope: Scope, enterprise_id: int, post_id: int) -> Unit:
    """A post of the enterprise, if the user's scope holds the enterprise."""
    post = (
        scope.filter(Unit.objects.filter(kind=Unit.Kind.POST))
        .filter(enterprise_id=enterprise_id, pk=post_id)
        .first()
    )
    if post is None:
        raise Http404
    return post


def card_response(*, enterprise, kind: str, post: Unit | None) -> HttpResponse:
    """A card's PDF, rendered at once (one page)."""
    try:
        pdf = card_pdf(enterprise=enterprise, kind=kind, post=post)
    except NotExposed:
        raise Http404 from None
    name = f"{kind}-{enterprise.pk}-{post.pk if post else 'poster'}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@enterprise_portal
@require_GET
def card_download(request, post_id: int, kind: str, *, scope, enterprise):
    if kind not in CARD_KINDS_PER_POST:
        raise Http404
    post = scoped_post(scope, enterprise.pk, post_id)
    return card_response(enterprise=enterprise, kind=kind, post=post)


@enterprise_portal
@require_GET
def poster_download(request, *, scope, enterprise):
    return card_response(enterprise=enterprise, kind=CardKind.POSTER, post=None)
