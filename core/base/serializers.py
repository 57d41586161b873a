"""What the API's serializers share: fields built once per class, read-only
serializers, and the row of an enterprise.

DRF's ``ModelSerializer`` builds its fields from the model on every
instantiation — for each field the model field's options, validators,
choices and translated label — which a list pays on every request
(1–2 ms of CPU for a row of twenty fields, more than the floor request's
whole view). ``FieldsOnce`` builds them once per serializer class and
language and gives each instance a deep copy, which is what DRF already does
with the declared fields: the same field classes with the same arguments,
unbound, so every instance binds its own.

The API reads through ``ReadSerializer``; writes go through the apps'
services with their own request serializers. ``ReadSerializer`` marks every
field of ``Meta.fields`` read-only (what ``read_only_fields = fields`` said in
each serializer) and builds its fields once; ``EnterpriseRowSerializer``
starts the fields with ``id``, ``enterprise`` and ``enterprise_name`` — a
subclass lists its own after ``*EnterpriseRowSerializer.Meta.fields``.
``related`` declares the read-only field of a value found through the row's
relations, the one kind of declared field most serializers have.
"""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import get_language
from rest_framework import serializers

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


class ReadSerializer(FieldsOnce, serializers.ModelSerializer):
    """A model serializer whose fields are all read-only (built once)."""

    def get_extra_kwargs(self) -> dict[str, Any]:
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra[name] = {**extra.get(name, {}), "read_only": True}
        return extra


def related(
    source: str,
    field: type[serializers.Field] = serializers.CharField,
    *,
    optional: bool = False,
    **kwargs: Any,
) -> serializers.Field:
    """A read-only ``field`` (text unless told) showing ``source``, a dotted
    path through the row's relations (``"plan.title"``); ``optional``: a
    relation on the way may be empty, and the value is then ``None``. Other
    arguments go to the field (``max_digits``, a ``default`` of its own)."""
    if optional:
        kwargs["default"] = None
    return field(source=source, read_only=True, **kwargs)


class EnterpriseRowSerializer(ReadSerializer):
    """A record of an enterprise: its id, the enterprise and its name first."""

    enterprise_name = related("enterprise.name")

    class Meta:
        fields = ["id", "enterprise", "enterprise_name"]
