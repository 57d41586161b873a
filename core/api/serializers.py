"""The API's read serializers: every field read-only, and the row of an
enterprise (its id and name first).

The API reads through these; writes go through the apps' services with their
own request serializers. ``ReadSerializer`` marks every field of
``Meta.fields`` read-only (what ``read_only_fields = fields`` said in each
serializer); ``EnterpriseRowSerializer`` starts the fields with ``id``,
``enterprise`` and ``enterprise_name`` — a subclass lists its own after
``*EnterpriseRowSerializer.Meta.fields``.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class ReadSerializer(serializers.ModelSerializer):
    """A model serializer whose fields are all read-only."""

    def get_extra_kwargs(self) -> dict[str, Any]:
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra[name] = {**extra.get(name, {}), "read_only": True}
        return extra


class EnterpriseRowSerializer(ReadSerializer):
    """A record of an enterprise: its id, the enterprise and its name first."""

    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)

    class Meta:
        fields = ["id", "enterprise", "enterprise_name"]
