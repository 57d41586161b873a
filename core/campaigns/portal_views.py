"""The enterprise's side: the directives addressed to it (read, reply) and
its checklist in each running campaign (what is missing for "established").

Opening a directive records the read receipt when the user is the
enterprise's safety manager; replying is the manager's too. Staff read.
"""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.campaigns.progress import campaigns_targeting, enterprise_checklist
from core.campaigns.services import (
    checks_visible,
    directive_inbox,
    directive_open,
    directive_reply,
)
from core.organizations.models import Role
from core.portal.frame import portal_page, submit

INBOX_SIZE = 50
CAMPAIGNS_SHOWN = 10


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=gettext_lazy("Your reply"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=8000,
    )


@portal_page("campaigns/portal/home.html")
@require_http_methods(["GET", "HEAD"])
def campaigns_home(request, *, scope, enterprise):
    today = timezone.localdate()
    campaigns = []
    for campaign in campaigns_targeting(enterprise, today=today).prefetch_related(
        "milestones"
    )[:CAMPAIGNS_SHOWN]:
        checklist = enterprise_checklist(campaign, enterprise=enterprise, today=today)
        if checklist is None:
            continue
        campaigns.append(
            {
                "campaign": campaign,
                "checklist": checklist,
                "missing": [item for item in checklist if not item["met"]],
                "next": next(
                    (m for m in campaign.milestones.all() if m.deadline >= today), None
                ),
            }
        )
    return {
        "directives": list(
            directive_inbox(scope=scope, enterprise=enterprise)[:INBOX_SIZE]
        ),
        "campaigns": campaigns,
        "checks": list(checks_visible(scope=scope).filter(enterprise=enterprise)[:20]),
    }


@portal_page("campaigns/portal/directive.html", post_status=400)
@require_http_methods(["GET", "HEAD", "POST"])
def directive_detail(request, pk, *, scope, enterprise):
    recipient = get_object_or_404(
        directive_inbox(scope=scope, enterprise=enterprise), directive_id=pk
    )
    is_manager = scope.role == Role.ENTERPRISE_MANAGER
    form = ReplyForm(request.POST or None, initial={"reply": recipient.reply})
    if request.method == "POST":
        if not is_manager:
            raise Http404
        done = submit(
            request,
            form,
            lambda: (
                directive_reply(
                    actor=request.user,
                    recipient=recipient,
                    reply=form.cleaned_data["reply"],
                )
                and _("Your reply was sent.")
            ),
            to=request.path,
        )
        if done is not None:
            return done
    elif is_manager:
        recipient = directive_open(actor=request.user, recipient=recipient)
    return {
        "recipient": recipient,
        "directive": recipient.directive,
        "form": form,
        "is_manager": is_manager,
    }
