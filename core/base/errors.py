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

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

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
