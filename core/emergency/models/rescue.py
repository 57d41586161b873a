"""The rescue capability (an own team or a rescue agreement), each post's
emergency content (FACTS § 7, the 应急处置卡) and the workers' read signatures."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    CreatedAt,
    NamedRecord,
    UpdatedAt,
    choice_field,
    created_stamp,
    enterprise_key,
    one_per,
    optional_date,
    optional_key,
    parent_key,
)
from core.emergency.models.plans import EmergencyPlan
from core.organizations.models import Person, Unit
from plugins.vocabularies import (
    RESCUE_TEAM_KINDS,
)

RescueTeamKind = RESCUE_TEAM_KINDS.text_choices("RescueTeamKind", module=__name__)


class RescueTeam(NamedRecord, CreatedAt):
    """An enterprise's own rescue team (full- or part-time)."""

    enterprise = enterprise_key("rescue_teams")
    name = models.CharField(_("name"), max_length=100)
    kind = choice_field(_("kind"), RescueTeamKind)
    equipment = models.TextField(_("equipment"), blank=True)
    supplies_location = models.CharField(
        _("location of emergency supplies"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("rescue team")
        verbose_name_plural = _("rescue teams")
        ordering = ["enterprise_id", "pk"]


class RescueTeamMember(models.Model):
    team = parent_key(RescueTeam, "members", _("rescue team"))
    person = parent_key(Person, "+", _("person"))
    duty = models.CharField(_("duty"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("rescue team member")
        verbose_name_plural = _("rescue team members")
        ordering = ["team_id", "pk"]
        constraints = [one_per("team", "person", name="rescuemember_once")]

    def __str__(self) -> str:
        return str(self.person)


class RescueAgreement(CreatedAt):
    """A rescue agreement with a professional team, valid for a period.

    ``warned_until`` is the ``valid_until`` the expiry warning was sent for,
    so the daily job warns once per validity (a renewal warns again).
    """

    enterprise = enterprise_key("rescue_agreements")
    party = models.CharField(_("rescue team (party)"), max_length=200)
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    warned_until = optional_date(_("expiry warned for"))

    class Meta:
        verbose_name = _("rescue agreement")
        verbose_name_plural = _("rescue agreements")
        ordering = ["enterprise_id", "-valid_until", "pk"]
        indexes = [models.Index(fields=["valid_until"], name="ragreement_until")]

    def __str__(self) -> str:
        return self.party


class PostEmergencyContent(UpdatedAt):
    """What a post does in an emergency (the 应急处置卡's content, FACTS § 7).

    ``first_actions`` is a list of ``{"action": str, "responsible": str}`` in
    order (the first ten minutes); ``contacts`` a list of ``{"name", "phone"}``.
    """

    enterprise = enterprise_key("+")
    post = models.OneToOneField(
        Unit,
        on_delete=models.CASCADE,
        related_name="emergency_content",
        verbose_name=_("post"),
    )
    plan = optional_key(EmergencyPlan, "post_contents", _("on-site disposal plan"))
    scenario = models.CharField(_("scenario and warning signs"), max_length=300)
    first_actions = models.JSONField(_("first actions"), default=list, blank=True)
    reporting_path = models.TextField(_("reporting path"), blank=True)
    cautions = models.TextField(_("cautions"), blank=True)
    contacts = models.JSONField(_("contacts"), default=list, blank=True)
    escape_route = models.TextField(_("escape route"), blank=True)
    assembly_point = models.CharField(_("assembly point"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("post emergency content")
        verbose_name_plural = _("post emergency contents")
        ordering = ["enterprise_id", "pk"]

    def __str__(self) -> str:
        return str(self.post)


class ReadSignature(models.Model):
    """A worker signed that they have read their post's emergency content
    (``what="card"``) or their training record (``what="training"``), as it
    stood (``version``: the content's last change, ISO text)."""

    person = parent_key(Person, "+", _("person"))
    post = parent_key(Unit, "+", _("post"))
    what = models.CharField(_("what was read"), max_length=16)
    version = models.CharField(_("version read"), max_length=40)
    signed_at = created_stamp(_("signed at"))

    class Meta:
        verbose_name = _("read signature")
        verbose_name_plural = _("read signatures")
        ordering = ["-signed_at", "-pk"]
        constraints = [
            one_per("person", "post", "what", "version", name="readsignature_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id}/{self.post_id}/{self.what}"
