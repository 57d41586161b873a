"""The departments' screens in the admin: the risk notices waiting for their
review (approve, or reject with a reason), and the office's own circulars and
guidance documents to issue, revise, publish and withdraw. The services decide who may; these views only ask and show."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import TaskState

from core.base.errors import Invalid, Refused, apply_errors, show_messages
from core.notices.forms import NoticeIssueForm
from core.notices.models import (
    CircularNature,
    CircularPage,
    EnterpriseRiskNoticePage,
    GuidancePage,
    IndustryReviewTask,
    NoticeKind,
    NoticePage,
)
from core.notices.policy import may_issue, reviewable_page_ids
from core.notices.selectors import issued_notices
from core.notices.services import (
    create_circular,
    create_guidance,
    notice_revise,
    notice_withdraw,
    risk_notice_review,
)
from core.organizations.admin_views import government_scope
from core.organizations.models import Industry, Role

REVIEW_LIST_LIMIT = 100


def _pending(request):
    """The risk notices waiting for this user's review, oldest first."""
    ids = (
        TaskState.objects.filter(
            task__in=IndustryReviewTask.objects.all(),
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__object_id__in=reviewable_page_ids(request.user),
        )
        .order_by("started_at", "pk")
        .values_list("workflow_state__object_id", flat=True)[:REVIEW_LIST_LIMIT]
    )
    return EnterpriseRiskNoticePage.objects.filter(
        pk__in=[int(pk) for pk in ids]
    ).select_related("enterprise")


def review_list(request):
    scope = government_scope(request)
    return render(
        request,
        "notices/admin/review_list.html",
        {
            "pages": list(_pending(request).order_by("pk")),
            "may_issue": scope.department is not None or scope.is_superuser,
        },
    )


def review_detail(request, pk: int):
    government_scope(request)
    page = get_object_or_404(_pending(request), pk=pk)
    return render(
        request,
        "notices/admin/review_detail.html",
        {"page": page, "draft": page.get_latest_revision_as_object()},
    )


@require_POST
def review_decide(request, pk: int):
    government_scope(request)
    page = get_object_or_404(EnterpriseRiskNoticePage, pk=pk)
    try:
        risk_notice_review(
            actor=request.user,
            page=page,
            approve=request.POST.get("decision") == "approve",
            reason=request.POST.get("reason", ""),
        )
    except Invalid as error:
        show_messages(request, error)
        return redirect("notices_admin_review_detail", pk)
    messages.success(request, _("Done."))
    return redirect("notices_admin_review")


def _industries(scope):
    if scope.role == Role.INDUSTRY_DEPARTMENT:
        return Industry.objects.filter(pk__in=scope.industry_ids).order_by("code")
    return Industry.objects.none()


def _issue_form_page(request, form, write, page=None):
    """On a valid form, ``write(cleaned_data)`` (the service) and back to the
    office's list; else the form again, with the problems at their fields."""
    if form.is_valid():
        try:
            saved = write(form.cleaned_data)
        except Refused as error:
            raise PermissionDenied(str(error)) from error
        except Invalid as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved: %(title)s") % {"title": saved.title})
            return redirect("notices_admin_issued")
    return render(
        request,
        "notices/admin/issue.html",
        {"form": form, "page": page},
        status=400 if form.errors else 200,
    )


def issue(request):
    """A circular (通报) of the user's office, or a guidance document of an
    industry department for one of its industries."""
    scope = government_scope(request)
    if scope.department is None:
        raise PermissionDenied
    form = NoticeIssueForm(
        request.POST if request.method == "POST" else None,
        industries=_industries(scope),
    )

    def write(data):
        common = {
            "actor": request.user,
            "title": data["title"],
            "body_html": data["body"],
            "issuer": scope.department,
            "publish": data["publish"],
        }
        if data["kind"] == NoticeKind.GUIDANCE:
            return create_guidance(industry=data["industry"], **common)
        nature = data["nature"] or CircularNature.INFORMATION
        return create_circular(nature=nature, **common)

    return _issue_form_page(request, form, write)


def issued_list(request):
    """The circulars and guidance documents of the user's office, drafts
    included, each to revise, publish or withdraw."""
    scope = government_scope(request)
    return render(
        request,
        "notices/admin/issued_list.html",
        {
            "pages": issued_notices(user=request.user),
            "may_issue": scope.department is not None or scope.is_superuser,
        },
    )


def _own_page(request, pk: int):
    """A circular or guidance document the user's office issued; any other
    page is a 404 (never a hint that it exists)."""
    government_scope(request)
    page = get_object_or_404(NoticePage, pk=pk).specific
    if not isinstance(page, CircularPage | GuidancePage) or not may_issue(
        request.user, page.issuer
    ):
        raise Http404
    return page


def issued_edit(request, pk: int):
    """A new revision of one of the office's circulars or guidance documents:
    saved as a draft beside the public version, or published."""
    page = _own_page(request, pk)
    latest = page.get_latest_revision_as_object()
    initial = {"title": latest.title, "body": latest.body, "publish": page.live}
    if isinstance(latest, CircularPage):
        initial["nature"] = latest.nature
    form = NoticeIssueForm(
        request.POST if request.method == "POST" else None,
        industries=Industry.objects.none(),
        page=page,
        initial=initial,
    )

    def write(data):
        return notice_revise(
            actor=request.user,
            page=page,
            title=data["title"],
            body_html=data["body"],
            nature=data.get("nature") or None,
            publish=data["publish"],
        )

    return _issue_form_page(request, form, write, page)


@require_POST
def issued_withdraw(request, pk: int):
    """Take one of the office's circulars or guidance documents off the
    public site (it stays in the list, to revise and publish again)."""
    page = _own_page(request, pk)
    try:
        notice_withdraw(actor=request.user, page=page)
    except Refused as error:
        raise PermissionDenied(str(error)) from error
    except Invalid as error:
        show_messages(request, error)
    else:
        messages.success(request, _("Withdrawn: %(title)s") % {"title": page.title})
    return redirect("notices_admin_issued")
