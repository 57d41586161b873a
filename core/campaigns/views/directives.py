"""Directive pages: those sent, the send form and a directive's receipts."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from core.base.errors import Invalid, Refused
from core.base.form_fields import text_area
from core.campaigns.models import Audience
from core.campaigns.services import (
    directive_send,
    directives_sent,
    may_send_directives,
)
from core.campaigns.views.base import (
    DATE_INPUT,
    LIST_SLOTS,
    _apply,
    _GovernmentListView,
    _GovernmentView,
    _page,
)
from core.organizations.autocomplete import EnterpriseChoiceField
from core.organizations.models import Industry, Jurisdiction


class DirectiveForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("directive", "Title"), max_length=200)
    body = text_area(gettext_lazy("Text"), 6, required=True)
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


class DirectiveListView(_GovernmentListView):
    template_name = "campaigns/admin/directive_list.html"
    page_title = gettext_lazy("Directives to enterprises")
    header_icon = "mail"
    rows_name, url_name = "directives", "campaigns:directives"

    def rows(self):
        return directives_sent(scope=self.scope)

    def list_context(self):
        return {"may_send": may_send_directives(self.scope)}


class DirectiveSendView(_GovernmentView):
    template_name = "campaigns/admin/directive_form.html"
    page_title = gettext_lazy("Send a directive")
    header_icon = "mail"

    def permitted(self, scope):
        return may_send_directives(scope)

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

    def load(self, scope, **kwargs):
        self.directive = get_object_or_404(
            directives_sent(scope=scope), pk=kwargs["pk"]
        )

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
