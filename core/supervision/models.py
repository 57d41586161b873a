"""Supervision: the territories' boundaries for the four-colour risk map.

A boundary is GeoJSON kept as JSON (no GIS extension: the same on SQLite and
PostgreSQL); ``core.supervision.geometry`` validates and draws it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.base.models import UpdatedAt, choice_field, enterprise_key
from core.organizations.models import Enterprise, Jurisdiction
from core.supervision.geometry import validate_boundary


class TerritoryBoundary(UpdatedAt):
    """The boundary of a jurisdiction (district, street, town or grid).

    ``geometry`` is a GeoJSON ``Polygon`` or ``MultiPolygon`` in WGS 84
    longitude/latitude, the default offline base layer of the map.
    """

    jurisdiction = models.OneToOneField(
        Jurisdiction,
        on_delete=models.CASCADE,
        related_name="boundary",
        verbose_name=_("jurisdiction"),
    )
    geometry = models.JSONField(
        _("boundary"),
        validators=[validate_boundary],
        help_text=_(
            "A GeoJSON Polygon or MultiPolygon, longitude then latitude (WGS 84)."
        ),
    )

    class Meta:
        verbose_name = _("territory boundary")
        verbose_name_plural = _("territory boundaries")

    def __str__(self) -> str:
        return str(self.jurisdiction)


class RatingClass(models.TextChoices):
    """Classes of differentiated supervision, A the least risky (分级分类监管)."""

    A = "A", _("Class A (low concern)")
    B = "B", _("Class B")
    C = "C", _("Class C")
    D = "D", _("Class D (high concern)")


@register_setting(icon="cog")
class RatingWeights(BaseGenericSetting):
    """The weights and cut-offs of the enterprise risk rating, set by the
    committee office (docs/supervision.md, "Enterprise risk rating")."""

    risk_weight = models.PositiveSmallIntegerField(
        _("weight of the risk profile"), default=40
    )
    hazard_weight = models.PositiveSmallIntegerField(
        _("weight of the hazard record"), default=35
    )
    inspection_weight = models.PositiveSmallIntegerField(
        _("weight of inspection compliance"), default=25
    )
    b_from = models.PositiveSmallIntegerField(
        _("class B from score"), default=25, validators=[MaxValueValidator(100)]
    )
    c_from = models.PositiveSmallIntegerField(
        _("class C from score"), default=45, validators=[MaxValueValidator(100)]
    )
    d_from = models.PositiveSmallIntegerField(
        _("class D from score"), default=65, validators=[MaxValueValidator(100)]
    )
    window_days = models.PositiveSmallIntegerField(
        _("inspection window (days)"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(366)],
    )

    class Meta:
        verbose_name = _("enterprise rating weights")
        verbose_name_plural = _("enterprise rating weights")

    def clean(self) -> None:
        errors = {}
        if self.risk_weight + self.hazard_weight + self.inspection_weight == 0:
            errors["risk_weight"] = _("At least one weight must be above zero.")
        if not self.b_from < self.c_from < self.d_from:
            errors["c_from"] = _(
                "The cut-offs must rise: class B below class C below class D."
            )
        if errors:
            raise ValidationError(errors)


class EnterpriseRating(models.Model):
    """An enterprise's current class and score, recomputed daily."""

    enterprise = models.OneToOneField(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="rating",
        verbose_name=_("enterprise"),
    )
    rating_class = choice_field(_("class"), RatingClass, max_length=1)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    components = models.JSONField(_("components"), default=dict)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("enterprise rating")
        verbose_name_plural = _("enterprise ratings")
        ordering = ["-score", "enterprise_id"]
        indexes = [
            models.Index(fields=["rating_class", "-score"], name="rating_class_score"),
            models.Index(fields=["-score", "enterprise"], name="rating_score"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.rating_class}"


class EnterpriseRatingChange(models.Model):
    """A change of an enterprise's class, with the figures behind it."""

    enterprise = enterprise_key("rating_changes")
    from_class = choice_field(_("from"), RatingClass, max_length=1, blank=True)
    to_class = choice_field(_("to"), RatingClass, max_length=1)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    reasons = models.JSONField(_("reasons"), default=dict)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("enterprise rating change")
        verbose_name_plural = _("enterprise rating changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [
            models.Index(
                fields=["enterprise", "-changed_at"], name="ratingchange_ent_recent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.from_class or '-'} → {self.to_class}"
