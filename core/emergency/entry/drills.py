"""The entry screens of the annual drill plan."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import MAX_CHOICES, manager_entry

#: Recorded drills the page lists (the API pages through them all).
RECENT_DRILLS = 50


@manager_entry
@require_GET
def drills(request, *, page):
    """The annual drill plan (this year's and the next's) and the drills held."""
    from core.emergency.models import Drill, DrillPlanItem

    today = timezone.localdate()
    planned = DrillPlanItem.objects.filter(
        enterprise=page.enterprise, year__in=(today.year, today.year + 1)
    ).select_related("plan", "drill")
    held = Drill.objects.filter(enterprise=page.enterprise).select_related("plan")
    return page.show(
        "emergency/portal/drills.html",
        planned=list(planned.order_by("due_on", "pk")[:MAX_CHOICES]),
        held=list(held.order_by("-held_on", "-pk")[:RECENT_DRILLS]),
        today=today,
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def drill_plan_new(request, *, page):
    form = entry.DrillPlanItemForm(
        request.POST or None,
        initial={"year": timezone.localdate().year},
        choices={"plan": page.plans()},
    )

    def write(data):
        services.drill_plan_add(actor=request.user, enterprise=page.enterprise, **data)
        return _("The drill is in the plan.")

    title = _("Add a drill to the annual plan")
    return page.form(form, write, title=title, back="emergency:drills")
