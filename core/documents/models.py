"""The documents the platform generates and keeps.

A ``HandbookVersion`` is one generated version of an enterprise's risk
control handbook (风险管控手册): its number, the PDF, what changed since
the version before it, and the state of the background job that renders
it. Every version is kept (dynamic management: the handbook says which
version it is and what changed); the current handbook is the newest ready
one.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.organizations.models import Enterprise


def handbook_path(instance: HandbookVersion, filename: str) -> str:
    return (
        f"documents/handbooks/{instance.enterprise_id}/"
        f"handbook-{instance.enterprise_id}-v{instance.number}.pdf"
    )


class GenerationStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be generated")
    RUNNING = "running", _("Being generated")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Generation failed")


class HandbookVersion(models.Model):
    """One generated version of an enterprise's risk control handbook."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="handbook_versions",
        verbose_name=_("enterprise"),
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=GenerationStatus.choices,
        default=GenerationStatus.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to=handbook_path, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    risk_point_count = models.PositiveIntegerField(
        _("risk points"), null=True, blank=True
    )
    note = models.CharField(
        _("reason for this version"),
        max_length=300,
        blank=True,
        help_text=_("Why the handbook is generated again (change, accident, ...)."),
    )
    changes = models.JSONField(
        _("changes since the previous version"), default=list, blank=True
    )
    # What the handbook contained, for the next version's list of changes.
    snapshot = models.JSONField(_("contents summary"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("handbook version")
        verbose_name_plural = _("handbook versions")
        ordering = ["enterprise_id", "-number"]
        indexes = [
            # The supervisors' list, newest first.
            models.Index(fields=["-requested_at", "-id"], name="handbook_recent"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "number"], name="handbook_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} v{self.number}"

    @property
    def is_ready(self) -> bool:
        return self.status == GenerationStatus.READY and bool(self.file)

    @property
    def is_pending(self) -> bool:
        return self.status in (GenerationStatus.QUEUED, GenerationStatus.RUNNING)


class CardKind(models.TextChoices):
    POST_RISK = "post_risk", _("Post risk notice card")
    EMERGENCY = "emergency", _("Emergency response card")
    OCCUPATIONAL = "occupational", _("Occupational hazard notice card")
    POSTER = "poster", _("Risk notice board")


class PublicCard(models.Model):
    """The stable public address of a printed card or poster (its QR code).

    Created the first time the card is printed and never changed, so a card
    on the wall keeps working after the data behind it changes: the page
    always shows the current content. ``post`` is empty for the enterprise's
    poster (风险公告栏).
    """

    token = models.UUIDField(_("public token"), unique=True, default=uuid.uuid4)
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="public_cards",
        verbose_name=_("enterprise"),
    )
    post = models.ForeignKey(
        "organizations.Unit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="public_cards",
        verbose_name=_("post"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CardKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("public card")
        verbose_name_plural = _("public cards")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "post", "kind"],
                condition=models.Q(post__isnull=False),
                name="public_card_post_unique",
            ),
            models.UniqueConstraint(
                fields=["enterprise", "kind"],
                condition=models.Q(post__isnull=True),
                name="public_card_poster_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.enterprise_id}/{self.post_id or '-'}"
