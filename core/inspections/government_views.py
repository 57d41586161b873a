"""The government inspections' admin pages (/admin/government-inspections/):
the office's list, planning one, and the record of its result.

Thin views over ``core.inspections.government``: the services check who
may plan and record; the list and the detail read through the office's
scope, so another office's inspection is a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import formset_factory
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.base.errors import Invalid, Refused, apply_errors
from core.base.form_fields import text_area
from core.base.keyset import BadCursor, keyset_page
from core.hazards.models import HazardGrade
from core.hazards.services import enabled_grades
from core.inspections.government import (
    MAX_FINDINGS,
    government_inspection_plan,
    government_inspection_record,
    government_inspections,
    may_inspect,
)
from core.organizations.autocomplete import EnterpriseChoiceField, EnterpriseInScopeForm
from core.organizations.scope import scope_for

PAGE_SIZE = 50
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(EnterpriseInScopeForm):
    enterprise = EnterpriseChoiceField(label=gettext_lazy("Enterprise"))
    planned_on = forms.DateField(label=gettext_lazy("Planned for"), widget=DATE_INPUT)
    inspectors = forms.CharField(
        label=gettext_lazy("Inspectors"),
        max_length=200,
        help_text=gettext_lazy("Names of the officers who inspect."),
    )
    purpose = text_area(gettext_lazy("Purpose"))


class RecordForm(forms.Form):
    inspected_on = forms.DateField(
        label=gettext_lazy("Inspected on"), widget=DATE_INPUT
    )
    summary = text_area(gettext_lazy("Summary of the result"))


class FindingForm(forms.Form):
    description = text_area(gettext_lazy("Hazard found"), 2)
    location = forms.CharField(
        label=gettext_lazy("Location"), required=False, max_length=200
    )
    grade = forms.ChoiceField(label=gettext_lazy("Grade"), choices=())
    deadline = forms.DateField(
        label=gettext_lazy("Rectify by"), required=False, widget=DATE_INPUT
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        grades = enabled_grades()
        self.fields["grade"].choices = [
            (value, label) for value, label in HazardGrade.choices if value in grades
        ]

    def has_changed(self) -> bool:
        # A row counts when it describes a hazard; the grade's default alone
        # does not make a finding.
        return bool((self.data.get(self.add_prefix("description")) or "").strip())


FindingFormSet = formset_factory(
    FindingForm, extra=3, max_num=MAX_FINDINGS, validate_max=True
)


class _OfficeView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_for(request.user)
        if not (may_inspect(self.scope) or self.scope.sees_everything):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InspectionListView(_OfficeView):
    template_name = "inspections/admin/government_list.html"
    page_title = gettext_lazy("Government inspections")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = government_inspections(scope=self.scope)
        try:
            page = keyset_page(rows, self.request.GET.get("cursor") or None, PAGE_SIZE)
        except BadCursor:
            raise Http404 from None
        base = reverse("government_inspections:list")
        context.update(
            inspections=page.rows,
            next_url=f"{base}?cursor={page.next_cursor}" if page.next_cursor else "",
            previous_url=(
                f"{base}?cursor={page.previous_cursor}" if page.previous_cursor else ""
            ),
            may_plan=may_inspect(self.scope),
        )
        return context


class InspectionPlanView(_OfficeView):
    template_name = "inspections/admin/government_form.html"
    page_title = gettext_lazy("Plan an inspection")
    header_icon = "plus"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "form",
            PlanForm(scope=self.scope, initial={"planned_on": timezone.localdate()}),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PlanForm(request.POST, scope=self.scope)
        if form.is_valid():
            enterprise = self.scope.enterprises().get(
                pk=form.cleaned_data["enterprise"]
            )
            try:
                inspection = government_inspection_plan(
                    actor=request.user,
                    enterprise=enterprise,
                    planned_on=form.cleaned_data["planned_on"],
                    inspectors=form.cleaned_data["inspectors"],
                    purpose=form.cleaned_data["purpose"],
                )
            except Refused as refused:
                raise PermissionDenied(str(refused)) from None
            except Invalid as errors:
                apply_errors(form, errors)
            else:
                messages.success(request, _("The inspection is planned."))
                return HttpResponseRedirect(
                    reverse("government_inspections:detail", args=[inspection.pk])
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)


class InspectionDetailView(_OfficeView):
    template_name = "inspections/admin/government_detail.html"
    header_icon = "clipboard-list"

    def get_page_title(self):
        return _("Inspection of %(enterprise)s") % {
            "enterprise": self.inspection.enterprise.name
        }

    def dispatch(self, request, *args, **kwargs):
        scope = scope_for(request.user)
        self.inspection = get_object_or_404(
            government_inspections(scope=scope), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inspection = self.inspection
        recordable = (
            inspection.status == inspection.Status.PLANNED
            and may_inspect(self.scope)
            and self.scope.department == inspection.department
        )
        if recordable:
            context.setdefault(
                "form", RecordForm(initial={"inspected_on": timezone.localdate()})
            )
            context.setdefault("findings", FindingFormSet(prefix="findings"))
        context.update(
            inspection=inspection,
            recordable=recordable,
            hazards=list(
                inspection.hazards.order_by("pk").only(
                    "pk", "description", "grade", "status", "deadline"
                )
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = RecordForm(request.POST)
        findings = FindingFormSet(request.POST, prefix="findings")
        if form.is_valid() and findings.is_valid():
            rows = [
                finding.cleaned_data
                for finding in findings.forms
                if finding.has_changed() and finding.cleaned_data
            ]
            try:
                opened = government_inspection_record(
                    actor=request.user,
                    inspection=self.inspection,
                    inspected_on=form.cleaned_data["inspected_on"],
                    summary=form.cleaned_data["summary"],
                    findings=rows,
                )
            except Refused as refused:
                raise PermissionDenied(str(refused)) from None
            except Invalid as errors:
                apply_errors(form, errors, formsets={"findings": findings})
            else:
                messages.success(
                    request,
                    _("The result is recorded; %(count)d hazards were opened.")
                    % {"count": len(opened)},
                )
                return HttpResponseRedirect(request.path)
        return self.render_to_response(
            self.get_context_data(form=form, findings=findings), status=400
        )
