"""Abstract models the apps' records share (no table of their own).

``CreatedAt`` is the "when" stamp of a record written once by a service,
``UpdatedAt`` that of its last change, ``Timestamped`` both. Their fields are
defined exactly as the apps defined them, so adopting one changes no
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


class UpdatedAt(models.Model):
    """When the record last changed."""

    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Timestamped(CreatedAt, UpdatedAt):
    """When the record was written and when it last changed."""

    class Meta:
        abstract = True
