"""The entry screens of training: requirements per post, sessions, attendance
with the assessment and certificate."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.emergency import forms as entry
from core.emergency import services
from core.emergency.entry.frame import MAX_CHOICES, _initial, manager_entry
from core.emergency.models import (
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
)
from core.organizations.models import Person


@manager_entry
@require_GET
def training(request, *, page):
    return page.show(
        "emergency/portal/training.html",
        requirements=list(
            TrainingRequirement.objects.filter(enterprise=page.enterprise)
            .select_related("post")
            .order_by("post__name", "pk")[:MAX_CHOICES]
        ),
        sessions=list(
            TrainingSession.objects.filter(enterprise=page.enterprise).order_by("-pk")[
                :50
            ]
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
def requirement_new(request, *, page):
    return page.post_form(
        entry.TrainingRequirementForm,
        services.training_requirement_add,
        saved=_("Required training saved."),
        title=_("Required training of a post"),
        back="emergency:training",
    )


def _session_form(page, session, data=None):
    """The form of ``session`` (empty for a new one), its requirement one of
    the enterprise's."""
    initial = _initial(
        session,
        "topic",
        "trainer",
        "hours",
        "planned_on",
        "held_on",
        requirement="requirement_id",
    )
    choices = {"requirement": _requirements(page.enterprise)}
    return entry.TrainingSessionForm(data, initial=initial, choices=choices)


def _session_page(page, session, form, attend=None):
    """The page of a training session: its form, its attendances and, once
    it is held, the form recording one more (``attend``)."""
    attendances = []
    if session:
        attendances = list(
            TrainingAttendance.objects.filter(session=session)
            .select_related("person")
            .order_by("person__name", "pk")[:500]
        )
    if attend is None and session and session.held_on:
        attend = entry.AttendanceForm(choices={"person": page.people()})
    return page.show(
        "emergency/portal/session.html",
        form=form,
        session=session,
        attendances=attendances,
        attend=attend,
        title=session.topic if session else _("New training session"),
    )


@manager_entry
@require_http_methods(["GET", "POST"])
def session_edit(request, pk: int | None = None, *, page):
    session = page.own(TrainingSession, pk)
    form = _session_form(page, session, request.POST or None)
    saved: list[TrainingSession] = []

    def write(data):
        saved.append(
            services.training_session_save(
                actor=request.user, enterprise=page.enterprise, session=session, **data
            )
        )
        return _("Training session saved.")

    def to() -> str:
        return reverse("emergency:session", args=[saved[0].pk])

    return page.save(form, write, to) or _session_page(page, session, form)


@manager_entry
@require_http_methods(["POST"])
def attendance_record(request, pk: int, *, page):
    session = page.own(TrainingSession, pk)
    form = entry.AttendanceForm(request.POST, choices={"person": page.people()})

    def write(data):
        person = Person.objects.get(enterprise=page.enterprise, pk=data.pop("person"))
        services.training_attendance_record(
            actor=request.user, session=session, person=person, **data
        )
        return _("Attendance of %(person)s saved.") % {"person": person.name}

    done = page.save(form, write, reverse("emergency:session", args=[pk]))
    return done or _session_page(page, session, _session_form(page, session), form)
