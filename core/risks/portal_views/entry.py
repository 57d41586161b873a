"""The guided entry's start and drafts, and the risk library it copies from."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.risks.drafts import canonical_from_data
from core.risks.forms import RiskChoices
from core.risks.models import ControlLevel, ControlMeasure, RiskDraft, RiskPoint
from core.risks.portal_views.base import page, risk_page
from core.risks.portal_wizard import STEP_TITLES, drafts_of
from core.risks.selectors import risk_library
from core.risks.services import RiskDataInvalid, risk_point_data_from_library


# -- the guided entry: start, edit, drafts ------------------------------------------------
@require_GET
@risk_page(write=True)
def new(request, *, scope, enterprise, can_manage):
    """Start a new entry: a fresh draft id (the row is written on first save)."""
    return redirect("risks:wizard", draft_id=uuid.uuid4())


@require_GET
@risk_page(write=True)
def drafts(request, *, scope, enterprise, can_manage):
    rows = [
        {"draft": draft, "step_title": STEP_TITLES.get(draft.current_step, "")}
        for draft in drafts_of(user=request.user, enterprise=enterprise)
    ]
    return page(
        request,
        "risks/drafts.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={"rows": rows},
    )


@require_POST
@risk_page(write=True)
def draft_discard(request, draft_id, *, scope, enterprise, can_manage):
    draft = get_object_or_404(
        RiskDraft, draft_id=draft_id, owner=request.user, enterprise=enterprise
    )
    draft.delete()
    messages.success(request, _("The draft was discarded."))
    return redirect("risks:drafts")


# -- risk library ----------------------------------------------------------------
@require_GET
@risk_page
def library(request, *, scope, enterprise, can_manage):
    choices = RiskChoices(enterprise)
    kinds = dict(ControlMeasure.Kind.choices)
    items = [
        {
            "item": item,
            "events": [
                {
                    "event": event,
                    "accident_types": [
                        choices.accident_types[code].name
                        if code in choices.accident_types
                        else code
                        for code in event.accident_types
                    ],
                    "measures": [
                        (kinds.get(m.kind, m.kind), m.text) for m in event.measures
                    ],
                }
                for event in item.entry.events
            ],
        }
        for item in risk_library(industry_codes=choices.industries)
    ]
    return page(
        request,
        "risks/library.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={
            "items": items,
            "kind_labels": dict(RiskPoint.Kind.choices),
            "control_levels": dict(ControlLevel.choices),
        },
    )


@require_POST
@risk_page(write=True)
def library_use(request, *, scope, enterprise, can_manage):
    """Open a library entry's exact copy as a draft, to adapt in the wizard."""
    pack, key = request.POST.get("pack", ""), request.POST.get("key", "")
    choices = RiskChoices(enterprise)
    offered = {
        (item.pack, item.entry.key)
        for item in risk_library(industry_codes=choices.industries)
    }
    if (pack, key) not in offered:
        raise Http404
    try:
        data = risk_point_data_from_library(pack=pack, key=key)
    except RiskDataInvalid as exc:
        messages.error(
            request,
            _("This library entry could not be copied: %(reason)s")
            % {"reason": "; ".join(e.reason for e in getattr(exc, "errors", []))},
        )
        return redirect("risks:library")
    # The copy is a draft of the user's: nothing is written to the
    # enterprise's risk records before the user saves it.
    draft = RiskDraft.objects.create(
        owner=request.user,
        enterprise=enterprise,
        current_step="point",
        data=canonical_from_data(
            data,
            suggestions=[e.suggested_assessment or {} for e in data.events],
            source=f"{pack}:{key}",
        ),
    )
    messages.success(
        request,
        _(
            "“%(name)s” was copied from the library. Adapt it to your site, "
            "assess its events and save it."
        )
        % {"name": data.name},
    )
    return redirect("risks:wizard", draft_id=draft.draft_id)
