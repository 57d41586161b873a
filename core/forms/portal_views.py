"""The "Checklists and forms" pages of the enterprise portal (thin views).

The list of forms assigned to the enterprise with where it stands this
period, the history of its submissions, one submission with its score, its
revisions and reviews (printable), and the uploaded photos and files. The
guided filling itself is ``core.forms.portal_wizard``. Every object is looked
up through the user's scope (``core.forms.selectors``): another enterprise's
form, draft, submission or file is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.forms import services
from core.forms.display import answer_steps
from core.forms.models import FormUpload, SubmissionStatus
from core.forms.portal_drafts import fill_target
from core.forms.selectors import (
    assigned_forms,
    definitions_assigned_to,
    enterprise_submission,
    enterprise_submissions,
    submission_draft_get,
)
from core.organizations.scope import scope_for
from core.portal.frame import enterprise_portal, portal_page

SUBMISSIONS_PER_PAGE = 30


@require_GET
@portal_page("forms/portal/list.html")
def form_list(request, *, scope, enterprise):
    today = timezone.localdate()
    rows = assigned_forms(
        scope=scope, enterprise=enterprise, user=request.user, today=today
    )
    return {"rows": rows, "today": today}


@require_GET
@enterprise_portal
def start(request, key, *, scope, enterprise):
    """Open a form: the user's draft where it stopped, else the current version."""
    definition = get_object_or_404(
        definitions_assigned_to(enterprise=enterprise).select_related(
            "published_version"
        ),
        key=key,
    )
    draft = (
        definition.versions.filter(
            drafts__enterprise=enterprise,
            drafts__user=request.user,
            drafts__submission__isnull=True,
        )
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    number = draft or definition.published_version.number
    return redirect("forms_portal:fill", key=key, number=number)


@require_POST
@enterprise_portal
def discard(request, key, number, *, scope, enterprise):
    target = fill_target(request, key=key, number=number)
    _discard(request, target)
    return redirect("forms_portal:list")


@require_POST
@enterprise_portal
def discard_correction(request, submission_pk, *, scope, enterprise):
    submission = enterprise_submission(
        scope=scope, enterprise=enterprise, pk=submission_pk
    )
    if submission is None:
        raise Http404
    target = fill_target(
        request,
        key=submission.definition.key,
        number=submission.version.number,
        submission_id=submission.pk,
    )
    _discard(request, target)
    return redirect("forms_portal:submission", pk=submission.pk)


def _discard(request, target) -> None:
    draft = submission_draft_get(
        version=target.version, enterprise=target.enterprise, user=request.user
    )
    own = target.submission.pk if target.submission else None
    if draft is None or draft.submission_id != own:
        messages.info(request, _("There was no draft to discard."))
        return
    services.submission_draft_discard(
        actor=request.user, version=target.version, enterprise=target.enterprise
    )
    messages.success(request, _("The draft was discarded."))


@require_GET
@portal_page("forms/portal/submissions.html")
def submissions(request, *, scope, enterprise):
    definition = None
    key = request.GET.get("form")
    if key:
        definition = (
            definitions_assigned_to(enterprise=enterprise).filter(key=key).first()
        )
    page = Paginator(
        enterprise_submissions(
            scope=scope, enterprise=enterprise, definition=definition
        ),
        SUBMISSIONS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    # The page links keep the chosen form.
    page_query = f"form={definition.key}&" if definition else ""
    return {"page": page, "definition": definition, "page_query": page_query}


@require_GET
@portal_page("forms/portal/submission.html")
def submission_detail(request, pk, *, scope, enterprise):
    """One submission with its score, answers, revisions and reviews; the same
    page prints (static/safegrid/css/forms.css has the print styles)."""
    submission = enterprise_submission(scope=scope, enterprise=enterprise, pk=pk)
    if submission is None:
        raise Http404
    version = submission.version
    revisions = list(
        submission.revisions.select_related("submitted_by", "reviewed_by").defer(
            "data", "breakdown"
        )
    )
    return {
        "submission": submission,
        "version": version,
        "steps": answer_steps(version.ui_schema, submission.data),
        "sections": [
            s for s in submission.breakdown.get("sections", []) if s.get("max_score")
        ],
        "revisions": revisions,
        "can_correct": submission.status == SubmissionStatus.RETURNED,
        "printed_at": timezone.now(),
    }


@require_GET
@login_required
def upload(request, pk):
    """A stored photo or file, to whoever's scope holds its enterprise (the
    enterprise's users, and the departments that supervise it)."""
    stored = get_object_or_404(
        scope_for(request.user).filter(FormUpload.objects.all()), pk=pk
    )
    response = FileResponse(
        stored.file.open("rb"),
        content_type=stored.content_type,
        as_attachment=not stored.content_type.startswith("image/"),
        filename=stored.name,
    )
    response["Cache-Control"] = "private, max-age=3600"
    # Whatever a file holds, it runs nothing in the platform's origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
