"""Emergency preparedness records of an enterprise (district plan 三(一)5).

Emergency plans with immutable versions and their filing (备案) with a
department; the rescue capability (own team or a rescue agreement); the
emergency disposal content of each post (FACTS § 7, the 应急处置卡).
Writes go through ``core.emergency.services``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.organizations.models import Department, Enterprise, Person, Unit
from plugins.vocabularies import (
    EMERGENCY_PLAN_KINDS,
    OCCUPATIONAL_FACTORS,
    PLAN_FILING_STATUSES,
    RESCUE_TEAM_KINDS,
)

PlanKind = EMERGENCY_PLAN_KINDS.text_choices("PlanKind", module=__name__)
FilingStatus = PLAN_FILING_STATUSES.text_choices("FilingStatus", module=__name__)
RescueTeamKind = RESCUE_TEAM_KINDS.text_choices("RescueTeamKind", module=__name__)


class ImmutableVersion(Exception):
    """A plan version is a record: a change is a new version."""


class EmergencyPlan(models.Model):
    """One emergency plan of an enterprise; its text lives in its versions."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="emergency_plans",
        verbose_name=_("enterprise"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PlanKind.choices)
    title = models.CharField(_("title"), max_length=200)
    risk_events = models.ManyToManyField(
        "risks.RiskEvent",
        blank=True,
        related_name="emergency_plans",
        verbose_name=_("risk events covered"),
    )
    current_version = models.ForeignKey(
        "PlanVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("current version"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("emergency plan")
        verbose_name_plural = _("emergency plans")
        ordering = ["enterprise_id", "kind", "pk"]
        indexes = [models.Index(fields=["enterprise", "-id"], name="eplan_ent_recent")]

    def __str__(self) -> str:
        return self.title


class PlanVersionQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableVersion("plan versions are never changed")


class PlanVersion(models.Model):
    """One version of a plan, never changed: a revision adds a version."""

    plan = models.ForeignKey(
        EmergencyPlan,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("emergency plan"),
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.TextField(_("content"))
    approved_on = models.DateField(_("approval date"), null=True, blank=True)
    approved_by = models.CharField(_("approved by"), max_length=100, blank=True)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="planversion_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableVersion("plan versions are never changed")
        super().save(*args, **kwargs)


class PlanFiling(models.Model):
    """A plan version filed (备案) with a department, and its review."""

    version = models.ForeignKey(
        PlanVersion,
        on_delete=models.PROTECT,
        related_name="filings",
        verbose_name=_("plan version"),
    )
    # Denormalised from the version's plan, so the scope filters in one join.
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="plan_filings",
        verbose_name=_("department"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=FilingStatus.choices,
        default=FilingStatus.UNDER_REVIEW,
    )
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("filed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    comment = models.TextField(_("review comments"), blank=True)

    class Meta:
        verbose_name = _("plan filing")
        verbose_name_plural = _("plan filings")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "department"], name="planfiling_once_per_dept"
            )
        ]
        indexes = [
            models.Index(fields=["department", "status", "-id"], name="pfiling_queue")
        ]

    def __str__(self) -> str:
        return f"{self.version} → {self.department}"


class RescueTeam(models.Model):
    """An enterprise's own rescue team (full- or part-time)."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="rescue_teams",
        verbose_name=_("enterprise"),
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=RescueTeamKind.choices)
    equipment = models.TextField(_("equipment"), blank=True)
    supplies_location = models.CharField(
        _("location of emergency supplies"), max_length=200, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rescue team")
        verbose_name_plural = _("rescue teams")
        ordering = ["enterprise_id", "pk"]

    def __str__(self) -> str:
        return self.name


class RescueTeamMember(models.Model):
    team = models.ForeignKey(
        RescueTeam,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("rescue team"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    duty = models.CharField(_("duty"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("rescue team member")
        verbose_name_plural = _("rescue team members")
        ordering = ["team_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["team", "person"], name="rescuemember_once")
        ]

    def __str__(self) -> str:
        return str(self.person)


class RescueAgreement(models.Model):
    """A rescue agreement with a professional team, valid for a period.

    ``warned_until`` is the ``valid_until`` the expiry warning was sent for,
    so the daily job warns once per validity (a renewal warns again).
    """

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="rescue_agreements",
        verbose_name=_("enterprise"),
    )
    party = models.CharField(_("rescue team (party)"), max_length=200)
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    warned_until = models.DateField(_("expiry warned for"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rescue agreement")
        verbose_name_plural = _("rescue agreements")
        ordering = ["enterprise_id", "-valid_until", "pk"]
        indexes = [models.Index(fields=["valid_until"], name="ragreement_until")]

    def __str__(self) -> str:
        return self.party


class PostEmergencyContent(models.Model):
    """What a post does in an emergency (the 应急处置卡's content, FACTS § 7).

    ``first_actions`` is a list of ``{"action": str, "responsible": str}`` in
    order (the first ten minutes); ``contacts`` a list of ``{"name", "phone"}``.
    """

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    post = models.OneToOneField(
        Unit,
        on_delete=models.CASCADE,
        related_name="emergency_content",
        verbose_name=_("post"),
    )
    plan = models.ForeignKey(
        EmergencyPlan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="post_contents",
        verbose_name=_("on-site disposal plan"),
    )
    scenario = models.CharField(_("scenario and warning signs"), max_length=300)
    first_actions = models.JSONField(_("first actions"), default=list, blank=True)
    reporting_path = models.TextField(_("reporting path"), blank=True)
    cautions = models.TextField(_("cautions"), blank=True)
    contacts = models.JSONField(_("contacts"), default=list, blank=True)
    escape_route = models.TextField(_("escape route"), blank=True)
    assembly_point = models.CharField(_("assembly point"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("post emergency content")
        verbose_name_plural = _("post emergency contents")
        ordering = ["enterprise_id", "pk"]

    def __str__(self) -> str:
        return str(self.post)


class DrillPlanItem(models.Model):
    """One drill of an enterprise's annual drill plan (演练计划).

    ``drill`` is the record once held; ``flagged_on`` the day the overdue
    job told the managers (once per item).
    """

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="drill_plan_items",
        verbose_name=_("enterprise"),
    )
    year = models.PositiveIntegerField(_("year"))
    scenario = models.CharField(_("scenario"), max_length=200)
    plan = models.ForeignKey(
        EmergencyPlan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("emergency plan"),
    )
    due_on = models.DateField(_("to be held by"))
    flagged_on = models.DateField(_("flagged overdue on"), null=True, blank=True)

    class Meta:
        verbose_name = _("planned drill")
        verbose_name_plural = _("planned drills")
        ordering = ["enterprise_id", "due_on", "pk"]
        indexes = [models.Index(fields=["due_on"], name="drillplan_due")]

    def __str__(self) -> str:
        return f"{self.year} {self.scenario}"


class Drill(models.Model):
    """The record of a drill held: when, what, with which plan and whom,
    its photos, its evaluation and the improvements that follow."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="drills",
        verbose_name=_("enterprise"),
    )
    planned = models.OneToOneField(
        DrillPlanItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drill",
        verbose_name=_("planned drill"),
    )
    held_on = models.DateField(_("date"))
    scenario = models.CharField(_("scenario"), max_length=200)
    plan = models.ForeignKey(
        EmergencyPlan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drills",
        verbose_name=_("emergency plan used"),
    )
    participants = models.ManyToManyField(
        Person, blank=True, related_name="+", verbose_name=_("participants")
    )
    participant_count = models.PositiveIntegerField(_("number of participants"))
    photos = models.ManyToManyField(
        "forms.FormUpload", blank=True, related_name="+", verbose_name=_("photos")
    )
    evaluation = models.TextField(_("evaluation"), blank=True)
    improvements = models.TextField(_("improvements"), blank=True)
    hazards = models.ManyToManyField(
        "hazards.Hazard",
        blank=True,
        related_name="+",
        verbose_name=_("hazards opened"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("drill")
        verbose_name_plural = _("drills")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["enterprise", "-held_on"], name="drill_ent_recent")
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.scenario}"


# -- training ---------------------------------------------------------------------------


class TrainingRequirement(models.Model):
    """A training a post requires (e.g. a special-operation certificate),
    valid for ``valid_months`` (blank: once is enough)."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="training_requirements",
        verbose_name=_("enterprise"),
    )
    post = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        related_name="training_requirements",
        verbose_name=_("post"),
    )
    topic = models.CharField(_("topic"), max_length=200)
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
        constraints = [
            models.UniqueConstraint(fields=["post", "topic"], name="trainingreq_once")
        ]

    def __str__(self) -> str:
        return self.topic


class TrainingSession(models.Model):
    """A training session: planned (``held_on`` blank) or held."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="training_sessions",
        verbose_name=_("enterprise"),
    )
    topic = models.CharField(_("topic"), max_length=200)
    requirement = models.ForeignKey(
        TrainingRequirement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        verbose_name=_("required training it gives"),
    )
    trainer = models.CharField(_("trainer"), max_length=100, blank=True)
    planned_on = models.DateField(_("planned for"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["enterprise", "-id"], name="training_ent_recent")
        ]

    def __str__(self) -> str:
        return self.topic


class TrainingAttendance(models.Model):
    """One person at one session, with the assessment and, for a
    certificate, its number and end of validity."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("training session"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="training_attendances",
        verbose_name=_("person"),
    )
    passed = models.BooleanField(_("passed the assessment"), null=True, blank=True)
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    certificate_number = models.CharField(
        _("certificate number"), max_length=60, blank=True
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("training attendance")
        verbose_name_plural = _("training attendances")
        ordering = ["session_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.session}"


class TrainingReminder(models.Model):
    """That a person was reminded of a missing or expired training: the job
    reminds once per (person, requirement, state, until)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    requirement = models.ForeignKey(
        TrainingRequirement, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=16)
    # The validity reminded of, as YYYY-MM-DD ("" for a missing training):
    # text, so the unique constraint needs no NULL semantics.
    until = models.CharField(max_length=10, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "requirement", "state", "until"],
                name="trainingreminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id}/{self.requirement_id}/{self.state}"


# -- occupational hazards -----------------------------------------------------------------

OccupationalFactor = OCCUPATIONAL_FACTORS.text_choices(
    "OccupationalFactor", module=__name__
)


class OccupationalExposure(models.Model):
    """A post exposed to an occupational-disease hazard factor, with the
    warning signs and the notification card it needs (告知卡)."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="occupational_exposures",
        verbose_name=_("enterprise"),
    )
    post = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        related_name="occupational_exposures",
        verbose_name=_("post"),
    )
    factor = models.CharField(
        _("hazard factor"), max_length=16, choices=OccupationalFactor.choices
    )
    agent = models.CharField(
        _("agent (e.g. benzene, silica dust)"), max_length=100, blank=True
    )
    warning_signs = models.CharField(
        _("warning signs needed"), max_length=300, blank=True
    )
    needs_notification_card = models.BooleanField(
        _("needs a notification card"), default=True
    )

    class Meta:
        verbose_name = _("occupational exposure")
        verbose_name_plural = _("occupational exposures")
        ordering = ["post_id", "pk"]

    def __str__(self) -> str:
        return f"{self.post}: {self.get_factor_display()}"


class WorkplaceTest(models.Model):
    """A periodic workplace hazard-factor test or evaluation (检测/评价)."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="workplace_tests",
        verbose_name=_("enterprise"),
    )
    tested_on = models.DateField(_("tested on"))
    agency = models.CharField(_("testing agency"), max_length=200, blank=True)
    next_due = models.DateField(_("next test due"))
    flagged_on = models.DateField(_("flagged overdue on"), null=True, blank=True)

    class Meta:
        verbose_name = _("workplace hazard test")
        verbose_name_plural = _("workplace hazard tests")
        ordering = ["-tested_on", "-pk"]
        indexes = [models.Index(fields=["next_due"], name="wtest_next_due")]

    def __str__(self) -> str:
        return f"{self.tested_on}"


class WorkplaceTestResult(models.Model):
    test = models.ForeignKey(
        WorkplaceTest,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("workplace hazard test"),
    )
    exposure = models.ForeignKey(
        OccupationalExposure,
        on_delete=models.CASCADE,
        related_name="results",
        verbose_name=_("occupational exposure"),
    )
    measured = models.CharField(_("measured value"), max_length=60)
    limit = models.CharField(_("limit"), max_length=60, blank=True)
    compliant = models.BooleanField(_("within the limit"))

    class Meta:
        verbose_name = _("test result")
        verbose_name_plural = _("test results")
        ordering = ["test_id", "pk"]

    def __str__(self) -> str:
        return self.measured


class ReadSignature(models.Model):
    """A worker signed that they have read their post's emergency content
    (``what="card"``) or their training record (``what="training"``), as it
    stood (``version``: the content's last change, ISO text)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    post = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("post")
    )
    what = models.CharField(_("what was read"), max_length=16)
    version = models.CharField(_("version read"), max_length=40)
    signed_at = models.DateTimeField(_("signed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("read signature")
        verbose_name_plural = _("read signatures")
        ordering = ["-signed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "post", "what", "version"], name="readsignature_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id}/{self.post_id}/{self.what}"
