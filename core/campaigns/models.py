"""Rollout campaigns (推进部署), directives to enterprises (动员部署, 督办),
acceptance and spot checks (验收, 抽查) and the assessment's weights (考核).

A campaign's progress is never stored: it is computed from the enterprises'
records by ``core.campaigns.progress`` (docs/campaigns.md).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.base.models import (
    CreatedAt,
    NewestFirst,
    TitledRecord,
    changed_stamp,
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
from core.forms.models import FormDefinition
from core.organizations.models import Department, Industry, Jurisdiction


class Campaign(TitledRecord, CreatedAt):
    """A rollout campaign of the committee office: which enterprises, by when,
    and what "mechanism established" means (criteria the platform computes)."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    department = parent_key(
        Department, "campaigns", _("issued by"), on_delete=models.PROTECT
    )
    created_by = user_stamp(_("created by"), blank=False)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    # Targets: no industry and no territory chosen means every enterprise.
    industries = optional_many(Industry, "+", _("industries"))
    territories = optional_many(Jurisdiction, "+", _("territories"))
    key_industries_only = models.BooleanField(_("key industries only"), default=False)
    above_scale_only = models.BooleanField(
        _("above-scale enterprises only (规上)"), default=False
    )
    # [{"key": "risk_list"}, {"key": "inspections", "value": 90}, …]
    criteria = models.JSONField(_("criteria"), default=list)

    class Meta:
        verbose_name = _("rollout campaign")
        verbose_name_plural = _("rollout campaigns")
        ordering = ["-starts_on", "-pk"]


class Milestone(TitledRecord):
    """A deadline of a campaign: by ``deadline`` at least ``target_percent`` of
    the target enterprises have established the mechanism."""

    campaign = parent_key(Campaign, "milestones")
    title = models.CharField(_("milestone"), max_length=200)
    deadline = models.DateField(_("deadline"))
    target_percent = models.PositiveSmallIntegerField(
        _("share established (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["deadline", "pk"]


class ProgressRecord(models.Model):
    """A running campaign's figures of one day, over all its targets (the
    daily job ``campaigns.record_progress``): what a milestone whose deadline
    passed is judged on, and the campaign page's trend."""

    campaign = parent_key(Campaign, "progress_records")
    day = models.DateField(_("day"))
    total = models.PositiveIntegerField(_("targets"))
    established = models.PositiveIntegerField(_("established"))
    #: {criterion key: enterprises meeting it}
    criteria = models.JSONField(_("criteria"), default=dict)
    recorded_at = changed_stamp(_("recorded at"))

    class Meta:
        verbose_name = _("campaign progress record")
        verbose_name_plural = _("campaign progress records")
        ordering = ["campaign", "day"]
        constraints = [one_per("campaign", "day", name="campaigns_progress_day")]

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.day}"

    @property
    def percent(self) -> float | None:
        return round(100 * self.established / self.total, 1) if self.total else None


class Audience(models.TextChoices):
    ALL = "all", _("Every enterprise in my scope")
    INDUSTRY = "industry", _("The enterprises of an industry")
    TERRITORY = "territory", _("The enterprises of a territory")
    LIST = "list", _("Chosen enterprises")


class Directive(TitledRecord, NewestFirst):
    """A notice from an office to enterprises (动员部署, 督办)."""

    department = parent_key(
        Department, "directives", _("sent by"), on_delete=models.PROTECT
    )
    sender = user_stamp(_("sender"), blank=False)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    deadline = optional_date(_("deadline"))
    reply_required = models.BooleanField(_("reply required"), default=False)
    audience = choice_field(_("addressed to"), Audience)
    audience_label = models.CharField(_("addressees"), max_length=300, blank=True)
    recipient_count = models.PositiveIntegerField(_("enterprises"), default=0)
    created_at = created_stamp(_("sent at"))

    class Meta(NewestFirst.Meta):
        verbose_name = _("directive")
        verbose_name_plural = _("directives")


class DirectiveRecipient(models.Model):
    """One enterprise's copy of a directive: its read receipt and reply."""

    directive = parent_key(Directive, "recipients")
    enterprise = enterprise_key("directives")
    read_at = optional_moment(_("read at"))
    read_by = user_stamp()
    reply = models.TextField(_("reply"), blank=True)
    replied_at = optional_moment(_("replied at"))
    replied_by = user_stamp()
    reminders = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_on = optional_date(_("last reminded on"))

    class Meta:
        verbose_name = _("directive recipient")
        verbose_name_plural = _("directive recipients")
        ordering = ["enterprise__name", "pk"]
        constraints = [
            one_per("directive", "enterprise", name="directive_recipient_once")
        ]
        indexes = [
            models.Index(fields=["enterprise", "directive"], name="directive_inbox"),
            models.Index(
                fields=["directive", "read_at", "replied_at"], name="directive_receipts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.directive} → {self.enterprise}"


class SpotCheckSample(NewestFirst):
    """A reproducible random sample of enterprises for spot checks (抽查): the
    population's ids in order and the seed give the same sample again."""

    department = parent_key(Department, "+", on_delete=models.PROTECT)
    created_by = user_stamp(blank=False)
    campaign = optional_key(Campaign, "samples", _("campaign"))
    seed = models.BigIntegerField(_("seed"))
    size = models.PositiveIntegerField(_("sample size"))
    population_size = models.PositiveIntegerField(_("population"))
    enterprise_ids = models.JSONField(_("sampled enterprises"), default=list)
    created_at = created_stamp(_("drawn at"))

    class Meta(NewestFirst.Meta):
        verbose_name = _("spot-check sample")
        verbose_name_plural = _("spot-check samples")

    def __str__(self) -> str:
        return f"#{self.pk} ({self.size}/{self.population_size})"


class CheckKind(models.TextChoices):
    ACCEPTANCE = "acceptance", _("Acceptance check (验收)")
    SPOT = "spot", _("Spot check (抽查)")


class AcceptanceCheck(models.Model):
    """The result of an acceptance or spot check of an enterprise by an office,
    answered on a low-code form (its version and answers kept)."""

    enterprise = enterprise_key("acceptance_checks")
    department = parent_key(
        Department, "acceptance_checks", _("checked by"), on_delete=models.PROTECT
    )
    recorded_by = user_stamp(blank=False)
    kind = choice_field(_("kind"), CheckKind)
    campaign = optional_key(Campaign, "checks", _("campaign"))
    sample = optional_key(SpotCheckSample, "checks")
    definition = optional_key(FormDefinition, "+", _("checklist"))
    version_number = models.PositiveIntegerField(null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    passed = models.BooleanField(_("passed"))
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    remarks = models.TextField(_("remarks"), blank=True)
    checked_on = models.DateField(_("checked on"))
    created_at = created_stamp(_("recorded at"))

    class Meta:
        verbose_name = _("acceptance check")
        verbose_name_plural = _("acceptance checks")
        ordering = ["-checked_on", "-pk"]
        indexes = [
            models.Index(fields=["enterprise", "-checked_on"], name="check_enterprise")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.enterprise}"


@register_setting(icon="cog")
class AssessmentWeights(BaseGenericSetting):
    """How the committee office scores departments and territories (考核)."""

    progress_weight = models.PositiveSmallIntegerField(
        _("weight of campaign progress"), default=60
    )
    acceptance_weight = models.PositiveSmallIntegerField(
        _("weight of acceptance results"), default=40
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark"),
        default=60,
        validators=[MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("assessment weights")
        verbose_name_plural = _("assessment weights")

    def clean(self) -> None:
        if self.progress_weight + self.acceptance_weight == 0:
            raise ValidationError(
                {"progress_weight": _("At least one weight must be above zero.")}
            )
