"""The departments' emergency screens in the Wagtail admin.

Plan filings (the review queue first: those filed with the user's own
department and not reviewed yet), rescue agreements by end date (expired
ones marked) and an Excel export of both. Every row is the scope's; rows out
of scope are a 404 on every URL (``ScopedModelViewSet``). Nothing is edited
here: the one government write, the review, posts to ``filing_admin_review``,
which calls the service.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup

from core.base.admin_views import (
    ScopedInspectView,
    ScopedListViewSet,
    admin_step,
    choice_filterset,
    enterprise_column,
    inspect_title,
)
from core.emergency import policy
from core.emergency.models import FilingStatus, PlanFiling, RescueAgreement
from core.emergency.selectors import filing_list
from core.emergency.services.plans import filing_review
from core.organizations.admin_views import ScopedAdminPage
from core.organizations.scope import scope_for

FilingFilterSet = choice_filterset(
    PlanFiling, "status", FilingStatus.choices, _("status")
)


class FilingInspectView(ScopedInspectView):
    """A filing read-only, with the plan version's text and the review form
    for the department it was filed with."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filing = self.object
        context.update(
            filing=filing,
            may_review=filing.status == FilingStatus.UNDER_REVIEW
            and policy.can_review_filing(scope_for(self.request.user), filing),
            decisions=[
                (FilingStatus.ON_FILE, FilingStatus.ON_FILE.label),
                (FilingStatus.SENT_BACK, FilingStatus.SENT_BACK.label),
            ],
        )
        return context


def _plan(filing: PlanFiling) -> str:
    return f"{filing.version.plan.title} v{filing.version.number}"


def _expired(agreement: RescueAgreement) -> str:
    return str(_("Expired")) if agreement.valid_until < timezone.localdate() else ""


def filings_for_admin(request) -> QuerySet[PlanFiling]:
    """Those awaiting the user's own department's review first, then newest."""
    scope = scope_for(request.user)
    department_id = scope.department.pk if scope.department else 0
    return filing_list(scope=scope).order_by(
        Case(
            When(
                department_id=department_id,
                status=FilingStatus.UNDER_REVIEW,
                then=Value(0),
            ),
            default=Value(1),
            output_field=IntegerField(),
        ),
        "-pk",
    )


class PlanFilingAdminViewSet(ScopedListViewSet):
    model = PlanFiling
    name = "plan_filings_admin"
    url_prefix = "emergency/filings"
    icon = "doc-full"
    menu_label = _("Plan filings")
    search_fields = ["comment"]
    inspect_view_class = FilingInspectView
    inspect_template_name = "emergency/admin/filing_inspect.html"
    filterset_class = FilingFilterSet
    form_fields = ["comment"]  # never shown: nobody edits here
    list_display = [
        inspect_title(
            "plan", _("emergency plan"), viewset="plan_filings_admin", accessor=_plan
        ),
        enterprise_column(),
        "department",
        "status",
        "filed_at",
        "reviewed_at",
    ]

    def get_queryset(self, request) -> QuerySet[PlanFiling]:
        return filings_for_admin(request)


class RescueAgreementAdminViewSet(ScopedListViewSet):
    model = RescueAgreement
    name = "rescue_agreements_admin"
    url_prefix = "emergency/agreements"
    icon = "date"
    menu_label = _("Rescue agreements")
    search_fields = ["party"]
    form_fields = ["party"]  # never shown: nobody edits here
    list_display = [
        inspect_title(
            "party", _("rescue team (party)"), viewset="rescue_agreements_admin"
        ),
        enterprise_column(),
        "valid_from",
        "valid_until",
        Column("expired", label=_("expired"), accessor=_expired),
    ]

    def get_queryset(self, request) -> QuerySet[RescueAgreement]:
        return (
            scope_for(request.user)
            .filter(RescueAgreement.objects.all())
            .select_related("enterprise")
            .order_by("valid_until", "pk")
        )


class EmergencyViewSetGroup(ViewSetGroup):
    menu_label = _("Emergency preparedness")
    menu_name = "emergency"
    menu_icon = "warning"
    menu_order = 320
    items = (PlanFilingAdminViewSet, RescueAgreementAdminViewSet)


@require_POST
def filing_admin_review(request, pk: int):
    """The department's decision on a filing (accept, or send back)."""
    filing = get_object_or_404(filing_list(scope=scope_for(request.user)), pk=pk)
    return admin_step(
        request,
        lambda: filing_review(
            actor=request.user,
            filing=filing,
            decision=request.POST.get("decision", ""),
            comment=request.POST.get("comment", ""),
        ),
        to="plan_filings_admin:inspect",
        pk=filing.pk,
    )


@require_GET
def emergency_export(request):
    """The filings and rescue agreements in the user's scope, as Excel."""
    from core.base.workbook import xlsx_response
    from core.emergency.exports import emergency_workbook

    scope = scope_for(request.user)
    if not scope.is_government:
        return HttpResponse(status=403)
    return xlsx_response(emergency_workbook(scope), "emergency.xlsx")


# -- what is due across the scope ---------------------------------------------------------


class EmergencyDueView(ScopedAdminPage):
    """The government's lists of what is due (``core.emergency.due``): one
    list at a time (``?list=``), 50 rows a page by key (``?after=``)."""

    template_name = "emergency/admin/due.html"
    page_title = _("Emergency preparedness: what is due")
    header_icon = "warning"
    PAGE_SIZE = 50

    def permitted(self, scope):
        return scope.is_government or scope.is_superuser

    def get_context_data(self, **kwargs):
        from core.base.filters import parse_id
        from core.emergency import due

        context = super().get_context_data(**kwargs)
        name = self.request.GET.get("list", "drills")
        if name not in due.LISTS:
            raise Http404
        after = parse_id(self.request.GET.get("after"))
        rows, next_key = due.page(
            name, self.scope, timezone.localdate(), after, self.PAGE_SIZE
        )
        base = reverse("emergency_due")
        context.update(
            lists=[(key, label, key == name) for key, label in due.LISTS.items()],
            current=name,
            header=due.header(name),
            rows=[
                [c.isoformat() if isinstance(c, datetime.date) else c for c in row]
                for row in rows
            ],
            next_url=f"{base}?list={name}&after={next_key}" if next_key else "",
            first_url=f"{base}?list={name}" if after is not None else "",
            export_url=reverse("emergency_due_export"),
        )
        return context


@require_GET
def emergency_due_export(request):
    """Every due list of the user's scope as one workbook (a sheet per list,
    each capped at ``MAX_EXPORT_ROWS``)."""
    from openpyxl import Workbook

    from core.base.workbook import (
        append_row,
        bold_header,
        new_sheet,
        workbook_bytes,
        xlsx_response,
    )
    from core.emergency import due
    from core.emergency.exports import MAX_EXPORT_ROWS

    scope = scope_for(request.user)
    if not (scope.is_government or scope.is_superuser):
        return HttpResponse(status=403)
    today = timezone.localdate()
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, label in due.LISTS.items():
        sheet = new_sheet(workbook, str(label), used)
        bold_header(sheet, [str(cell) for cell in due.header(name)])
        after, written = None, 0
        while written < MAX_EXPORT_ROWS:
            rows, after = due.page(name, scope, today, after, 2000)
            for row in rows:
                append_row(sheet, row)
            written += len(rows)
            if after is None:
                break
    return xlsx_response(workbook_bytes(workbook), "emergency-due.xlsx")
