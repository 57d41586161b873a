"""The vocabularies' choices and the dictionary rows of the national standards
(GB 6441 accident types, GB/T 13861 hazard factor classes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    one_per,
)
from plugins.vocabularies import CONTROL_LEVELS, PERIOD_UNITS, RISK_LEVELS

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
        constraints = [one_per("edition", "code", name="accidenttype_unique_code")]


class HazardFactorClass(LocalisedName):
    """A class of GB/T 13861 (生产过程危险和有害因素分类与代码).

    Codes are layered: 1 digit (人/物/环境/管理), then 2, 4 and 6 digits.
    """

    class Meta(LocalisedName.Meta):
        verbose_name = _("hazard factor class")
        verbose_name_plural = _("hazard factor classes")
        constraints = [one_per("edition", "code", name="hazardfactorclass_unique_code")]

    @property
    def depth(self) -> int:
        return {1: 1, 2: 2, 4: 3, 6: 4}.get(len(self.code), 0)
