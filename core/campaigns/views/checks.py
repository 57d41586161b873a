"""Acceptance and spot-check pages: the checks, the samples, recording a check
and drawing a sample.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.base.errors import Invalid, Refused
from core.base.filters import parse_id
from core.base.form_fields import text_area
from core.campaigns.models import Campaign, CheckKind, SpotCheckSample
from core.campaigns.services import (
    MAX_SAMPLE,
    acceptance_record,
    checks_visible,
    may_check,
    spot_sample_draw,
)
from core.campaigns.views.base import (
    CHECKLISTS_SHOWN,
    DATE_INPUT,
    _apply,
    _GovernmentListView,
    _GovernmentView,
)
from core.organizations.autocomplete import EnterpriseChoiceField, EnterpriseInScopeForm


class CheckForm(EnterpriseInScopeForm):
    enterprise = EnterpriseChoiceField(label=gettext_lazy("Enterprise"))
    checked_on = forms.DateField(label=gettext_lazy("Checked on"), widget=DATE_INPUT)
    passed = forms.TypedChoiceField(
        label=gettext_lazy("Result"),
        choices=[("1", gettext_lazy("Passed")), ("0", gettext_lazy("Failed"))],
        coerce=lambda value: value == "1",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "With a scored checklist, leave empty to take its result."
        ),
    )
    score = forms.DecimalField(
        label=gettext_lazy("Score"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
    )
    remarks = text_area(gettext_lazy("Remarks"))


class SampleForm(forms.Form):
    size = forms.IntegerField(
        label=gettext_lazy("Sample size"), min_value=1, max_value=MAX_SAMPLE
    )
    campaign = forms.ModelChoiceField(
        label=gettext_lazy("Drawn from"),
        queryset=Campaign.objects.order_by("-starts_on", "-pk"),
        required=False,
        empty_label=gettext_lazy("Every enterprise"),
        help_text=gettext_lazy("Every enterprise, or the targets of a campaign."),
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Seed"),
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        help_text=gettext_lazy(
            "Leave empty for a new random draw; give an earlier sample's seed to repeat it."
        ),
    )


class CheckListView(_GovernmentListView):
    template_name = "campaigns/admin/check_list.html"
    page_title = gettext_lazy("Acceptance and spot checks")
    header_icon = "check"
    rows_name, url_name = "checks", "campaigns:checks"

    def rows(self):
        return checks_visible(scope=self.scope)

    def list_context(self):
        return {
            "may_check": may_check(self.scope),
            "may_sample": may_sample(self.scope),
            "samples": _sample_rows(self.scope),
            "sample_form": SampleForm(),
        }


def _sample_rows(scope) -> list[dict]:
    """The last ten samples with their enterprises' names and how many of
    them have a spot check (three queries)."""
    if not scope.sees_everything:
        return []
    samples = list(SpotCheckSample.objects.select_related("campaign")[:10])
    ids = {pk for sample in samples for pk in sample.enterprise_ids}
    names = dict(scope.enterprises().filter(pk__in=ids).values_list("pk", "name"))
    checked = _checked_counts([sample.pk for sample in samples])
    return [
        {
            "sample": sample,
            "checked": checked.get(sample.pk, 0),
            "enterprises": [(pk, names.get(pk, "—")) for pk in sample.enterprise_ids],
        }
        for sample in samples
    ]


def _checked_counts(sample_ids: list[int]) -> dict[int, int]:
    from django.db.models import Count

    from core.campaigns.models import AcceptanceCheck

    return dict(
        AcceptanceCheck.objects.filter(sample_id__in=sample_ids, kind=CheckKind.SPOT)
        .order_by()
        .values("sample_id")
        .annotate(n=Count("enterprise_id", distinct=True))
        .values_list("sample_id", "n")
    )


def may_sample(scope) -> bool:
    """Only the committee office draws samples and records spot checks."""
    return scope.sees_everything and scope.department is not None


class SampleDetailView(_GovernmentView):
    """A sample's enterprises, each with its spot check (result, date) or a
    link to record it: the committee office's work list after a draw."""

    template_name = "campaigns/admin/sample_detail.html"
    header_icon = "check"

    def get_page_title(self):
        return _("Spot-check sample #%(n)d") % {"n": self.sample.pk}

    def permitted(self, scope):
        return may_sample(scope)

    def load(self, scope, **kwargs):
        self.sample = get_object_or_404(
            SpotCheckSample.objects.select_related("campaign", "department"),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        from core.campaigns.models import AcceptanceCheck

        context = super().get_context_data(**kwargs)
        sample = self.sample
        names = dict(
            self.scope.enterprises()
            .filter(pk__in=sample.enterprise_ids)
            .values_list("pk", "name")
        )
        checks: dict[int, AcceptanceCheck] = {}
        for check in AcceptanceCheck.objects.filter(
            sample=sample, kind=CheckKind.SPOT
        ).order_by("checked_on", "pk"):
            checks[check.enterprise_id] = check  # the latest one wins
        record = reverse("campaigns:check_record")
        rows = [
            {
                "pk": pk,
                "name": names.get(pk, "—"),
                "check": checks.get(pk),
                "record_url": f"{record}?sample={sample.pk}&enterprise={pk}",
            }
            for pk in sample.enterprise_ids
        ]
        context.update(
            sample=sample,
            rows=rows,
            checked=sum(1 for row in rows if row["check"] is not None),
        )
        return context


class CheckRecordView(_GovernmentView):
    template_name = "campaigns/admin/check_form.html"
    page_title = gettext_lazy("Record an acceptance check")
    header_icon = "check"

    def permitted(self, scope):
        return may_check(scope)

    def load(self, scope, **kwargs):
        self.spot = self.spot_target(scope)

    def get_page_title(self):
        if self.spot is not None:
            return _("Record a spot check")
        return super().get_page_title()

    def spot_target(self, scope):
        """``?sample=<id>&enterprise=<id>``: a spot check of an enterprise of
        the sample (the committee office only; otherwise 403, an enterprise
        outside the sample or the scope 404). ``None`` for an acceptance
        check."""
        if "sample" not in self.request.GET:
            return None
        if not may_sample(scope):
            raise PermissionDenied
        sample = SpotCheckSample.objects.filter(
            pk=parse_id(self.request.GET.get("sample")) or 0
        ).first()
        pk = parse_id(self.request.GET.get("enterprise"))
        if sample is None or pk is None or pk not in (sample.enterprise_ids or []):
            raise Http404
        enterprise = scope.enterprises().filter(pk=pk).first()
        if enterprise is None:
            raise Http404
        return sample, enterprise

    def check_form(self, data=None):
        form = CheckForm(
            data,
            scope=self.scope,
            initial={"checked_on": timezone.localdate()},
        )
        if self.spot is not None:
            # The enterprise is the sample's: not chosen again.
            del form.fields["enterprise"]
        return form

    def checklists(self):
        """Published checklists the office may use (its own and the packs')."""
        from core.forms.models import Kind
        from core.forms.policy import definitions_visible

        return (
            definitions_visible(self.scope)
            .filter(kind=Kind.CHECKLIST, published_version__isnull=False)
            .select_related("published_version")
            .order_by("key")[:CHECKLISTS_SHOWN]
        )

    def chosen_version(self):

        pk = parse_id(self.request.GET.get("checklist"))
        if pk is None:
            return None
        definition = next((d for d in self.checklists() if d.pk == pk), None)
        if definition is None:
            raise Http404
        return definition.published_version

    def answer_form(self, version, data=None):
        from core.forms.builder import FormBuilder

        if version is None:
            return None
        form_class = FormBuilder(
            version.ui_schema, version.json_schema
        ).get_form_class()
        return form_class(data, prefix="answers")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.chosen_version()
        context.setdefault("form", self.check_form())
        context.setdefault("answers", self.answer_form(version))
        context.update(
            checklists=self.checklists(),
            version=version,
            spot_sample=self.spot[0] if self.spot else None,
            spot_enterprise=self.spot[1] if self.spot else None,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.check_form(request.POST)
        version = self.chosen_version()
        answers = self.answer_form(version, request.POST)
        answers_valid = answers is None or answers.is_valid()
        if form.is_valid() and answers_valid:
            data = form.cleaned_data
            sample = None
            kind = CheckKind.ACCEPTANCE
            sample_id = parse_id(request.POST.get("sample"))
            if self.spot is not None:
                sample, enterprise = self.spot
                kind = CheckKind.SPOT
            else:
                enterprise = self.scope.enterprises().get(pk=data["enterprise"])
            if self.spot is None and request.POST.get("sample"):
                sample = (
                    SpotCheckSample.objects.filter(pk=sample_id).first()
                    if sample_id
                    else None
                )
                kind = CheckKind.SPOT
            try:
                acceptance_record(
                    actor=request.user,
                    enterprise=enterprise,
                    kind=kind,
                    sample=sample,
                    passed=data["passed"],
                    checked_on=data["checked_on"],
                    score=data["score"],
                    remarks=data["remarks"],
                    version=version,
                    answers=answers.answers if answers is not None else None,
                )
            except Refused as refused:
                raise PermissionDenied(str(refused)) from None
            except Invalid as errors:
                _apply(errors, form)
            else:
                messages.success(request, _("The check is recorded."))
                if self.spot is not None:
                    return HttpResponseRedirect(
                        reverse("campaigns:sample", args=[self.spot[0].pk])
                    )
                return HttpResponseRedirect(reverse("campaigns:checks"))
        return self.render_to_response(
            self.get_context_data(form=form, answers=answers), status=400
        )


class SampleDrawView(_GovernmentView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = SampleForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("Enter a sample size from 1 to %(n)d.") % {"n": MAX_SAMPLE}
            )
            return HttpResponseRedirect(reverse("campaigns:checks"))
        try:
            sample = spot_sample_draw(
                actor=request.user,
                size=form.cleaned_data["size"],
                seed=form.cleaned_data["seed"],
                campaign=form.cleaned_data["campaign"],
            )
        except Refused as refused:
            raise PermissionDenied(str(refused)) from None
        messages.success(
            request,
            _("Sample drawn: %(size)d of %(population)d enterprises (seed %(seed)d).")
            % {
                "size": sample.size,
                "population": sample.population_size,
                "seed": sample.seed,
            },
        )
        # On to the sampled enterprises, to record their spot checks.
        return HttpResponseRedirect(reverse("campaigns:sample", args=[sample.pk]))
