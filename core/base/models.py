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
a day or a moment that may not have come yet, ``coordinate`` a latitude or
a longitude, ``one_per`` the constraint
"at most one row per these values". Their fields are defined exactly as the apps
defined them, so adopting one changes no migration.

``NamedRecord`` and ``TitledRecord`` are the ``__str__`` of the many records
shown (admin lists, choosers, logs) by their ``name`` or their ``title``;
``NamedPerEnterprise`` is an enterprise's named things (risk points, major
hazard sources, monitoring devices and sensors) listed by enterprise, then
name; ``NewestFirst`` the records listed newest first by ``created_at``;
``UpdatedBy`` who last changed a setting, and when. A child that declares its
own ``Meta`` subclasses the base's (``class Meta(NewestFirst.Meta)``) to keep
its ordering.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.expressions import Combinable
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


class UpdatedBy(UpdatedAt):
    """Who changed the record last (a setting, a configured value), and when."""

    updated_by = user_stamp(_("updated by"))

    class Meta:
        abstract = True


class NewestFirst(CreatedAt):
    """A record listed newest first; a child may declare its own
    ``created_at`` under another name (sent at, drawn at)."""

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class NamedRecord(models.Model):
    """A record shown by its ``name`` (a field or a property of the child).

    The tree nodes and the enterprise keep their own ``__str__``: their
    library bases are untyped, and a typed base beside them would change what
    the type checker infers for their queries in the services."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class TitledRecord(models.Model):
    """A record shown by its ``title`` (a field or a property of the child)."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class NamedPerEnterprise(NamedRecord):
    """A named thing of an enterprise, listed by enterprise, then by name."""

    class Meta:
        abstract = True
        ordering = ["enterprise_id", "name", "pk"]


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


def coordinate(
    verbose_name: Any, bound: int
) -> models.DecimalField[str | float | Decimal | Combinable | None, Decimal | None]:
    """A latitude (``bound`` 90) or a longitude (``bound`` 180) in degrees,
    to six decimals (about 0.1 m); empty where unknown."""
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-bound), MaxValueValidator(bound)],
    )


def one_per(*fields: str, name: str, **options: Any) -> models.UniqueConstraint:
    """At most one row per combination of ``fields`` (``condition`` limits
    it to some rows)."""
    return models.UniqueConstraint(fields=list(fields), name=name, **options)
