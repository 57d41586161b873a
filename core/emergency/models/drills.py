"""The annual drill plan (演练计划) and the drills held."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    CreatedAt,
    enterprise_key,
    optional_date,
    optional_key,
    optional_many,
    user_stamp,
)
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
    plan = optional_key(EmergencyPlan, "+", _("emergency plan"))
    due_on = models.DateField(_("to be held by"))
    flagged_on = optional_date(_("flagged overdue on"))

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
    plan = optional_key(EmergencyPlan, "drills", _("emergency plan used"))
    participants = optional_many(Person, "+", _("participants"))
    participant_count = models.PositiveIntegerField(_("number of participants"))
    photos = optional_many("forms.FormUpload", "+", _("photos"))
    evaluation = models.TextField(_("evaluation"), blank=True)
    improvements = models.TextField(_("improvements"), blank=True)
    hazards = optional_many("hazards.Hazard", "+", _("hazards opened"))
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
