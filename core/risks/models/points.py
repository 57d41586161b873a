"""Risk points (风险点), their position on the site plan, and the parts that
belong to one point (``RiskPointPart``), starting with its analysis units."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    NamedPerEnterprise,
    Timestamped,
    choice_field,
    one_per,
    optional_key,
    parent_key,
    user_stamp,
)
from core.organizations.models import Enterprise, Person, Unit
from core.risks.models.standards import ControlLevel, InspectionUnit, RiskLevel
from plugins.schema_errors import schema_errors
from plugins.vocabularies import RISK_POINT_KINDS, risk_level_colour

# A position on the enterprise's site plan, in coordinates relative to the
# plan image (0..1 from the left and from the top), so it survives a rescan
# of the plan at another resolution.
POSITION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"enum": ["point", "polygon"]}},
    "allOf": [
        {
            "if": {"properties": {"type": {"const": "point"}}},
            "then": {
                "properties": {
                    "type": True,
                    "x": {"type": "number", "minimum": 0, "maximum": 1},
                    "y": {"type": "number", "minimum": 0, "maximum": 1},
                },
                "required": ["x", "y"],
                "additionalProperties": False,
            },
        },
        {
            "if": {"properties": {"type": {"const": "polygon"}}},
            "then": {
                "properties": {
                    "type": True,
                    "points": {
                        "type": "array",
                        "minItems": 3,
                        "maxItems": 500,
                        "items": {
                            "type": "array",
                            "minItems": 2,
                            "maxItems": 2,
                            "items": {"type": "number", "minimum": 0, "maximum": 1},
                        },
                    },
                },
                "required": ["points"],
                "additionalProperties": False,
            },
        },
    ],
}


def validate_position(value: Any) -> None:
    """A point ``{"type": "point", "x", "y"}`` or a polygon of 3+ points."""
    if value in (None, ""):
        return
    errors = schema_errors(POSITION_SCHEMA, value)
    if errors:
        raise ValidationError(
            [f"{e.path or '/'}: {e.reason}" if e.path else e.reason for e in errors]
        )


class RiskPoint(NamedPerEnterprise, Timestamped):
    """A risk point (风险点, risk analysis object) of an enterprise.

    ``level`` caches the highest level of its active events' latest
    assessments (blank until one is assessed) and ``methods`` the methods of
    those assessments (``methods_code``); services keep both current. The
    control assignment (管控层级, responsible unit and person, inspection
    period) is part of the point: one assignment per point.
    """

    Kind = RISK_POINT_KINDS.text_choices(
        "Kind", module=__name__, qualname="RiskPoint.Kind"
    )

    enterprise = parent_key(Enterprise, "risk_points", _("enterprise"))
    # The enterprise's name, carried on the row so that the lists' order
    # (enterprise name, enterprise, name) is served by one index
    # (docs/performance.md). Set on save; an enterprise's rename updates its
    # points (core.risks.signals).
    enterprise_name = models.CharField(
        _("enterprise name"), max_length=200, blank=True, editable=False
    )
    unit = optional_key(
        Unit,
        "risk_points",
        _("unit"),
        help_text=_("Where the risk point sits in the enterprise's unit tree."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = choice_field(_("kind"), Kind)
    description = models.TextField(_("description"), blank=True)
    position = models.JSONField(
        _("position on the site plan"),
        null=True,
        blank=True,
        validators=[validate_position],
        help_text=_(
            "A point or a drawn area on the site plan, in coordinates from 0 to 1."
        ),
    )
    level = choice_field(_("risk level"), RiskLevel, blank=True)
    # The methods of the active events' latest assessments, carried on the row
    # so that ``?method=`` is a condition on the point, not a look-up of its
    # events per row (docs/performance.md). Kept with ``level``.
    methods = models.TextField(_("assessment methods"), blank=True, editable=False)
    control_level = choice_field(_("control level"), ControlLevel, blank=True)
    responsible_unit = optional_key(
        Unit, "controlled_risk_points", _("responsible unit")
    )
    responsible_person = optional_key(
        Person, "controlled_risk_points", _("responsible person")
    )
    inspection_every = models.PositiveSmallIntegerField(
        _("inspect every"), null=True, blank=True
    )
    inspection_unit = choice_field(
        _("inspection period unit"), InspectionUnit, max_length=8, blank=True
    )
    source = models.CharField(
        _("source"),
        max_length=150,
        blank=True,
        help_text=_("The risk library entry it was copied from (pack:key)."),
    )
    reassess_since = models.DateTimeField(
        _("to re-assess since"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the level thresholds of a method changed so that this "
            "point's level would change; cleared by a new assessment."
        ),
    )
    reassess_method = models.CharField(
        _("method to re-assess"), max_length=40, blank=True
    )
    created_by = user_stamp(_("created by"))

    class Meta(NamedPerEnterprise.Meta):
        verbose_name = _("risk point")
        verbose_name_plural = _("risk points")
        indexes = [
            models.Index(fields=["enterprise", "level"], name="riskpoint_ent_level"),
            models.Index(fields=["enterprise", "kind"], name="riskpoint_ent_kind"),
            # The lists' order, within a scope and within one enterprise.
            models.Index(
                fields=["enterprise_name", "enterprise", "name", "id"],
                name="riskpoint_list_order",
            ),
            models.Index(
                fields=["enterprise", "name", "id"], name="riskpoint_ent_order"
            ),
            # The admin list sorted by its "updated at" header.
            models.Index(fields=["updated_at", "id"], name="riskpoint_updated"),
        ]

    def save(self, *args, **kwargs):
        if self.enterprise_id and (self._state.adding or not self.enterprise_name):
            self.enterprise_name = self.enterprise.name
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "enterprise_name" not in update_fields:
                kwargs["update_fields"] = [*update_fields, "enterprise_name"]
        super().save(*args, **kwargs)

    @property
    def colour(self) -> str:
        return risk_level_colour(self.level)

    @staticmethod
    def methods_code(methods: Iterable[str]) -> str:
        """``methods`` as the column keeps them: each method key once, sorted,
        each between commas (``",lec,ls,"``; blank for none), so that one
        method is a ``contains`` match of ``",key,"`` (``has_method``)."""
        keys = sorted({key for key in methods if key})
        return f",{','.join(keys)}," if keys else ""

    @staticmethod
    def has_method(method: str) -> models.Q:
        """Points with an active event whose latest assessment used ``method``."""
        if not method or "," in method:
            return models.Q(pk__in=[])  # no method key holds the separator
        return models.Q(methods__contains=f",{method},")

    def get_additional_data(self) -> dict[str, int]:
        """Tag audit-log entries with the risk point, for its history."""
        return {"risk_point": self.pk}


class RiskPointPart(models.Model):
    """Something that belongs to one risk point and is logged in its history."""

    risk_point = parent_key(RiskPoint, "+", _("risk point"))

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict[str, int]:
        return {"risk_point": self.risk_point_id}


class OrderedPart(RiskPointPart):
    """A part listed within its risk point in the order it was given."""

    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["risk_point_id", "order", "pk"]


class RiskAnalysisUnit(OrderedPart):
    """A risk analysis unit (风险分析单元) of a risk point.

    Every point has exactly one default unit, created with it; where an
    industry does not divide points into units, the default unit is the only
    one and the interface hides it.
    """

    risk_point = parent_key(RiskPoint, "analysis_units", _("risk point"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    is_default = models.BooleanField(_("default unit"), default=False)

    class Meta(OrderedPart.Meta):
        verbose_name = _("risk analysis unit")
        verbose_name_plural = _("risk analysis units")
        constraints = [
            one_per(
                "risk_point",
                condition=models.Q(is_default=True),
                name="riskanalysisunit_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name or str(_("(default unit)"))
