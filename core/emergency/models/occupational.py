"""Occupational hazards: exposed posts and workplace tests."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import choice_field, enterprise_key, optional_date, parent_key
from core.organizations.models import Unit
from plugins.vocabularies import (
    OCCUPATIONAL_FACTORS,
)

OccupationalFactor = OCCUPATIONAL_FACTORS.text_choices(
    "OccupationalFactor", module=__name__
)


class OccupationalExposure(models.Model):
    """A post exposed to an occupational-disease hazard factor, with the
    warning signs and the notification card it needs (告知卡)."""

    enterprise = enterprise_key("occupational_exposures")
    post = parent_key(Unit, "occupational_exposures", _("post"))
    factor = choice_field(_("hazard factor"), OccupationalFactor)
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

    enterprise = enterprise_key("workplace_tests")
    tested_on = models.DateField(_("tested on"))
    agency = models.CharField(_("testing agency"), max_length=200, blank=True)
    next_due = models.DateField(_("next test due"))
    flagged_on = optional_date(_("flagged overdue on"))

    class Meta:
        verbose_name = _("workplace hazard test")
        verbose_name_plural = _("workplace hazard tests")
        ordering = ["-tested_on", "-pk"]
        indexes = [models.Index(fields=["next_due"], name="wtest_next_due")]

    def __str__(self) -> str:
        return f"{self.tested_on}"


class WorkplaceTestResult(models.Model):
    test = parent_key(WorkplaceTest, "results", _("workplace hazard test"))
    exposure = parent_key(OccupationalExposure, "results", _("occupational exposure"))
    measured = models.CharField(_("measured value"), max_length=60)
    limit = models.CharField(_("limit"), max_length=60, blank=True)
    compliant = models.BooleanField(_("within the limit"))

    class Meta:
        verbose_name = _("test result")
        verbose_name_plural = _("test results")
        ordering = ["test_id", "pk"]

    def __str__(self) -> str:
        return self.measured
