"""The departments' screens in the admin: the risk notices waiting for their
review (approve, or reject with a reason), and a circular or guidance to
publish. The services decide who may; these views only ask and show."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import TaskState

from core.base.errors import Invalid, Refused
from core.base.filters import parse_id
from core.notices.models import EnterpriseRiskNoticePage, IndustryReviewTask
from core.notices.policy import reviewable_page_ids
from core.notices.services import create_circular, create_guidance, risk_notice_review
from core.organizations.models import Industry, Role
from core.organizations.scope import scope_for

REVIEW_LIST_LIMIT = 100


def _government(request):
    scope = scope_for(request.user)
    if not scope.is_government:
        raise PermissionDenied
    return scope


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
    scope = _government(request)
    return render(
        request,
        "notices/admin/review_list.html",
        {
            "pages": list(_pending(request).order_by("pk")),
            "may_issue": scope.department is not None or scope.is_superuser,
        },
    )


def review_detail(request, pk: int):
    _government(request)
    page = get_object_or_404(_pending(request), pk=pk)
    return render(
        request,
        "notices/admin/review_detail.html",
        {"page": page, "draft": page.get_latest_revision_as_object()},
    )


@require_POST
def review_decide(request, pk: int):
    _government(request)
    page = get_object_or_404(EnterpriseRiskNoticePage, pk=pk)
    try:
        risk_notice_review(
            actor=request.user,
            page=page,
            approve=request.POST.get("decision") == "approve",
            reason=request.POST.get("reason", ""),
        )
    except Invalid as error:
        for problem in error.errors:
            messages.error(request, problem.reason)
        return redirect("notices_admin_review_detail", pk)
    messages.success(request, _("Done."))
    return redirect("notices_admin_review")


def issue(request):
    """A circular (通报) of the user's office, or a guidance document of an
    industry department for one of its industries."""
    scope = _government(request)
    if scope.department is None:
        raise PermissionDenied
    industries = (
        Industry.objects.filter(pk__in=scope.industry_ids)
        if scope.role == Role.INDUSTRY_DEPARTMENT
        else Industry.objects.none()
    )
    errors: list[str] = []
    if request.method == "POST":
        kind = request.POST.get("kind")
        common = {
            "actor": request.user,
            "title": request.POST.get("title", ""),
            "body_html": request.POST.get("body", ""),
            "issuer": scope.department,
            "publish": bool(request.POST.get("publish")),
        }
        try:
            if kind == "guidance":
                industry_id = parse_id(request.POST.get("industry"))
                industry = (
                    industries.filter(pk=industry_id).first() if industry_id else None
                )
                if industry is None:
                    raise Invalid.at(("industry",), _("Choose one of your industries."))
                page = create_guidance(industry=industry, **common)
            else:
                page = create_circular(**common)
        except Refused as error:
            raise PermissionDenied(str(error)) from error
        except Invalid as error:
            errors = [problem.reason for problem in error.errors]
        else:
            messages.success(request, _("Saved: %(title)s") % {"title": page.title})
            return redirect("notices_admin_review")
    return render(
        request,
        "notices/admin/issue.html",
        {"industries": industries, "errors": errors, "data": request.POST},
        status=400 if errors else 200,
    )
