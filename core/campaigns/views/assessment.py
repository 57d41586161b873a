"""A campaign's assessment page and its circular."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.base.errors import Invalid
from core.campaigns.services import campaigns_visible
from core.campaigns.views.base import DATE_INPUT, _GovernmentView


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

    def permitted(self, scope):
        return scope.sees_everything

    def load(self, scope, **kwargs):
        self.campaign = get_object_or_404(
            campaigns_visible(scope=scope), pk=kwargs["pk"]
        )

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
        context.update(
            campaign=self.campaign, form=form, period=period, assessment=assessment
        )
        # The circular's text, ready to publish.
        title, body = assessment_circular(assessment)
        context.update(circular_title=title, circular_body=body)
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
