"""Campaign pages: the list, the create form with its milestones, and a
campaign's progress in the viewer's part.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import formset_factory
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from core.base.errors import Invalid, Refused
from core.base.form_fields import text_area
from core.base.scope_cache import figure, scope_cached
from core.campaigns.criteria import CRITERIA
from core.campaigns.models import Campaign
from core.campaigns.progress import campaign_progress, enterprise_rows
from core.campaigns.services import (
    campaign_create,
    campaigns_visible,
    may_check,
    may_run_campaigns,
    may_send_directives,
)
from core.campaigns.views.base import (
    DATE_INPUT,
    _apply,
    _GovernmentListView,
    _GovernmentView,
    _page,
)
from core.organizations.models import Industry, Jurisdiction


class CampaignForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("directive", "Title"), max_length=200)
    description = text_area(gettext_lazy("Description"))
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


class CampaignListView(_GovernmentListView):
    template_name = "campaigns/admin/campaign_list.html"
    page_title = gettext_lazy("Rollout campaigns")
    rows_name, url_name = "campaigns", "campaigns:list"

    def rows(self):
        return campaigns_visible(scope=self.scope)

    def list_context(self):
        return {
            "may_create": may_run_campaigns(self.scope),
            "may_send": may_send_directives(self.scope),
            "may_check": may_check(self.scope),
        }


class CampaignCreateView(_GovernmentView):
    template_name = "campaigns/admin/campaign_form.html"
    page_title = gettext_lazy("New campaign")
    header_icon = "plus"

    def permitted(self, scope):
        return may_run_campaigns(scope)

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


@figure("campaigns:progress")
def _kept_progress(scope, parts: list[Any]) -> Any:
    """A campaign's progress for ``[campaign id, day, criteria]`` (the
    criteria only key it: changed criteria make another key), for the
    keeping."""
    campaign_id, day, _criteria = parts
    return campaign_progress(
        Campaign.objects.get(pk=campaign_id),
        scope=scope,
        today=datetime.date.fromisoformat(day),
    )


class CampaignDetailView(_GovernmentView):
    template_name = "campaigns/admin/campaign_detail.html"

    def get_page_title(self):
        return self.campaign.title

    def load(self, scope, **kwargs):
        self.campaign = get_object_or_404(
            campaigns_visible(scope=scope), pk=kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Kept per office and refreshed ahead like the dashboards
        # (core.base.scope_cache): at province scale every criterion is
        # checked for every target.
        progress = scope_cached(
            "campaigns:progress",
            self.scope,
            [
                self.campaign.pk,
                timezone.localdate().isoformat(),
                repr(self.campaign.criteria),
            ],
            getattr(settings, "SAFEGRID_DASHBOARD_SECONDS", 0),
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
