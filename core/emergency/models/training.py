"""Training: requirements per post, sessions, attendance, reminders."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    created_stamp,
    enterprise_key,
    one_per,
    optional_date,
    optional_key,
    parent_key,
)
from core.organizations.models import Person, Unit


class TrainingTopic(models.Model):
    """A required training or a session: about a topic, and shown by it."""

    topic = models.CharField(_("topic"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.topic


class TrainingRequirement(TrainingTopic):
    """A training a post requires (e.g. a special-operation certificate),
    valid for ``valid_months`` (blank: once is enough)."""

    enterprise = enterprise_key("training_requirements")
    post = parent_key(Unit, "training_requirements", _("post"))
    is_certificate = models.BooleanField(
        _("special-operation certificate"), default=False
    )
    valid_months = models.PositiveIntegerField(
        _("valid for (months)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("required training")
        verbose_name_plural = _("required trainings")
        ordering = ["post_id", "pk"]
        constraints = [one_per("post", "topic", name="trainingreq_once")]


class TrainingSession(TrainingTopic):
    """A training session: planned (``held_on`` blank) or held."""

    enterprise = enterprise_key("training_sessions")
    requirement = optional_key(
        TrainingRequirement, "sessions", _("required training it gives")
    )
    trainer = models.CharField(_("trainer"), max_length=100, blank=True)
    planned_on = optional_date(_("planned for"))
    held_on = optional_date(_("held on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["enterprise", "-id"], name="training_ent_recent")
        ]


class TrainingAttendance(models.Model):
    """One person at one session, with the assessment and, for a
    certificate, its number and end of validity."""

    session = parent_key(TrainingSession, "attendances", _("training session"))
    person = parent_key(Person, "training_attendances", _("person"))
    passed = models.BooleanField(_("passed the assessment"), null=True, blank=True)
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    certificate_number = models.CharField(
        _("certificate number"), max_length=60, blank=True
    )
    valid_until = optional_date(_("valid until"))

    class Meta:
        verbose_name = _("training attendance")
        verbose_name_plural = _("training attendances")
        ordering = ["session_id", "pk"]
        constraints = [one_per("session", "person", name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.session}"


class TrainingReminder(models.Model):
    """That a person was reminded of a missing or expired training: the job
    reminds once per (person, requirement, state, until)."""

    person = parent_key(Person, "+")
    requirement = parent_key(TrainingRequirement, "+")
    state = models.CharField(max_length=16)
    # The validity reminded of, as YYYY-MM-DD ("" for a missing training):
    # text, so the unique constraint needs no NULL semantics.
    until = models.CharField(max_length=10, blank=True)
    sent_at = created_stamp()

    class Meta:
        constraints = [
            one_per(
                "person", "requirement", "state", "until", name="trainingreminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id}/{self.requirement_id}/{self.state}"
