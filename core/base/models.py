"""Abstract models the apps' records share (no table of their own).

``CreatedAt`` is the "when" stamp of a record written once by a service; its
field is defined exactly as the apps defined it, so adopting it changes no
migration.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CreatedAt(models.Model):
    """When the record was written."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True
