"""Emergency plans, their immutable versions and their filing (备案) with a
department."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    CreatedAt,
    TitledRecord,
    choice_field,
    created_stamp,
    enterprise_key,
    one_per,
    optional_date,
    optional_key,
    optional_many,
    optional_moment,
    parent_key,
    user_stamp,
)
from core.organizations.models import Department
from plugins.vocabularies import (
    EMERGENCY_PLAN_KINDS,
    PLAN_FILING_STATUSES,
)

PlanKind = EMERGENCY_PLAN_KINDS.text_choices("PlanKind", module=__name__)
FilingStatus = PLAN_FILING_STATUSES.text_choices("FilingStatus", module=__name__)


class ImmutableVersion(Exception):
    """A plan version is a record: a change is a new version."""


class EmergencyPlan(TitledRecord, CreatedAt):
    """One emergency plan of an enterprise; its text lives in its versions."""

    enterprise = enterprise_key("emergency_plans")
    kind = choice_field(_("kind"), PlanKind)
    title = models.CharField(_("title"), max_length=200)
    risk_events = optional_many(
        "risks.RiskEvent", "emergency_plans", _("risk events covered")
    )
    current_version = optional_key("PlanVersion", "+", _("current version"))

    class Meta:
        verbose_name = _("emergency plan")
        verbose_name_plural = _("emergency plans")
        ordering = ["enterprise_id", "kind", "pk"]
        indexes = [models.Index(fields=["enterprise", "-id"], name="eplan_ent_recent")]


class PlanVersionQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableVersion("plan versions are never changed")


class PlanVersion(CreatedAt):
    """One version of a plan, never changed: a revision adds a version."""

    plan = parent_key(EmergencyPlan, "versions", _("emergency plan"))
    number = models.PositiveIntegerField(_("version"))
    content = models.TextField(_("content"))
    approved_on = optional_date(_("approval date"))
    approved_by = models.CharField(_("approved by"), max_length=100, blank=True)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = user_stamp(_("written by"), blank=False)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan_id", "-number"]
        constraints = [one_per("plan", "number", name="planversion_unique_number")]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableVersion("plan versions are never changed")
        super().save(*args, **kwargs)


class PlanFiling(models.Model):
    """A plan version filed (备案) with a department, and its review."""

    version = parent_key(
        PlanVersion, "filings", _("plan version"), on_delete=models.PROTECT
    )
    # Denormalised from the version's plan, so the scope filters in one join.
    enterprise = enterprise_key("+")
    department = parent_key(
        Department, "plan_filings", _("department"), on_delete=models.PROTECT
    )
    status = choice_field(_("status"), FilingStatus, default=FilingStatus.UNDER_REVIEW)
    filed_at = created_stamp(_("filed at"))
    filed_by = user_stamp(_("filed by"), blank=False)
    reviewed_at = optional_moment(_("reviewed at"))
    reviewed_by = user_stamp(_("reviewed by"))
    comment = models.TextField(_("review comments"), blank=True)

    class Meta:
        verbose_name = _("plan filing")
        verbose_name_plural = _("plan filings")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            one_per("version", "department", name="planfiling_once_per_dept")
        ]
        indexes = [
            models.Index(fields=["department", "status", "-id"], name="pfiling_queue")
        ]

    def __str__(self) -> str:
        return f"{self.version} → {self.department}"
