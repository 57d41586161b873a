"""What the API's serializers share: fields built once per class.

DRF's ``ModelSerializer`` builds its fields from the model on every
instantiation — for each field the model field's options, validators,
choices and translated label — which a list pays on every request
(1–2 ms of CPU for a row of twenty fields, more than the floor request's
whole view). ``FieldsOnce`` builds them once per serializer class and
language and gives each instance a deep copy, which is what DRF already does
with the declared fields: the same field classes with the same arguments,
unbound, so every instance binds its own.
"""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import get_language

#: (serializer class, language) → its unbound fields, as ``get_fields`` built them.
_BUILT: dict[tuple[type, str | None], dict[str, Any]] = {}


class FieldsOnce:
    """A serializer mixin (before ``serializers.ModelSerializer``): its
    fields are built once per class and language and copied for each
    instance. Only for serializers whose fields depend on their class alone
    (``Meta``, declared fields), not on the instance, its context or the
    request — a class overriding ``get_fields`` is refused."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "get_fields" in cls.__dict__:
            raise TypeError(
                f"{cls.__name__} overrides get_fields: its fields are not the "
                "class's alone, FieldsOnce would keep the first ones built."
            )

    def get_fields(self) -> dict[str, Any]:
        key = (type(self), get_language())
        built = _BUILT.get(key)
        if built is None:
            built = super().get_fields()  # type: ignore[misc]
            _BUILT[key] = built
        return copy.deepcopy(built)
