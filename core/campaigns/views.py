"""The campaigns' admin pages (/admin/campaigns/): campaigns and their
progress, directives and their receipts, acceptance and spot checks.

Thin views over ``core.campaigns.services`` and ``progress``: the services
check who may write; every page reads through the viewer's scope (another
office's directive is a 404; a campaign's figures are the viewer's part).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import formset_factory
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.base.errors import Invalid, Refused
from core.base.filters import parse_id
from core.base.keyset import BadCursor, keyset_page
from core.base.scope_cache import scope_cached
from core.campaigns.criteria import CRITERIA
from core.campaigns.models import Audience, Campaign, CheckKind, SpotCheckSample
from core.campaigns.progress import campaign_progress, enterprise_rows
from core.campaigns.services import (
    MAX_SAMPLE,
    acceptance_record,
    campaign_create,
    campaigns_visible,
    checks_visible,
    directive_send,
    directives_sent,
    may_check,
    may_run_campaigns,
    may_send_directives,
    spot_sample_draw,
)
from core.organizations.autocomplete import EnterpriseChoiceField
from core.organizations.models import Industry, Jurisdiction
from core.organizations.scope import scope_for

PAGE_SIZE = 50
LIST_SLOTS = 8
CHECKLISTS_SHOWN = 100
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _apply(errors: Invalid, form: forms.Form, milestones=None) -> None:
    for problem in errors.errors:
        name = str(problem.location[0]) if problem.location else None
        if milestones is not None and name and name.startswith("milestones-"):
            _prefix, index, field = name.split("-", 2)
            if int(index) < len(milestones.forms):
                milestones.forms[int(index)].add_error(field, problem.reason)
                continue
        form.add_error(name if name in form.fields else None, problem.reason)


def _page(request, rows, base: str):
    try:
        page = keyset_page(rows, request.GET.get("cursor") or None, PAGE_SIZE)
    except BadCursor:
        raise Http404 from None
    joiner = "&" if "?" in base else "?"
    return (
        page.rows,
        f"{base}{joiner}cursor={page.next_cursor}" if page.next_cursor else "",
        f"{base}{joiner}cursor={page.previous_cursor}" if page.previous_cursor else "",
    )


class _GovernmentView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_for(request.user)
        if not self.scope.is_government:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# -- campaigns ---------------------------------------------------------------------------


class CampaignForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("directive", "Title"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    starts_on = forms.DateField(label=gettext_lazy("Starts on"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=gettext_lazy("Ends on"), widget=DATE_INPUT)
    industries = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Industries"),
        queryset=Industry.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None chosen: every industry."),
    )
    territories = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Territories"),
        queryset=Jurisdiction.objects.filter(depth__lte=2),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None chosen: the whole district."),
    )
    key_industries_only = forms.BooleanField(
        label=gettext_lazy("Key industries only"), required=False
    )
    above_scale_only = forms.BooleanField(
        label=gettext_lazy("Above-scale enterprises only (规上)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA.values():
            self.fields[f"criterion_{criterion.key}"] = forms.BooleanField(
                label=criterion.label, help_text=criterion.help_text, required=False
            )
            if criterion.value_label:
                self.fields[f"value_{criterion.key}"] = forms.IntegerField(
                    label=f"{criterion.label}: {criterion.value_label}",
                    required=False,
                    initial=criterion.default,
                    min_value=criterion.minimum,
                    max_value=criterion.maximum,
                )

    def chosen_criteria(self) -> list[dict]:
        return [
            {"key": key, "value": self.cleaned_data.get(f"value_{key}")}
            for key in CRITERIA
            if self.cleaned_data.get(f"criterion_{key}")
        ]


class MilestoneForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Milestone"), max_length=200)
    deadline = forms.DateField(
        label=pgettext_lazy("directive", "Deadline"), widget=DATE_INPUT
    )
    target_percent = forms.IntegerField(
        label=gettext_lazy("Share established (%)"), min_value=0, max_value=100
    )


MilestoneFormSet = formset_factory(MilestoneForm, extra=3, max_num=20)


class CampaignListView(_GovernmentView):
    template_name = "campaigns/admin/campaign_list.html"
    page_title = gettext_lazy("Rollout campaigns")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, next_url, previous_url = _page(
            self.request,
            campaigns_visible(scope=self.scope),
            reverse("campaigns:list"),
        )
        context.update(
            campaigns=rows,
            next_url=next_url,
            previous_url=previous_url,
            may_create=may_run_campaigns(self.scope),
            may_send=may_send_directives(self.scope),
            may_check=may_check(self.scope),
        )
        return context


class CampaignCreateView(_GovernmentView):
    template_name = "campaigns/admin/campaign_form.html"
    page_title = gettext_lazy("New campaign")
    header_icon = "plus"

    def dispatch(self, request, *args, **kwargs):
        if not may_run_campaigns(scope_for(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CampaignForm())
        context.setdefault("milestones", MilestoneFormSet(prefix="milestones"))
        return context

    def post(self, request, *args, **kwargs):
        form = CampaignForm(request.POST)
        milestones = MilestoneFormSet(request.POST, prefix="milestones")
        if form.is_valid() and milestones.is_valid():
            data = form.cleaned_data
            try:
                campaign = campaign_create(
                    actor=request.user,
                    title=data["title"],
                    description=data["description"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    criteria=form.chosen_criteria(),
                    milestones=[
                        row.cleaned_data
                        for row in milestones.forms
                        if row.has_changed() and row.cleaned_data
                    ],
                    industries=data["industries"],
                    territories=data["territories"],
                    key_industries_only=data["key_industries_only"],
                    above_scale_only=data["above_scale_only"],
                )
            except Refused as refused:
                raise PermissionDenied(str(refused)) from None
            except Invalid as errors:
                _apply(errors, form, milestones)
            else:
                messages.success(request, _("The campaign is created."))
                return HttpResponseRedirect(
                    reverse("campaigns:detail", args=[campaign.pk])
                )
        return self.render_to_response(
            self.get_context_data(form=form, milestones=milestones), status=400
        )


class CampaignDetailView(_GovernmentView):
    template_name = "campaigns/admin/campaign_detail.html"

    def get_page_title(self):
        return self.campaign.title

    def dispatch(self, request, *args, **kwargs):
        self.campaign = get_object_or_404(
            campaigns_visible(scope=scope_for(request.user)), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Kept per office like the dashboards (core.base.scope_cache): at
        # province scale every criterion is checked for every target.
        progress = scope_cached(
            "campaigns:progress",
            self.scope,
            (self.campaign.pk, timezone.localdate(), repr(self.campaign.criteria)),
            getattr(settings, "SAFEGRID_DASHBOARD_SECONDS", 0),
            lambda: campaign_progress(self.campaign, scope=self.scope),
        )
        rows, conditions = enterprise_rows(self.campaign, scope=self.scope)
        only_missing = self.request.GET.get("missing") == "1"
        if only_missing and conditions:
            from functools import reduce
            from operator import and_

            rows = rows.exclude(reduce(and_, [q for *_r, q in conditions]))
        base = reverse("campaigns:detail", args=[self.campaign.pk])
        if only_missing:
            base += "?missing=1"
        page, next_url, previous_url = _page(self.request, rows, base)
        context.update(
            campaign=self.campaign,
            assessable=self.scope.sees_everything,
            progress=progress,
            criteria_keys=[key for key, *_r in conditions],
            enterprises=[
                {
                    "enterprise": row,
                    "criteria": [getattr(row, f"c_{key}") for key, *_r in conditions],
                }
                for row in page
            ],
            only_missing=only_missing,
            next_url=next_url,
            previous_url=previous_url,
        )
        return context


# -- directives --------------------------------------------------------------------------


class DirectiveForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("directive", "Title"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 6})
    )
    deadline = forms.DateField(
        label=pgettext_lazy("directive", "Deadline"), required=False, widget=DATE_INPUT
    )
    reply_required = forms.BooleanField(
        label=gettext_lazy("Reply required"), required=False
    )
    audience = forms.ChoiceField(
        label=gettext_lazy("Addressed to"),
        choices=Audience.choices,
        widget=forms.RadioSelect,
        initial=Audience.ALL,
    )
    industry = forms.ModelChoiceField(
        label=gettext_lazy("Industry"), queryset=Industry.objects.none(), required=False
    )
    territory = forms.ModelChoiceField(
        label=gettext_lazy("Territory"),
        queryset=Jurisdiction.objects.none(),
        required=False,
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].queryset = (
            Industry.objects.filter(pk__in=scope.industry_ids)
            if scope.industry_ids
            else Industry.objects.filter(is_active=True)
        )
        territories = Jurisdiction.objects.filter(depth__lte=3)
        if scope.jurisdiction_path:
            territories = territories.filter(path__startswith=scope.jurisdiction_path)
        self.fields["territory"].queryset = territories
        enterprises = scope.enterprises()
        for index in range(1, LIST_SLOTS + 1):
            self.fields[f"enterprise_{index}"] = EnterpriseChoiceField(
                label=_("Enterprise %(n)d") % {"n": index},
                required=False,
                enterprises=enterprises,
            )

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if audience == Audience.INDUSTRY and not data.get("industry"):
            self.add_error("industry", _("Choose an industry."))
        if audience == Audience.TERRITORY and not data.get("territory"):
            self.add_error("territory", _("Choose a territory."))
        if audience == Audience.LIST and not self.chosen_ids():
            self.add_error("enterprise_1", _("Choose at least one enterprise."))
        return data

    def chosen_ids(self) -> list[int]:
        return [
            int(value)
            for index in range(1, LIST_SLOTS + 1)
            if (value := self.cleaned_data.get(f"enterprise_{index}")) not in (None, "")
        ]


class DirectiveListView(_GovernmentView):
    template_name = "campaigns/admin/directive_list.html"
    page_title = gettext_lazy("Directives to enterprises")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, next_url, previous_url = _page(
            self.request,
            directives_sent(scope=self.scope),
            reverse("campaigns:directives"),
        )
        context.update(
            directives=rows,
            next_url=next_url,
            previous_url=previous_url,
            may_send=may_send_directives(self.scope),
        )
        return context


class DirectiveSendView(_GovernmentView):
    template_name = "campaigns/admin/directive_form.html"
    page_title = gettext_lazy("Send a directive")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not may_send_directives(scope_for(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", DirectiveForm(scope=self.scope))
        return context

    def post(self, request, *args, **kwargs):
        form = DirectiveForm(request.POST, scope=self.scope)
        if form.is_valid():
            data = form.cleaned_data
            try:
                directive = directive_send(
                    actor=request.user,
                    title=data["title"],
                    body=data["body"],
                    deadline=data["deadline"],
                    reply_required=data["reply_required"],
                    audience=data["audience"],
                    industry=data["industry"],
                    territory=data["territory"],
                    enterprise_ids=form.chosen_ids(),
                )
            except Refused as refused:
                raise PermissionDenied(str(refused)) from None
            except Invalid as errors:
                _apply(errors, form)
            else:
                messages.success(
                    request,
                    _("The directive was sent to %(n)d enterprises.")
                    % {"n": directive.recipient_count},
                )
                return HttpResponseRedirect(
                    reverse("campaigns:directive", args=[directive.pk])
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)


RECIPIENT_FILTERS = {
    "unread": {"read_at__isnull": True},
    "unreplied": {"replied_at__isnull": True},
    "replied": {"replied_at__isnull": False},
}


class DirectiveDetailView(_GovernmentView):
    template_name = "campaigns/admin/directive_detail.html"
    header_icon = "mail"

    def get_page_title(self):
        return self.directive.title

    def dispatch(self, request, *args, **kwargs):
        self.directive = get_object_or_404(
            directives_sent(scope=scope_for(request.user)), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from django.db.models import Count, Q

        context = super().get_context_data(**kwargs)
        recipients = self.directive.recipients.all()
        counts = recipients.aggregate(
            read=Count("pk", filter=Q(read_at__isnull=False)),
            replied=Count("pk", filter=Q(replied_at__isnull=False)),
        )
        shown = self.request.GET.get("show", "")
        rows = recipients.select_related("enterprise").order_by("pk")
        base = reverse("campaigns:directive", args=[self.directive.pk])
        if shown in RECIPIENT_FILTERS:
            rows = rows.filter(**RECIPIENT_FILTERS[shown])
            base += f"?show={shown}"
        page, next_url, previous_url = _page(self.request, rows, base)
        context.update(
            directive=self.directive,
            total=self.directive.recipient_count,
            read=counts["read"],
            replied=counts["replied"],
            unread=self.directive.recipient_count - counts["read"],
            recipients=page,
            shown=shown,
            next_url=next_url,
            previous_url=previous_url,
        )
        return context


# -- acceptance and spot checks ---------------------------------------------------------


class CheckForm(forms.Form):
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
    remarks = forms.CharField(
        label=gettext_lazy("Remarks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].enterprises = scope.enterprises()


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


class CheckListView(_GovernmentView):
    template_name = "campaigns/admin/check_list.html"
    page_title = gettext_lazy("Acceptance and spot checks")
    header_icon = "check"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, next_url, previous_url = _page(
            self.request, checks_visible(scope=self.scope), reverse("campaigns:checks")
        )

        context.update(
            checks=rows,
            next_url=next_url,
            previous_url=previous_url,
            may_check=may_check(self.scope),
            may_sample=may_sample(self.scope),
            samples=_sample_rows(self.scope),
            sample_form=SampleForm(),
        )
        return context


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

    def dispatch(self, request, *args, **kwargs):
        if not may_sample(scope_for(request.user)):
            raise PermissionDenied
        self.sample = get_object_or_404(
            SpotCheckSample.objects.select_related("campaign", "department"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

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

    def dispatch(self, request, *args, **kwargs):
        scope = scope_for(request.user)
        if not may_check(scope):
            raise PermissionDenied
        self.spot = self.spot_target(scope)
        return super().dispatch(request, *args, **kwargs)

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


# -- assessment ----------------------------------------------------------------------------


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), widget=DATE_INPUT)
    end = forms.DateField(label=gettext_lazy("To"), widget=DATE_INPUT)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end cannot be before the start."))
        return data


class AssessmentView(_GovernmentView):
    """考核: the committee office's table of the offices for a period, and
    the circular's text ready to publish."""

    template_name = "campaigns/admin/assessment.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Assessment: %(campaign)s") % {"campaign": self.campaign.title}

    def dispatch(self, request, *args, **kwargs):
        scope = scope_for(request.user)
        if not scope.sees_everything:
            raise PermissionDenied
        self.campaign = get_object_or_404(
            campaigns_visible(scope=scope), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from core.campaigns.assessment import assessment_circular, campaign_assessment

        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        initial = {
            "start": self.campaign.starts_on,
            "end": min(today, self.campaign.ends_on),
        }
        form = PeriodForm(self.request.GET or None, initial=initial)
        period = form.cleaned_data if form.is_valid() else initial
        assessment = campaign_assessment(
            self.campaign, start=period["start"], end=period["end"]
        )
        title, body = assessment_circular(assessment)
        context.update(
            campaign=self.campaign,
            form=form,
            period=period,
            assessment=assessment,
            circular_title=title,
            circular_body=body,
        )
        return context

    def post(self, request, *args, **kwargs):
        """Publish the circular of the period shown (the committee office)."""
        from core.campaigns.services import assessment_publish

        form = PeriodForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a valid period."))
            return redirect("campaigns:assessment", pk=self.campaign.pk)
        try:
            page = assessment_publish(
                actor=request.user,
                campaign=self.campaign,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
            )
        except Invalid as error:
            messages.error(request, " ".join(e.reason for e in error.errors))
            return redirect("campaigns:assessment", pk=self.campaign.pk)
        messages.success(
            request,
            _("The circular is published: %(title)s") % {"title": page.title},
        )
        return redirect("campaigns:assessment", pk=self.campaign.pk)
