"""Abstract models the apps' records share (no table of their own).

``CreatedAt`` is the "when" stamp of a record written once by a service,
``UpdatedAt`` that of its last change, ``Timestamped`` both; ``user_stamp``
is the "who" field (submitted by, reviewed by...), ``enterprise_key`` the
enterprise a record belongs to (deleted with it). Their fields are defined
exactly as the apps defined them, so adopting one changes no migration.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def user_stamp(verbose_name=None, *, blank: bool = True) -> models.ForeignKey:
    """Who did something to the record: a user, without a reverse relation;
    deleting the user keeps the record (the stamp becomes empty)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


def enterprise_key(related_name: str) -> models.ForeignKey:
    """The enterprise the record belongs to; the record goes with it."""
    return models.ForeignKey(
        "organizations.Enterprise",
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=_("enterprise"),
    )


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
