"""The entry screens of training: requirements per post, sessions, attendance
with the assessment and certificate."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import (
    MAX_CHOICES,
    _entry,
    _initial,
    _own,
    _page,
    _people,
    _post_of,
    _posts,
    _save,
    manager_entry,
)
from core.emergency.models import (
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
)
from core.organizations.models import Person


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
    session = _own(TrainingSession, enterprise, pk)
    initial = _initial(
        session,
        "topic",
        "trainer",
        "hours",
        "planned_on",
        "held_on",
        requirement="requirement_id",
    )
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
    session = _own(TrainingSession, enterprise, pk)
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
