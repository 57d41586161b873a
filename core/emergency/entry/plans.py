"""The entry screens of emergency plans: create, a new version, risk events, filing."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import policy, services
from core.emergency.entry.frame import MAX_CHOICES, MAX_MATCHES, manager_entry
from core.emergency.models import (
    EmergencyPlan,
    PlanKind,
)


@manager_entry
@require_GET
def plans(request, *, page):
    rows = list(
        EmergencyPlan.objects.filter(enterprise=page.enterprise)
        .select_related("current_version")
        .order_by("kind", "pk")[:MAX_CHOICES]
    )
    return page.show("emergency/portal/plans.html", plans=rows)


@manager_entry
@require_http_methods(["GET", "POST"])
def plan_new(request, *, page):
    form = entry.PlanForm(
        request.POST or None,
        choices={"kind": PlanKind.choices, "risk_events": page.events()},
    )

    def write(data):
        plan = services.plan_create(
            actor=request.user, enterprise=page.enterprise, **data
        )
        return _("Emergency plan “%(title)s” saved.") % {"title": plan.title}

    title = _("New emergency plan")
    return page.form(form, write, title=title, back="emergency:plans", search=True)


def _plan_of(enterprise, pk: int) -> EmergencyPlan:
    plan = (
        EmergencyPlan.objects.filter(enterprise=enterprise, pk=pk)
        .select_related("current_version")
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def _plan_forms(page, plan, *, revise=None, file=None):
    events = list(plan.risk_events.values_list("pk", flat=True))
    current = plan.current_version
    revise = revise or entry.PlanVersionForm(
        initial={
            "content": current.content if current else "",
            "risk_events": events,
        },
        choices={"risk_events": page.events(keep=events)},
    )
    versions = list(plan.versions.order_by("-number")[:100])
    file = file or entry.PlanFileForm(
        initial={"version": current.pk if current else None},
        choices=_file_choices(plan, versions),
    )
    return revise, file, versions


def _file_choices(plan, versions):
    return {
        "version": [
            (v.pk, f"v{v.number} ({v.approved_on:%Y-%m-%d})")
            for v in versions
            if v.approved_on
        ],
        "department": list(
            policy.filing_departments(plan.enterprise)
            .order_by("kind", "name")
            .values_list("pk", "name")[:MAX_CHOICES]
        ),
    }


def _plan_page(page, plan, revise, file, versions):
    from core.emergency.models import PlanFiling

    filings = list(
        PlanFiling.objects.filter(version__plan=plan)
        .select_related("department", "version")
        .order_by("-pk")[:100]
    )
    return page.show(
        "emergency/portal/plan.html",
        plan=plan,
        versions=versions,
        filings=filings,
        events=list(plan.risk_events.select_related("risk_point")[:MAX_MATCHES]),
        revise=revise,
        file=file,
    )


@manager_entry
@require_GET
def plan_detail(request, pk: int, *, page):
    plan = _plan_of(page.enterprise, pk)
    return _plan_page(page, plan, *_plan_forms(page, plan))


@manager_entry
@require_http_methods(["POST"])
def plan_revise(request, pk: int, *, page):
    plan = _plan_of(page.enterprise, pk)
    events = list(plan.risk_events.values_list("pk", flat=True))
    form = entry.PlanVersionForm(
        request.POST, choices={"risk_events": page.events(keep=events)}
    )

    def write(data):
        version = services.plan_revise(actor=request.user, plan=plan, **data)
        return _("Version %(n)d saved.") % {"n": version.number}

    done = page.save(form, write, reverse("emergency:plan", args=[plan.pk]))
    return done or _plan_page(page, plan, *_plan_forms(page, plan, revise=form))


@manager_entry
@require_http_methods(["POST"])
def plan_file(request, pk: int, *, page):
    plan = _plan_of(page.enterprise, pk)
    versions = list(plan.versions.order_by("-number")[:100])
    form = entry.PlanFileForm(request.POST, choices=_file_choices(plan, versions))

    def write(data):
        version = next(v for v in versions if v.pk == data["version"])
        filing = services.plan_file(
            actor=request.user, version=version, department=data["department"]
        )
        return _("Filed with %(department)s.") % {"department": filing.department.name}

    done = page.save(form, write, reverse("emergency:plan", args=[plan.pk]))
    return done or _plan_page(page, plan, *_plan_forms(page, plan, file=form))
