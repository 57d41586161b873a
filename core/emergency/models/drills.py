"""The annual drill plan (演练计划) and the drills held."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import CreatedAt, enterprise_key, user_stamp
from core.emergency.models.plans import EmergencyPlan
from core.organizations.models import Person


class DrillPlanItem(models.Model):
    """One drill of an enterprise's annual drill plan (演练计划).

    ``drill`` is the record once held; ``flagged_on`` the day the overdue
    job told the managers (once per item).
    """

    enterprise = enterprise_key("drill_plan_items")
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


class Drill(CreatedAt):
    """The record of a drill held: when, what, with which plan and whom,
    its photos, its evaluation and the improvements that follow."""

    enterprise = enterprise_key("drills")
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
    recorded_by = user_stamp(_("recorded by"), blank=False)

    class Meta:
        verbose_name = _("drill")
        verbose_name_plural = _("drills")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["enterprise", "-held_on"], name="drill_ent_recent")
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.scenario}"
