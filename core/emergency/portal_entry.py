"""The safety manager's entry screens for the emergency records (portal,
phone width first): plans (create, new version, risk events, filing), the
rescue team and agreements, each post's emergency content, training
(requirements per post, sessions, attendance with the assessment and
certificate) and occupational hazards (exposed posts, workplace tests).

Only the enterprise's safety manager (``policy.can_write``) reaches them; a
worker gets a 403, a government user is sent to the admin (403 on a POST).
Every write calls a ``core.emergency.services`` function inside one
transaction; its problems show at their fields with a 400 and the form keeps
what was typed. Every choice is the enterprise's own and bounded: posts and
plans are listed (at most ``MAX_CHOICES``), people and risk events through a
search box (``q``) that lists at most ``MAX_MATCHES`` matches.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.base.errors import apply_errors
from core.base.filters import parse_id
from core.emergency import forms as entry
from core.emergency import policy, services
from core.emergency.models import (
    EmergencyPlan,
    OccupationalExposure,
    OccupationalFactor,
    PlanKind,
    PostEmergencyContent,
    RescueAgreement,
    RescueTeam,
    RescueTeamKind,
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
    WorkplaceTest,
)
from core.organizations.models import Person, Unit
from core.portal.frame import enterprise_portal, render_portal

#: The most posts, plans or requirements a choice lists.
MAX_CHOICES = 500
#: The most people or risk events a search lists.
MAX_MATCHES = 100

FORM = "emergency/portal/form.html"


def manager_entry(view: Callable) -> Callable:
    """An enterprise portal page for the enterprise's safety manager only."""

    @enterprise_portal
    @wraps(view)
    def wrapper(request, *args, scope, enterprise, **kwargs):
        if not policy.can_write(scope, enterprise):
            return HttpResponseForbidden(_("Only the safety manager may change this."))
        return view(request, *args, scope=scope, enterprise=enterprise, **kwargs)

    return wrapper


def _save(request, form, write: Callable[[dict[str, Any]], str], to: str):
    """On a valid POST, ``write`` (the service call) in one transaction and
    redirect to ``to`` (or ``to()``); None when the page must be shown again.

    A POST with ``search`` only narrows a chooser: nothing is saved, what was
    typed stays, no error is shown."""
    if request.method != "POST":
        return None
    if "search" in request.POST:
        request.emergency_search = True
        form.is_valid()
        form.errors.clear()
        return None
    if not form.is_valid():
        return None
    try:
        with transaction.atomic():
            message = write(form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error)
        return None
    messages.success(request, message)
    return redirect(to() if callable(to) else to)


def _page(request, scope, enterprise, template=FORM, **context):
    searching = getattr(request, "emergency_search", False)
    status = 400 if request.method == "POST" and not searching else 200
    return render_portal(
        request,
        template,
        scope=scope,
        enterprise=enterprise,
        context=context,
        status=status,
    )


def _entry(request, scope, enterprise, form, write, *, title, back, search=False):
    """A one-form page: saved and back to ``back``, or shown (again)."""
    done = _save(request, form, write, back)
    return done or _page(
        request,
        scope,
        enterprise,
        form=form,
        title=title,
        back=back,
        search=search,
    )


# -- bounded choices of the enterprise's own ------------------------------------------


def _posted_ids(request, name: str) -> list[int]:
    ids = [parse_id(value) for value in request.POST.getlist(name)]
    return [pk for pk in ids if pk is not None][:MAX_MATCHES]


def _people(request, enterprise, keep=()) -> list[tuple[int, str]]:
    """The people matching the search ``q`` (at most ``MAX_MATCHES``), those
    posted and those in ``keep`` — all of the enterprise."""
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:50]
    people = Person.objects.filter(enterprise=enterprise).order_by("name", "pk")
    matches = people.filter(name__icontains=query) if query else people
    chosen = set(keep) | set(_posted_ids(request, "members"))
    chosen |= set(_posted_ids(request, "person"))
    rows = {p.pk: p.name for p in matches.only("pk", "name")[:MAX_MATCHES]}
    extra = chosen - set(rows)
    if extra:
        rows.update(people.filter(pk__in=extra).values_list("pk", "name"))
    return sorted(rows.items(), key=lambda row: (row[1], row[0]))


def _events(request, enterprise, keep=()) -> list[tuple[int, str]]:
    """The enterprise's active risk events matching ``q`` (bounded), those
    posted and those in ``keep``."""
    from core.risks.models import RiskEvent

    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:50]
    events = RiskEvent.objects.filter(
        risk_point__enterprise=enterprise, is_active=True
    ).order_by("risk_point_id", "order", "pk")
    matches = events.filter(name__icontains=query) if query else events
    chosen = set(keep) | set(_posted_ids(request, "risk_events"))
    rows = {
        e.pk: f"{e.risk_point.name} · {e.name}"
        for e in matches.select_related("risk_point")[:MAX_MATCHES]
    }
    extra = chosen - set(rows)
    if extra:
        rows.update(
            (e.pk, f"{e.risk_point.name} · {e.name}")
            for e in events.filter(pk__in=extra).select_related("risk_point")
        )
    return list(rows.items())


def _posts(enterprise) -> list[tuple[int, str]]:
    return list(
        Unit.objects.filter(enterprise=enterprise, kind=Unit.Kind.POST)
        .order_by("name", "pk")
        .values_list("pk", "name")[:MAX_CHOICES]
    )


def _plans(enterprise) -> list[tuple[int, str]]:
    return list(
        EmergencyPlan.objects.filter(enterprise=enterprise)
        .order_by("kind", "pk")
        .values_list("pk", "title")[:MAX_CHOICES]
    )


def _post_of(enterprise, pk: int) -> Unit:
    post = Unit.objects.filter(
        enterprise=enterprise, kind=Unit.Kind.POST, pk=pk
    ).first()
    if post is None:
        raise Http404
    return post


# -- plans ----------------------------------------------------------------------------


@manager_entry
@require_GET
def plans(request, *, scope, enterprise):
    rows = list(
        EmergencyPlan.objects.filter(enterprise=enterprise)
        .select_related("current_version")
        .order_by("kind", "pk")[:MAX_CHOICES]
    )
    return _page(request, scope, enterprise, "emergency/portal/plans.html", plans=rows)


@manager_entry
@require_http_methods(["GET", "POST"])
def plan_new(request, *, scope, enterprise):
    form = entry.PlanForm(
        request.POST or None,
        choices={"kind": PlanKind.choices, "risk_events": _events(request, enterprise)},
    )

    def write(data):
        plan = services.plan_create(actor=request.user, enterprise=enterprise, **data)
        return _("Emergency plan “%(title)s” saved.") % {"title": plan.title}

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("New emergency plan"),
        back=reverse("emergency:plans"),
        search=True,
    )


def _plan_of(enterprise, pk: int) -> EmergencyPlan:
    plan = (
        EmergencyPlan.objects.filter(enterprise=enterprise, pk=pk)
        .select_related("current_version")
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def _plan_forms(request, enterprise, plan, *, revise=None, file=None):
    events = list(plan.risk_events.values_list("pk", flat=True))
    current = plan.current_version
    revise = revise or entry.PlanVersionForm(
        initial={
            "content": current.content if current else "",
            "risk_events": events,
        },
        choices={"risk_events": _events(request, enterprise, keep=events)},
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


def _plan_page(request, scope, enterprise, plan, revise, file, versions):
    from core.emergency.models import PlanFiling

    filings = list(
        PlanFiling.objects.filter(version__plan=plan)
        .select_related("department", "version")
        .order_by("-pk")[:100]
    )
    return _page(
        request,
        scope,
        enterprise,
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
def plan_detail(request, pk: int, *, scope, enterprise):
    plan = _plan_of(enterprise, pk)
    revise, file, versions = _plan_forms(request, enterprise, plan)
    return _plan_page(request, scope, enterprise, plan, revise, file, versions)


@manager_entry
@require_http_methods(["POST"])
def plan_revise(request, pk: int, *, scope, enterprise):
    plan = _plan_of(enterprise, pk)
    events = list(plan.risk_events.values_list("pk", flat=True))
    form = entry.PlanVersionForm(
        request.POST,
        choices={"risk_events": _events(request, enterprise, keep=events)},
    )

    def write(data):
        version = services.plan_revise(actor=request.user, plan=plan, **data)
        return _("Version %(n)d saved.") % {"n": version.number}

    done = _save(request, form, write, reverse("emergency:plan", args=[plan.pk]))
    if done:
        return done
    revise, file, versions = _plan_forms(request, enterprise, plan, revise=form)
    return _plan_page(request, scope, enterprise, plan, revise, file, versions)


@manager_entry
@require_http_methods(["POST"])
def plan_file(request, pk: int, *, scope, enterprise):
    plan = _plan_of(enterprise, pk)
    versions = list(plan.versions.order_by("-number")[:100])
    form = entry.PlanFileForm(request.POST, choices=_file_choices(plan, versions))

    def write(data):
        version = next(v for v in versions if v.pk == data["version"])
        filing = services.plan_file(
            actor=request.user, version=version, department=data["department"]
        )
        return _("Filed with %(department)s.") % {"department": filing.department.name}

    done = _save(request, form, write, reverse("emergency:plan", args=[plan.pk]))
    if done:
        return done
    revise, file, versions = _plan_forms(request, enterprise, plan, file=form)
    return _plan_page(request, scope, enterprise, plan, revise, file, versions)


# -- rescue capability ------------------------------------------------------------------


@manager_entry
@require_GET
def rescue(request, *, scope, enterprise):
    teams = list(RescueTeam.objects.filter(enterprise=enterprise).order_by("pk")[:20])
    members = {
        team.pk: [
            (m.person.name, m.duty)
            for m in team.members.select_related("person").order_by("pk")[:200]
        ]
        for team in teams[:1]
    }
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/rescue.html",
        team=teams[0] if teams else None,
        members=members.get(teams[0].pk, []) if teams else [],
        agreements=list(
            RescueAgreement.objects.filter(enterprise=enterprise).order_by(
                "-valid_until", "pk"
            )[:100]
        ),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def rescue_team(request, *, scope, enterprise):
    team = RescueTeam.objects.filter(enterprise=enterprise).order_by("pk").first()
    current = (
        list(team.members.select_related("person").order_by("pk")[:200]) if team else []
    )
    initial = {}
    if team:
        initial = {
            "name": team.name,
            "kind": team.kind,
            "equipment": team.equipment,
            "supplies_location": team.supplies_location,
            "members": [m.person_id for m in current],
            "duties": "\n".join(
                f"{m.person.name}: {m.duty}" for m in current if m.duty
            ),
        }
    form = entry.RescueTeamForm(
        request.POST or None,
        initial=initial,
        choices={
            "kind": RescueTeamKind.choices,
            "members": _people(request, enterprise, keep=initial.get("members", [])),
        },
    )

    def write(data):
        duties = data.pop("duty_of")
        data.pop("duties")
        members = [(pk, duties.get(pk, "")) for pk in data.pop("members")]
        services.rescue_team_save(
            actor=request.user,
            enterprise=enterprise,
            team=team,
            members=members,
            **data,
        )
        return _("Rescue team saved.")

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Rescue team"),
        back=reverse("emergency:rescue"),
        search=True,
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk: int | None = None, *, scope, enterprise):
    agreement = None
    if pk is not None:
        agreement = RescueAgreement.objects.filter(enterprise=enterprise, pk=pk).first()
        if agreement is None:
            raise Http404
    initial = {}
    if agreement:
        initial = {
            "party": agreement.party,
            "contact": agreement.contact,
            "valid_from": agreement.valid_from,
            "valid_until": agreement.valid_until,
        }
    form = entry.RescueAgreementForm(request.POST or None, initial=initial)

    def write(data):
        services.rescue_agreement_save(
            actor=request.user, enterprise=enterprise, agreement=agreement, **data
        )
        return _("Rescue agreement saved.")

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Rescue agreement"),
        back=reverse("emergency:rescue"),
    )


# -- posts: emergency content, required trainings, exposures ---------------------------


@manager_entry
@require_GET
def posts(request, *, scope, enterprise):
    rows = _posts(enterprise)
    ids = [pk for pk, _name in rows]
    with_content = set(
        PostEmergencyContent.objects.filter(post__in=ids).values_list(
            "post_id", flat=True
        )
    )
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/posts.html",
        posts=[(pk, name, pk in with_content) for pk, name in rows],
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def post_content(request, pk: int, *, scope, enterprise):
    post = _post_of(enterprise, pk)
    content = PostEmergencyContent.objects.filter(post=post).first()
    initial = {}
    if content:
        initial = {
            name: getattr(content, name)
            for name in (
                "scenario",
                "first_actions",
                "reporting_path",
                "cautions",
                "contacts",
                "escape_route",
                "assembly_point",
            )
        }
        initial["plan"] = content.plan_id
    plans = _plans(enterprise)
    form = entry.PostContentForm(
        request.POST or None, initial=initial, choices={"plan": plans}
    )

    def write(data):
        plan_pk = data.pop("plan")
        plan = EmergencyPlan.objects.filter(enterprise=enterprise, pk=plan_pk).first()
        services.post_content_save(actor=request.user, post=post, plan=plan, **data)
        return _("Emergency content of %(post)s saved.") % {"post": post.name}

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Emergency content · %(post)s") % {"post": post.name},
        back=reverse("emergency:posts"),
    )


# -- training ---------------------------------------------------------------------------


@manager_entry
@require_GET
def training(request, *, scope, enterprise):
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/training.html",
        requirements=list(
            TrainingRequirement.objects.filter(enterprise=enterprise)
            .select_related("post")
            .order_by("post__name", "pk")[:MAX_CHOICES]
        ),
        sessions=list(
            TrainingSession.objects.filter(enterprise=enterprise).order_by("-pk")[:50]
        ),
    )


def _requirements(enterprise):
    return [
        (req.pk, f"{req.post.name} · {req.topic}")
        for req in TrainingRequirement.objects.filter(enterprise=enterprise)
        .select_related("post")
        .order_by("post__name", "pk")[:MAX_CHOICES]
    ]


@manager_entry
@require_http_methods(["GET", "POST"])
def requirement_new(request, *, scope, enterprise):
    form = entry.TrainingRequirementForm(
        request.POST or None, choices={"post": _posts(enterprise)}
    )

    def write(data):
        post = _post_of(enterprise, data.pop("post"))
        services.training_requirement_add(actor=request.user, post=post, **data)
        return _("Required training saved.")

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Required training of a post"),
        back=reverse("emergency:training"),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def session_edit(request, pk: int | None = None, *, scope, enterprise):
    session = None
    if pk is not None:
        session = TrainingSession.objects.filter(enterprise=enterprise, pk=pk).first()
        if session is None:
            raise Http404
    initial = {}
    if session:
        initial = {
            "topic": session.topic,
            "requirement": session.requirement_id,
            "trainer": session.trainer,
            "hours": session.hours,
            "planned_on": session.planned_on,
            "held_on": session.held_on,
        }
    form = entry.TrainingSessionForm(
        request.POST or None,
        initial=initial,
        choices={"requirement": _requirements(enterprise)},
    )

    saved: list[TrainingSession] = []

    def write(data):
        saved.append(
            services.training_session_save(
                actor=request.user, enterprise=enterprise, session=session, **data
            )
        )
        return _("Training session saved.")

    done = _save(
        request,
        form,
        write,
        lambda: reverse("emergency:session", args=[saved[0].pk]),
    )
    if done:
        return done
    attendances = []
    if session:
        attendances = list(
            TrainingAttendance.objects.filter(session=session)
            .select_related("person")
            .order_by("person__name", "pk")[:500]
        )
    attend = None
    if session and session.held_on:
        attend = entry.AttendanceForm(choices={"person": _people(request, enterprise)})
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/session.html",
        form=form,
        session=session,
        attendances=attendances,
        attend=attend,
        title=session.topic if session else _("New training session"),
    )


@manager_entry
@require_http_methods(["POST"])
def attendance_record(request, pk: int, *, scope, enterprise):
    session = TrainingSession.objects.filter(enterprise=enterprise, pk=pk).first()
    if session is None:
        raise Http404
    form = entry.AttendanceForm(
        request.POST, choices={"person": _people(request, enterprise)}
    )

    def write(data):
        person = Person.objects.get(enterprise=enterprise, pk=data.pop("person"))
        services.training_attendance_record(
            actor=request.user, session=session, person=person, **data
        )
        return _("Attendance of %(person)s saved.") % {"person": person.name}

    done = _save(request, form, write, reverse("emergency:session", args=[pk]))
    if done:
        return done
    session_form = entry.TrainingSessionForm(
        initial={
            "topic": session.topic,
            "requirement": session.requirement_id,
            "trainer": session.trainer,
            "hours": session.hours,
            "planned_on": session.planned_on,
            "held_on": session.held_on,
        },
        choices={"requirement": _requirements(enterprise)},
    )
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/session.html",
        form=session_form,
        session=session,
        attendances=list(
            TrainingAttendance.objects.filter(session=session)
            .select_related("person")
            .order_by("person__name", "pk")[:500]
        ),
        attend=form,
        title=session.topic,
    )


# -- occupational hazards -------------------------------------------------------------------


@manager_entry
@require_GET
def occupational(request, *, scope, enterprise):
    return _page(
        request,
        scope,
        enterprise,
        "emergency/portal/occupational.html",
        exposures=list(
            OccupationalExposure.objects.filter(enterprise=enterprise)
            .select_related("post")
            .order_by("post__name", "pk")[:MAX_CHOICES]
        ),
        tests=list(
            WorkplaceTest.objects.filter(enterprise=enterprise)
            .prefetch_related("results__exposure__post")
            .order_by("-tested_on", "-pk")[:20]
        ),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def exposure_new(request, *, scope, enterprise):
    form = entry.ExposureForm(
        request.POST or None,
        choices={"post": _posts(enterprise), "factor": OccupationalFactor.choices},
    )

    def write(data):
        post = _post_of(enterprise, data.pop("post"))
        services.exposure_add(actor=request.user, post=post, **data)
        return _("Exposure saved.")

    return _entry(
        request,
        scope,
        enterprise,
        form,
        write,
        title=_("Post exposed to an occupational hazard"),
        back=reverse("emergency:occupational"),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def workplace_test_new(request, *, scope, enterprise):
    exposures = (
        OccupationalExposure.objects.filter(enterprise=enterprise)
        .select_related("post")
        .order_by("post__name", "pk")[:MAX_MATCHES]
    )
    form = entry.WorkplaceTestForm(request.POST or None, exposures=exposures)

    def write(data):
        services.workplace_test_record(
            actor=request.user,
            enterprise=enterprise,
            tested_on=data["tested_on"],
            next_due=data["next_due"],
            agency=data["agency"],
            results=data["results"],
        )
        return _("Workplace test saved.")

    done = _save(request, form, write, reverse("emergency:occupational"))
    return done or _page(
        request,
        scope,
        enterprise,
        "emergency/portal/workplace_test.html",
        form=form,
        title=_("Workplace hazard-factor test"),
        back=reverse("emergency:occupational"),
    )


# -- drills ---------------------------------------------------------------------------

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
