"""The one error family every write service raises.

Services take the acting user as the keyword-only ``actor`` and check, inside
the service, that the actor may do what is asked; they raise:

* ``Refused`` — the actor may not do this (a ``PermissionDenied``: the portal
  and the admin answer 403, the API 403 with the message). Nothing changed.
* ``Invalid`` — the data has problems (a ``ValidationError``). ``errors`` lists
  each as a ``SchemaError`` with the JSON Pointer of the value concerned and a
  translated reason, so a form shows it at its field, an import at its cell,
  and the API returns ``{"errors": [{"path", "reason", "keyword"}]}``.
  Nothing changed.

Existing exception classes of the apps subclass these two, so callers can
catch the family without knowing each app.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from plugins.schema_errors import SchemaError, json_pointer


class Refused(PermissionDenied):
    """The actor may not do this; nothing was changed."""


class Invalid(ValidationError):
    """The data has problems; nothing was changed.

    ``errors`` lists every problem (``SchemaError``: JSON Pointer ``path``,
    translated ``reason``, failing ``keyword``). As a Django
    ``ValidationError`` its ``message_dict`` is keyed by the same paths
    (``"/"`` for the whole document).
    """

    def __init__(self, errors: Iterable[SchemaError]):
        self.errors = list(errors)
        by_path: dict[str, list[str]] = {}
        for error in self.errors:
            by_path.setdefault(error.path or "/", []).append(error.reason)
        super().__init__(by_path)

    @classmethod
    def at(
        cls, location: Iterable[str | int], reason: str, keyword: str = "invalid"
    ) -> Invalid:
        """One problem at ``location`` (keys and indexes; empty: the whole)."""
        location = tuple(location)
        return cls(
            [
                SchemaError(
                    path=json_pointer(location),
                    location=location,
                    keyword=keyword,
                    reason=reason,
                )
            ]
        )

    def as_list(self) -> list[dict[str, Any]]:
        return [error.as_dict() for error in self.errors]


Where = str | int | tuple[str | int, ...]


def _location(where: Where) -> tuple[str | int, ...]:
    return where if isinstance(where, tuple) else (where,)


class Problems:
    """Collects a write's problems, each at its field (a name, or the keys and
    indexes of a nested value), and raises them together as one ``Invalid``.

    The value cleaners below add to it and return the cleaned value, so a
    service checks every field and reports every problem at once::

        problems = Problems()
        day = problems.date(data.get("held_on"), "held_on", required=True)
        title = problems.text(data.get("title"), "title", limit=200, required=True)
        problems.raise_any()
    """

    def __init__(self) -> None:
        self.errors: list[SchemaError] = []

    def __bool__(self) -> bool:
        return bool(self.errors)

    def add(self, where: Where, reason: str, keyword: str = "invalid") -> None:
        location = _location(where)
        self.errors.append(
            SchemaError(
                path=json_pointer(location),
                location=location,
                keyword=keyword or "invalid",
                reason=reason,
            )
        )

    def extend(self, prefix: Where, errors: Iterable[SchemaError]) -> None:
        """Add ``errors`` of a nested value, their locations under ``prefix``."""
        for error in errors:
            self.add((*_location(prefix), *error.location), error.reason, error.keyword)

    def raise_any(self) -> None:
        if self.errors:
            raise Invalid(self.errors)

    # -- value cleaners -----------------------------------------------------

    def text(
        self, value: Any, where: Where, *, limit: int, required: bool = False
    ) -> str:
        """``value`` as stripped text; required and length checked."""
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.add(where, _("This field is required."), "required")
        if len(text) > limit:
            self.add(where, _("At most %(n)d characters.") % {"n": limit}, "maxLength")
        return text

    def date(
        self,
        value: Any,
        where: Where,
        *,
        required: bool = False,
        required_message: str | None = None,
    ) -> datetime.date | None:
        """``value`` as a date (a date, or text as YYYY-MM-DD); None if empty."""
        if value in (None, ""):
            if required:
                self.add(
                    where, required_message or _("This field is required."), "required"
                )
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.add(where, _("Enter a date as YYYY-MM-DD."))
            return None

    def choice(self, value: Any, allowed: Iterable[str], where: Where) -> Any:
        """``value`` if it is one of ``allowed``; None when empty or not."""
        if value in (None, ""):
            return None
        if value not in list(allowed):
            self.add(where, _("Choose one of the offered values."))
            return None
        return value


def apply_errors(
    form: Any,
    error: ValidationError,
    *,
    rename: dict[str, str] | None = None,
    formsets: dict[str, Any] | None = None,
) -> None:
    """Show a service's error on ``form``, each problem at its field — the one
    way the portal's and the admin's forms do.

    An ``Invalid``'s problems go to the field their location starts with; a
    ``ValidationError`` with a dict to the fields it names; anything not a
    field of the form (and a plain message) above the form. ``rename`` maps a
    service's name to the form's field (``{"file": "photos"}``); ``formsets``
    puts a problem located ``(name, index, field)`` on that form of the
    formset called ``name``.
    """
    rename = rename or {}
    formsets = formsets or {}

    def add(name: str, message: Any) -> None:
        name = rename.get(name, name)
        form.add_error(name if name in form.fields else None, message)

    if isinstance(error, Invalid):
        for problem in error.errors:
            location = tuple(problem.location)
            formset = formsets.get(str(location[0])) if len(location) == 3 else None
            if formset is not None and int(location[1]) < len(formset.forms):
                row, name = formset.forms[int(location[1])], str(location[2])
                row.add_error(name if name in row.fields else None, problem.reason)
                continue
            add(str(location[0]) if location else "", problem.reason)
    elif hasattr(error, "error_dict"):
        for name, items in error.error_dict.items():
            for item in items:
                add(name, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


def show_messages(request: Any, error: ValidationError) -> None:
    """Show a service's problems as messages on the next page — for a step
    posted without a form (a button, a decision)."""
    from django.contrib import messages

    if isinstance(error, Invalid):
        reasons = [problem.reason for problem in error.errors]
    else:
        reasons = error.messages
    for reason in reasons:
        messages.error(request, reason)
