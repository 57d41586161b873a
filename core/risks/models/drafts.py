"""Half-finished entries of the guided risk point form."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import Timestamped, optional_key, parent_key
from core.organizations.models import Enterprise
from core.risks.models.points import RiskPoint


class RiskDraft(Timestamped):
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
    owner = parent_key(settings.AUTH_USER_MODEL, "risk_drafts", _("owner"))
    enterprise = parent_key(Enterprise, "risk_drafts", _("enterprise"))
    risk_point = optional_key(
        RiskPoint, "drafts", _("risk point being edited"), on_delete=models.CASCADE
    )
    current_step = models.CharField(_("current step"), max_length=40, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

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
