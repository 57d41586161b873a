"""The entry screens of the annual drill plan."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import (
    MAX_CHOICES,
    _entry,
    _page,
    _plans,
    manager_entry,
)

#: Recorded drills the page lists (the API pages through them all).
RECENT_DRILLS = 50


@manager_entry
@require_GET
def drills(request, *, scope, enterprise):
    """The annual drill plan (this year's and the next's) and the drills held."""
    from django.utils import timezone

    from core.emergency.models import Drill, DrillPlanItem

    today = timezone.localdate()
    planned = list(
        DrillPlanItem.objects.filter(
            enterprise=enterprise, year__in=(today.year, today.year + 1)
        )
        .select_related("plan", "drill")
        .order_by("due_on", "pk")[:MAX_CHOICES]
    )
    held = list(
        Drill.objects.filter(enterprise=enterprise)
        .select_related("plan")
        .order_by("-held_on", "-pk")[:RECENT_DRILLS]
    )
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/drills.html",
        planned=planned,
        held=held,
        today=today,
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def drill_plan_new(request, *, scope, enterprise):
    from django.utils import timezone

    plans = _plans(enterprise)
    form = entry.DrillPlanItemForm(
        request.POST or None,
        initial={"year": timezone.localdate().year},
        choices={"plan": plans},
    )

    def write(data):
        services.drill_plan_add(actor=request.user, enterprise=enterprise, **data)
        return _("The drill is in the plan.")

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Add a drill to the annual plan"),
        back=reverse("emergency:drills"),
    )
