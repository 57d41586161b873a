"""Assessments of risk events: records, never changed or deleted."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.base.models import choice_field, parent_key, user_stamp
from core.risks.models.events import RiskEvent
from core.risks.models.points import RiskPoint
from core.risks.models.standards import RiskLevel
from plugins.vocabularies import risk_level_colour


class ImmutableError(Exception):
    """An assessment is a record: it is never changed or deleted."""


class AssessmentQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableError("assessments are never changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableError("assessments are never deleted")


class Assessment(models.Model):
    """One assessment of a risk event: method, inputs, value, level, who, when.

    Immutable: a re-assessment adds a new row. ``scored_level`` is what the
    method's thresholds gave; ``level`` is final, after direct determination
    (``direct_reasons`` lists every condition that held). ``details`` keeps
    the method's working and the thresholds used, so the record explains
    itself even after the thresholds change.
    """

    risk_point = parent_key(
        RiskPoint, "assessments", _("risk point"), on_delete=models.PROTECT
    )
    event = parent_key(
        RiskEvent, "assessments", _("risk event"), on_delete=models.PROTECT
    )
    method = models.CharField(_("method"), max_length=40, db_index=True)
    method_pack = models.CharField(_("provided by"), max_length=100, blank=True)
    inputs = models.JSONField(_("inputs"), default=dict)
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    scored_level = choice_field(_("scored level"), RiskLevel, blank=True)
    level = choice_field(_("level"), RiskLevel)
    details = models.JSONField(_("details"), default=dict)
    direct_reasons = models.JSONField(
        _("direct determination reasons"), default=list, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    assessed_by = user_stamp(_("assessed by"))
    assessed_by_name = models.CharField(_("assessor"), max_length=150, blank=True)
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_at", "-pk"]
        indexes = [
            models.Index(fields=["event", "-assessed_at"], name="assessment_event"),
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.value} {self.level}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # An integrity guard, not business logic: records are append-only.
        if self.pk is not None and not self._state.adding:
            raise ImmutableError("assessments are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("assessments are never deleted")

    @property
    def colour(self) -> str:
        return risk_level_colour(self.level)

    def get_additional_data(self) -> dict[str, int]:
        return {"risk_point": self.risk_point_id}
