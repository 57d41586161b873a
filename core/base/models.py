"""Abstract models the apps' records share (no table of their own).

``CreatedAt`` is the "when" stamp of a record written once by a service,
``UpdatedAt`` that of its last change, ``Timestamped`` both; ``user_stamp``
is the "who" field (submitted by, reviewed by...), ``enterprise_key`` the
enterprise a record belongs to (deleted with it). ``parent_key`` is a required
link to another record (deleted with it unless ``on_delete`` says otherwise),
``optional_key`` a link that may be empty (emptied when the other record goes,
unless ``on_delete`` says otherwise), ``optional_many`` a many-to-many link
that may be empty. ``choice_field`` is a value from a vocabulary,
``created_stamp``/``changed_stamp`` the "when" of a record under another
name than ``created_at``/``updated_at``, ``optional_date``/``optional_moment``
a day or a moment that may not have come yet, ``one_per`` the constraint
"at most one row per these values". Their fields are defined exactly as the apps
defined them, so adopting one changes no migration.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def user_stamp(verbose_name=None, *, blank: bool = True) -> models.ForeignKey:
    """Who did something to the record: a user, without a reverse relation;
    deleting the user keeps the record (the stamp becomes empty)."""
    return optional_key(settings.AUTH_USER_MODEL, "+", verbose_name, blank=blank)


def parent_key(
    to: Any,
    related_name: str,
    verbose_name: Any = None,
    *,
    on_delete: Any = models.CASCADE,
    **options: Any,
) -> models.ForeignKey:
    """A required link to the record ``to``; by default this record goes
    with it."""
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


def optional_key(
    to: Any,
    related_name: str,
    verbose_name: Any = None,
    *,
    on_delete: Any = models.SET_NULL,
    blank: bool = True,
    **options: Any,
) -> models.ForeignKey:
    """A link to the record ``to`` that may be empty; by default it becomes
    empty when that record is deleted."""
    return models.ForeignKey(
        to,
        null=True,
        blank=blank,
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


def optional_many(
    to: Any, related_name: str, verbose_name: Any = None, **options: Any
) -> models.ManyToManyField:
    """A many-to-many link to ``to`` that may be empty."""
    return models.ManyToManyField(
        to,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


def enterprise_key(related_name: str) -> models.ForeignKey:
    """The enterprise the record belongs to; the record goes with it."""
    return parent_key("organizations.Enterprise", related_name, _("enterprise"))


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


def choice_field(
    verbose_name: Any, choices: Any, *, max_length: int = 16, **options: Any
) -> models.CharField:
    """A value of the vocabulary ``choices`` (a ``TextChoices``), stored as
    its code; ``default``, ``blank`` and the like as for any field."""
    return models.CharField(
        verbose_name, max_length=max_length, choices=choices.choices, **options
    )


def created_stamp(verbose_name: Any = None) -> models.DateTimeField:
    """When the record was written (sent, filed, drawn...): set once, when
    it is first saved."""
    return models.DateTimeField(verbose_name, auto_now_add=True)


def changed_stamp(verbose_name: Any = None) -> models.DateTimeField:
    """When the record last changed (uploaded, recorded...): set on every
    save."""
    return models.DateTimeField(verbose_name, auto_now=True)


def optional_moment(verbose_name: Any) -> models.DateTimeField:
    """The moment something happened to the record (read, closed,
    reviewed...): empty until it has."""
    return models.DateTimeField(verbose_name, null=True, blank=True)


def optional_date(verbose_name: Any) -> models.DateField:
    """A day that may be unknown or not set (a deadline, a day held, the day
    a reminder went out)."""
    return models.DateField(verbose_name, null=True, blank=True)


def one_per(*fields: str, name: str, **options: Any) -> models.UniqueConstraint:
    """At most one row per combination of ``fields`` (``condition`` limits
    it to some rows)."""
    return models.UniqueConstraint(fields=list(fields), name=name, **options)
