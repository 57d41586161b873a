"""An enterprise's site plan, the background its risk points are placed on."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import changed_stamp, user_stamp
from core.organizations.models import Enterprise


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
    uploaded_by = user_stamp(_("uploaded by"))
    uploaded_at = changed_stamp(_("uploaded at"))

    class Meta:
        verbose_name = _("site plan")
        verbose_name_plural = _("site plans")

    def __str__(self) -> str:
        return self.source_name or str(self.enterprise_id)
