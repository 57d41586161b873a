"""Configured level thresholds of the assessment methods."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import UpdatedBy, one_per, optional_key
from core.organizations.models import Industry
from core.risks.thresholds import bands_text, threshold_field_errors
from plugins.contributions import LevelThresholds


class LevelThreshold(UpdatedBy):
    """Where a method's value changes level, for one industry or the platform.

    A row without an industry is the platform default; without any row the
    rule's own default thresholds apply. Departments change these in the
    admin without code (an industry department only for its industries).
    """

    method = models.CharField(_("method"), max_length=40)
    industry = optional_key(
        Industry,
        "risk_thresholds",
        _("industry"),
        on_delete=models.CASCADE,
        help_text=_("Leave empty for the platform default."),
    )
    major_from = models.DecimalField(_("major from"), max_digits=14, decimal_places=4)
    major_inclusive = models.BooleanField(
        _("major includes this value (≥)"), default=False
    )
    significant_from = models.DecimalField(
        _("significant from"), max_digits=14, decimal_places=4
    )
    significant_inclusive = models.BooleanField(
        _("significant includes this value (≥)"), default=False
    )
    general_from = models.DecimalField(
        _("general from"), max_digits=14, decimal_places=4
    )
    general_inclusive = models.BooleanField(
        _("general includes this value (≥)"), default=False
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("Why these thresholds (e.g. the provincial rule followed)."),
    )

    class Meta:
        verbose_name = _("risk level thresholds")
        verbose_name_plural = _("risk level thresholds")
        ordering = ["method", "industry__code"]
        constraints = [
            one_per(
                "method",
                "industry",
                name="levelthreshold_unique_industry",
                violation_error_message=_(
                    "Thresholds for this method and industry exist already; "
                    "edit those instead."
                ),
            ),
            one_per(
                "method",
                condition=models.Q(industry__isnull=True),
                name="levelthreshold_unique_default",
                violation_error_message=_(
                    "The platform default for this method exists already; "
                    "edit it instead."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method} · {self.industry or _('platform default')}"

    def clean(self) -> None:
        errors = threshold_field_errors(self)
        if errors:
            raise ValidationError(errors)

    def as_thresholds(self) -> LevelThresholds:
        return LevelThresholds(
            major=self.major_from,
            significant=self.significant_from,
            general=self.general_from,
            major_inclusive=self.major_inclusive,
            significant_inclusive=self.significant_inclusive,
            general_inclusive=self.general_inclusive,
            key=f"configured:{self.pk}",
        )

    def bands(self) -> list[tuple[str, str]]:
        """Readable bands, highest first: ``[("major", "> 320"), ...]``."""
        return bands_text(self.as_thresholds())
