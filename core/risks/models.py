"""Risk grading and control (风险分级管控): one model for every industry.

It follows the chain of the national digital-construction guideline for
hazardous-chemical enterprises: risk analysis object (``RiskPoint``, 风险点)
→ risk analysis unit (``RiskAnalysisUnit``) → risk event (``RiskEvent``) →
control measure (``ControlMeasure``) → inspection task. Hazard
factors (GB/T 13861) and accident types (GB 6441) come from versioned
dictionaries. Every assessment is kept (``Assessment`` rows are never changed
or deleted); every other change is recorded by django-auditlog, tagged with
its risk point, so a point's history can be read back
(``selectors.risk_point_history``). Writes go through ``services``.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.organizations.models import Enterprise, Industry, Person, Unit
from core.risks.thresholds import bands_text, threshold_field_errors
from plugins.contributions import LevelThresholds
from plugins.schema_errors import schema_errors
from plugins.vocabularies import (
    CONTROL_LEVELS,
    MEASURE_TYPES,
    PERIOD_UNITS,
    RISK_LEVELS,
    RISK_POINT_KINDS,
    risk_level_colour,
)

# The vocabularies' choices (plugins.vocabularies is their one definition).
RiskLevel = RISK_LEVELS.text_choices("RiskLevel", module=__name__)
ControlLevel = CONTROL_LEVELS.text_choices("ControlLevel", module=__name__)
InspectionUnit = PERIOD_UNITS.text_choices("InspectionUnit", module=__name__)


class LocalisedName(models.Model):
    """A dictionary row named in both languages, from one edition of a standard."""

    code = models.CharField(_("code"), max_length=16)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)
    edition = models.CharField(_("edition"), max_length=40)
    is_current = models.BooleanField(
        _("current edition"),
        default=True,
        help_text=_("Rows of superseded editions stay for the records using them."),
    )

    class Meta:
        abstract = True
        ordering = ["edition", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        language = (get_language() or "zh-hans").lower()
        return self.name_en if language.startswith("en") else self.name_zh


class AccidentType(LocalisedName):
    """An accident type of GB 6441 (企业职工伤亡事故分类), e.g. ``08`` 火灾."""

    class Meta(LocalisedName.Meta):
        verbose_name = _("accident type")
        verbose_name_plural = _("accident types")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"], name="accidenttype_unique_code"
            )
        ]


class HazardFactorClass(LocalisedName):
    """A class of GB/T 13861 (生产过程危险和有害因素分类与代码).

    Codes are layered: 1 digit (人/物/环境/管理), then 2, 4 and 6 digits.
    """

    class Meta(LocalisedName.Meta):
        verbose_name = _("hazard factor class")
        verbose_name_plural = _("hazard factor classes")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"], name="hazardfactorclass_unique_code"
            )
        ]

    @property
    def depth(self) -> int:
        return {1: 1, 2: 2, 4: 3, 6: 4}.get(len(self.code), 0)


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


class RiskPoint(models.Model):
    """A risk point (风险点, risk analysis object) of an enterprise.

    ``level`` caches the highest level of its active events' latest
    assessments (blank until one is assessed); services keep it current. The
    control assignment (管控层级, responsible unit and person, inspection
    period) is part of the point: one assignment per point.
    """

    Kind = RISK_POINT_KINDS.text_choices(
        "Kind", module=__name__, qualname="RiskPoint.Kind"
    )

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="risk_points",
        verbose_name=_("enterprise"),
    )
    # The enterprise's name, carried on the row so that the lists' order
    # (enterprise name, enterprise, name) is served by one index
    # (docs/performance.md). Set on save; an enterprise's rename updates its
    # points (core.risks.signals).
    enterprise_name = models.CharField(
        _("enterprise name"), max_length=200, blank=True, editable=False
    )
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risk_points",
        verbose_name=_("unit"),
        help_text=_("Where the risk point sits in the enterprise's unit tree."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
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
    level = models.CharField(
        _("risk level"), max_length=16, choices=RiskLevel.choices, blank=True
    )
    control_level = models.CharField(
        _("control level"), max_length=16, choices=ControlLevel.choices, blank=True
    )
    responsible_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="controlled_risk_points",
        verbose_name=_("responsible unit"),
    )
    responsible_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="controlled_risk_points",
        verbose_name=_("responsible person"),
    )
    inspection_every = models.PositiveSmallIntegerField(
        _("inspect every"), null=True, blank=True
    )
    inspection_unit = models.CharField(
        _("inspection period unit"),
        max_length=8,
        choices=InspectionUnit.choices,
        blank=True,
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("risk point")
        verbose_name_plural = _("risk points")
        ordering = ["enterprise_id", "name", "pk"]
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
        ]

    def __str__(self) -> str:
        return self.name

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

    def get_additional_data(self) -> dict[str, int]:
        """Tag audit-log entries with the risk point, for its history."""
        return {"risk_point": self.pk}


class RiskPointPart(models.Model):
    """Something that belongs to one risk point and is logged in its history."""

    risk_point = models.ForeignKey(
        RiskPoint,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("risk point"),
    )

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict[str, int]:
        return {"risk_point": self.risk_point_id}


class RiskAnalysisUnit(RiskPointPart):
    """A risk analysis unit (风险分析单元) of a risk point.

    Every point has exactly one default unit, created with it; where an
    industry does not divide points into units, the default unit is the only
    one and the interface hides it.
    """

    risk_point = models.ForeignKey(
        RiskPoint,
        on_delete=models.CASCADE,
        related_name="analysis_units",
        verbose_name=_("risk point"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    is_default = models.BooleanField(_("default unit"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("risk analysis unit")
        verbose_name_plural = _("risk analysis units")
        ordering = ["risk_point_id", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["risk_point"],
                condition=models.Q(is_default=True),
                name="riskanalysisunit_one_default",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(_("(default unit)"))


class HazardFactor(RiskPointPart):
    """A hazard factor (危险有害因素) found at a risk point, by its GB/T 13861 class."""

    risk_point = models.ForeignKey(
        RiskPoint,
        on_delete=models.CASCADE,
        related_name="hazard_factors",
        verbose_name=_("risk point"),
    )
    analysis_unit = models.ForeignKey(
        RiskAnalysisUnit,
        on_delete=models.CASCADE,
        related_name="hazard_factors",
        verbose_name=_("risk analysis unit"),
    )
    factor_class = models.ForeignKey(
        HazardFactorClass,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("class (GB/T 13861)"),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hazard factor")
        verbose_name_plural = _("hazard factors")
        ordering = ["risk_point_id", "pk"]

    def __str__(self) -> str:
        return self.description or str(self.factor_class)


class RiskEvent(RiskPointPart):
    """A risk event (风险事件): what can happen at a risk point, and how it ends.

    ``latest_assessment`` points at the newest of its assessments (kept by
    ``services.risk_event_assess``) so lists need no sub-query. A removed
    event is deactivated, not deleted, so its assessments stay readable.
    """

    risk_point = models.ForeignKey(
        RiskPoint,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("risk point"),
    )
    analysis_unit = models.ForeignKey(
        RiskAnalysisUnit,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("risk analysis unit"),
    )
    name = models.CharField(_("name"), max_length=300)
    consequence = models.TextField(_("possible consequence"), blank=True)
    accident_types = models.ManyToManyField(
        AccidentType,
        related_name="+",
        verbose_name=_("accident types (GB 6441)"),
    )
    hazard_factors = models.ManyToManyField(
        HazardFactor,
        blank=True,
        related_name="events",
        verbose_name=_("hazard factors causing it"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    suggested_assessment = models.JSONField(
        _("suggested assessment"),
        default=dict,
        blank=True,
        help_text=_(
            "The risk library's suggestion (method, inputs, conditions to check), "
            "offered pre-filled; it is not an assessment."
        ),
    )
    latest_assessment = models.ForeignKey(
        "Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("latest assessment"),
    )

    class Meta:
        verbose_name = _("risk event")
        verbose_name_plural = _("risk events")
        ordering = ["risk_point_id", "order", "pk"]

    def __str__(self) -> str:
        return self.name

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

    risk_point = models.ForeignKey(
        RiskPoint,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("risk point"),
    )
    event = models.ForeignKey(
        RiskEvent,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("risk event"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("measure"))
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("control measure")
        verbose_name_plural = _("control measures")
        ordering = ["event_id", "order", "pk"]

    def __str__(self) -> str:
        return self.description[:80]


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

    risk_point = models.ForeignKey(
        RiskPoint,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("risk point"),
    )
    event = models.ForeignKey(
        RiskEvent,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("risk event"),
    )
    method = models.CharField(_("method"), max_length=40, db_index=True)
    method_pack = models.CharField(_("provided by"), max_length=100, blank=True)
    inputs = models.JSONField(_("inputs"), default=dict)
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    scored_level = models.CharField(
        _("scored level"), max_length=16, choices=RiskLevel.choices, blank=True
    )
    level = models.CharField(_("level"), max_length=16, choices=RiskLevel.choices)
    details = models.JSONField(_("details"), default=dict)
    direct_reasons = models.JSONField(
        _("direct determination reasons"), default=list, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assessed by"),
    )
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


def site_plan_path(instance: SitePlan, filename: str) -> str:
    """Under the enterprise, named by a random id (never the user's name)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"site-plans/{instance.enterprise_id}/{uuid.uuid4().hex}.{extension}"


class SitePlan(models.Model):
    """An enterprise's site layout, the background its risk points are placed
    on (positions are relative, 0..1, so a new plan keeps them).

    The image is what ``site_plan_set`` stored: an upload decoded and encoded
    again by Pillow, or the first page of a PDF rendered to PNG. Served only
    by the portal's scoped view, never from a media URL.
    """

    enterprise = models.OneToOneField(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="site_plan",
        verbose_name=_("enterprise"),
    )
    image = models.FileField(_("image"), upload_to=site_plan_path)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    source_name = models.CharField(_("uploaded file"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("site plan")
        verbose_name_plural = _("site plans")

    def __str__(self) -> str:
        return self.source_name or str(self.enterprise_id)


class LevelThreshold(models.Model):
    """Where a method's value changes level, for one industry or the platform.

    A row without an industry is the platform default; without any row the
    rule's own default thresholds apply. Departments change these in the
    admin without code (an industry department only for its industries).
    """

    method = models.CharField(_("method"), max_length=40)
    industry = models.ForeignKey(
        Industry,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="risk_thresholds",
        verbose_name=_("industry"),
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
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("risk level thresholds")
        verbose_name_plural = _("risk level thresholds")
        ordering = ["method", "industry__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["method", "industry"],
                name="levelthreshold_unique_industry",
                violation_error_message=_(
                    "Thresholds for this method and industry exist already; "
                    "edit those instead."
                ),
            ),
            models.UniqueConstraint(
                fields=["method"],
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


class RiskDraft(models.Model):
    """A half-finished entry of the guided risk point form, kept on the server.

    The guided-entry storage (``core.guided.storage``) keeps the wizard's
    state here instead of in the session, so an entry survives an expired
    session and can be resumed on another device. A draft belongs to one user
    of one enterprise; ``risk_point`` is set when the draft edits an existing
    point. ``data`` is the risk point's data object as JSON
    (``core.risks.drafts``), never form posts; ``current_step`` the
    step the user is on.
    """

    draft_id = models.UUIDField(_("draft id"), unique=True, default=uuid.uuid4)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="risk_drafts",
        verbose_name=_("owner"),
    )
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="risk_drafts",
        verbose_name=_("enterprise"),
    )
    risk_point = models.ForeignKey(
        RiskPoint,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="drafts",
        verbose_name=_("risk point being edited"),
    )
    current_step = models.CharField(_("current step"), max_length=40, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("risk point draft")
        verbose_name_plural = _("risk point drafts")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["owner", "-updated_at"], name="riskdraft_owner"),
        ]

    def __str__(self) -> str:
        return self.title or str(self.draft_id)

    @property
    def title(self) -> str:
        """The risk point's name as typed so far (empty before step one)."""
        return str((self.data or {}).get("name") or "").strip()
