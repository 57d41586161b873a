"""Hidden hazards (隐患) and the read-only history of their closed loop.

The life cycle is ``core.hazards.machine``'s table; these models only store
where a hazard is and what happened to it. Photos are ``FormUpload`` rows:
the same checked, re-encoded, scope-served files as a checklist's answers.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    UpdatedAt,
    choice_field,
    enterprise_key,
    one_per,
    optional_date,
    optional_key,
    optional_many,
    optional_moment,
    parent_key,
    user_stamp,
)
from core.organizations.models import Department, Person
from plugins.reference.hazard_codes import (
    FIX_MODES,
    HAZARD_GRADES,
    HAZARD_TYPES,
    HOW_FOUND,
    MANAGEMENT_CLASSES,
)

HazardGrade = HAZARD_GRADES.text_choices("HazardGrade", module=__name__)
HowFound = HOW_FOUND.text_choices("HowFound", module=__name__)
FixMode = FIX_MODES.text_choices("FixMode", module=__name__)
HazardType = HAZARD_TYPES.text_choices("HazardType", module=__name__)
ManagementClass = MANAGEMENT_CLASSES.text_choices("ManagementClass", module=__name__)


class HazardStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    CONFIRMED = "confirmed", _("Confirmed")
    RECTIFYING = "rectifying", _("Under rectification")
    AWAITING_ACCEPTANCE = "awaiting_acceptance", _("Awaiting acceptance")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")


#: Open states whose deadline runs: past it, the hazard is overdue.
DEADLINE_STATES = (HazardStatus.CONFIRMED, HazardStatus.RECTIFYING)
#: States of a hazard still to be dealt with.
OPEN_STATES = (
    HazardStatus.REPORTED,
    HazardStatus.CONFIRMED,
    HazardStatus.RECTIFYING,
    HazardStatus.AWAITING_ACCEPTANCE,
)


# The supervisors' order (supervised, then major, then overdue, then newest)
# is one stored number, so that an index serves it (docs/hazards.md): the sum
# of these weights, higher first.
PRIORITY_SUPERVISED = 4
PRIORITY_MAJOR = 2
PRIORITY_OVERDUE = 1
#: What the priority is computed from (saving any of them saves it too).
PRIORITY_FIELDS = frozenset({"supervised", "grade", "status", "deadline"})


def overdue_condition(today: datetime.date) -> models.Q:
    """The hazards overdue on ``today``: their deadline runs and has passed."""
    return models.Q(status__in=DEADLINE_STATES, deadline__lt=today)


def priority_expression(today: datetime.date) -> models.Expression:
    """``Hazard.priority`` as the database computes it on ``today``."""

    def weight(condition: models.Q, value: int) -> models.Expression:
        return models.Case(
            models.When(condition, then=models.Value(value)),
            default=models.Value(0),
            output_field=models.PositiveSmallIntegerField(),
        )

    return (
        weight(models.Q(supervised=True), PRIORITY_SUPERVISED)
        + weight(models.Q(grade=HazardGrade.MAJOR), PRIORITY_MAJOR)
        + weight(overdue_condition(today), PRIORITY_OVERDUE)
    )


class HazardQuerySet(models.QuerySet):
    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(overdue_condition(today))

    def bulk_create(self, objs, *args, **kwargs):
        """Rows written in bulk (seeding, imports) carry their priority too."""
        objs = list(objs)
        today = timezone.localdate()
        for hazard in objs:
            hazard.priority = hazard.priority_on(today)
        return super().bulk_create(objs, *args, **kwargs)

    def refresh_priorities(self, today=None) -> int:
        """Store the priority of every row whose stored one is not ``today``'s
        (the hazards that became overdue since the last run, and any row
        written around ``save``): one UPDATE; returns how many changed."""
        expression = priority_expression(today or timezone.localdate())
        return self.exclude(priority=expression).update(priority=expression)


class Hazard(UpdatedAt):
    """One hidden hazard of an enterprise, from its report to its closing."""

    enterprise = enterprise_key("hazards")
    risk_point = optional_key("risks.RiskPoint", "hazards", _("risk point"))
    submission = optional_key("forms.Submission", "hazards", _("source submission"))
    government_inspection = optional_key(
        "inspections.GovernmentInspection",
        "hazards",
        _("found by the government inspection"),
        on_delete=models.PROTECT,
    )
    finding_key = models.CharField(
        _("check item"),
        max_length=80,
        blank=True,
        help_text=_("The check item of the submission that opened it."),
    )
    description = models.TextField(_("description"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    photos = optional_many("forms.FormUpload", "+", _("photos"))
    status = choice_field(
        _("status"), HazardStatus, max_length=24, default=HazardStatus.REPORTED
    )
    grade = choice_field(_("grade"), HazardGrade, default=HazardGrade.GENERAL)
    how_found = choice_field(
        _("how it was found"), HowFound, max_length=24, default=HowFound.ROUTINE
    )
    fix_mode = choice_field(_("how it is fixed"), FixMode, default=FixMode.BY_DEADLINE)
    hazard_type = choice_field(_("hazard type"), HazardType, default=HazardType.SAFETY)
    management_class = choice_field(
        _("management class"),
        ManagementClass,
        max_length=24,
        default=ManagementClass.UNSAFE_CONDITION,
    )
    deadline = optional_date(_("deadline"))
    responsible = optional_key(Person, "hazards", _("responsible person"))
    # The five assurances (五落实): measures, responsibility (``responsible``),
    # funds (``rectification_cost``), deadline (``deadline``), contingency plan.
    rectification_measures = models.TextField(_("rectification measures"), blank=True)
    rectification_cost = models.DecimalField(
        _("rectification cost (yuan)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    contingency_plan = models.TextField(
        _("contingency plan and interim measures"), blank=True
    )
    extension_until = optional_date(_("extension requested until"))
    supervised = models.BooleanField(_("under supervision (挂牌督办)"), default=False)
    supervising_department = optional_key(
        Department, "supervised_hazards", _("supervising office")
    )
    submitted_by = user_stamp(_("submitted for acceptance by"))
    reported_by = user_stamp(_("reported by"))
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    confirmed_at = optional_moment(_("confirmed at"))
    closed_at = optional_moment(_("closed at"))
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=0,
        editable=False,
        help_text=_(
            "The supervisors' order, kept on every save and by the daily "
            "overdue job: 4 under supervision, 2 major, 1 overdue, added up."
        ),
    )
    escalation_level = models.PositiveSmallIntegerField(
        _("escalation level"),
        default=0,
        help_text=_("How far the overdue reminders have gone (0: none yet)."),
    )

    objects = HazardQuerySet.as_manager()

    class Meta:
        verbose_name = _("hazard")
        verbose_name_plural = _("hazards")
        ordering = ["-reported_at", "-pk"]
        indexes = [
            models.Index(
                fields=["enterprise", "-reported_at", "-id"], name="hazard_ent_recent"
            ),
            models.Index(fields=["enterprise", "status"], name="hazard_ent_status"),
            models.Index(fields=["status", "deadline"], name="hazard_status_deadline"),
            models.Index(fields=["-reported_at", "-id"], name="hazard_recent"),
            # The supervisors' order, over a scope and within one enterprise.
            models.Index(
                fields=["-priority", "-reported_at", "-id"], name="hazard_priority"
            ),
            models.Index(
                fields=["enterprise", "-priority", "-reported_at", "-id"],
                name="hazard_ent_priority",
            ),
        ]
        constraints = [
            one_per(
                "submission",
                "finding_key",
                condition=models.Q(submission__isnull=False),
                name="hazard_one_per_finding",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.description[:40]}"

    def save(self, *args, **kwargs):
        self.priority = self.priority_on(timezone.localdate())
        update_fields = kwargs.get("update_fields")
        if (
            update_fields is not None
            and PRIORITY_FIELDS & set(update_fields)
            and "priority" not in update_fields
        ):
            kwargs["update_fields"] = [*update_fields, "priority"]
        super().save(*args, **kwargs)

    def priority_on(self, today: datetime.date) -> int:
        """The priority this hazard has on ``today`` (``priority_expression``
        in Python)."""
        return (
            PRIORITY_SUPERVISED * bool(self.supervised)
            + PRIORITY_MAJOR * (self.grade == HazardGrade.MAJOR)
            + PRIORITY_OVERDUE * self.overdue_on(today)
        )

    def overdue_on(self, today: datetime.date) -> bool:
        return (
            self.status in DEADLINE_STATES
            and self.deadline is not None
            and self.deadline < today
        )

    @property
    def is_overdue(self) -> bool:
        return self.overdue_on(timezone.localdate())

    @property
    def is_major(self) -> bool:
        return self.grade == HazardGrade.MAJOR

    def five_assurances_missing(self) -> list[str]:
        """The names of the five assurances (五落实) not yet in place."""
        missing = []
        if not self.rectification_measures.strip():
            missing.append("rectification_measures")
        if self.responsible_id is None:
            missing.append("responsible")
        if self.rectification_cost is None:
            missing.append("rectification_cost")
        if self.deadline is None:
            missing.append("deadline")
        if not self.contingency_plan.strip():
            missing.append("contingency_plan")
        return missing


class HazardTransition(models.Model):
    """One step of a hazard's closed loop: who did what, when, and why.

    Written only by ``core.hazards.services``; never changed or deleted.
    """

    hazard = parent_key(Hazard, "transitions", _("hazard"))
    action = models.CharField(_("action"), max_length=32)
    from_status = choice_field(_("from"), HazardStatus, max_length=24, blank=True)
    to_status = choice_field(_("to"), HazardStatus, max_length=24)
    actor = user_stamp(_("by"), blank=False)
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    evidence = optional_many("forms.FormUpload", "+", _("evidence"))

    class Meta:
        verbose_name = _("hazard transition")
        verbose_name_plural = _("hazard transitions")
        ordering = ["hazard_id", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"
