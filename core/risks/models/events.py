"""What is found and what can happen at a risk point: hazard factors, risk
events and their control measures."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    NamedRecord,
    choice_field,
    optional_key,
    optional_many,
    parent_key,
)
from core.risks.models.points import (
    OrderedPart,
    RiskAnalysisUnit,
    RiskPoint,
    RiskPointPart,
)
from core.risks.models.standards import AccidentType, HazardFactorClass
from plugins.vocabularies import MEASURE_TYPES


class HazardFactor(RiskPointPart):
    """A hazard factor (危险有害因素) found at a risk point, by its GB/T 13861 class."""

    risk_point = parent_key(RiskPoint, "hazard_factors", _("risk point"))
    analysis_unit = parent_key(
        RiskAnalysisUnit, "hazard_factors", _("risk analysis unit")
    )
    factor_class = parent_key(
        HazardFactorClass, "+", _("class (GB/T 13861)"), on_delete=models.PROTECT
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hazard factor")
        verbose_name_plural = _("hazard factors")
        ordering = ["risk_point_id", "pk"]

    def __str__(self) -> str:
        return self.description or str(self.factor_class)


class RiskEvent(NamedRecord, OrderedPart):
    """A risk event (风险事件): what can happen at a risk point, and how it ends.

    ``latest_assessment`` points at the newest of its assessments (kept by
    ``services.risk_event_assess``) so lists need no sub-query. A removed
    event is deactivated, not deleted, so its assessments stay readable.
    """

    risk_point = parent_key(RiskPoint, "events", _("risk point"))
    analysis_unit = parent_key(RiskAnalysisUnit, "events", _("risk analysis unit"))
    name = models.CharField(_("name"), max_length=300)
    consequence = models.TextField(_("possible consequence"), blank=True)
    accident_types = models.ManyToManyField(
        AccidentType,
        related_name="+",
        verbose_name=_("accident types (GB 6441)"),
    )
    hazard_factors = optional_many(
        HazardFactor, "events", _("hazard factors causing it")
    )
    is_active = models.BooleanField(_("active"), default=True)
    suggested_assessment = models.JSONField(
        _("suggested assessment"),
        default=dict,
        blank=True,
        help_text=_(
            "The risk library's suggestion (method, inputs, conditions to check), "
            "offered pre-filled; it is not an assessment."
        ),
    )
    latest_assessment = optional_key("Assessment", "+", _("latest assessment"))

    class Meta(OrderedPart.Meta):
        verbose_name = _("risk event")
        verbose_name_plural = _("risk events")

    @property
    def level(self) -> str:
        latest = self.latest_assessment
        return latest.level if latest else ""


class ControlMeasure(RiskPointPart):
    """A control measure (管控措施) of a risk event, by type.

    Inspection checklists are derived from the active measures; a
    removed measure is deactivated so inspection records keep pointing at it.
    """

    Kind = MEASURE_TYPES.text_choices(
        "Kind", module=__name__, qualname="ControlMeasure.Kind"
    )

    risk_point = parent_key(RiskPoint, "measures", _("risk point"))
    event = parent_key(RiskEvent, "measures", _("risk event"))
    kind = choice_field(_("type"), Kind)
    description = models.TextField(_("measure"))
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("control measure")
        verbose_name_plural = _("control measures")
        ordering = ["event_id", "order", "pk"]

    def __str__(self) -> str:
        return self.description[:80]
