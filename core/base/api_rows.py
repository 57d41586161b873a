"""What the API's lists written by hand from plain rows share.

A list page read as model instances and walked through DRF serializers
spends most of its time building and walking objects, not in the database
(docs/performance.md). The lists that matter read their page with
``values()`` and write each row as a dict in exactly the shape of their
serializer — which the detail view and the OpenAPI schema keep; a test per
list compares the two row by row (``serializer_rows``). Used by the risk
point, submission and enterprise lists (``core.risks.api_rows``,
``core.forms.api_rows``, ``core.organizations.api_rows``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Model, OuterRef, Subquery
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

# DRF's own field, so that dates read exactly as the serializer writes them
# (ISO 8601 in the current time zone, "Z" for UTC).
_DATETIME = serializers.DateTimeField()


def datetime_text(value: Any) -> str | None:
    """A date and time as the serializers write it (``None`` when empty)."""
    return _DATETIME.to_representation(value) if value else None


def name_of(model: type[Model], key: str) -> Subquery:
    """The ``name`` of the ``model`` row whose key is the column ``key``,
    read per row: for a page already chosen by key, where a join would be
    planned over the whole table."""
    return Subquery(model.objects.filter(pk=OuterRef(key)).values("name")[:1])


def grouped(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, list[Any]]:
    """``(key, value)`` pairs as the list of values of each key, in the
    pairs' order (e.g. the codes of each row's many-to-many, read as one
    ``values_list`` ordered by code)."""
    found: dict[Any, list[Any]] = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def serializer_rows(
    serializer_class: type[serializers.BaseSerializer], objects: Iterable[Any]
) -> list[dict[str, Any]]:
    """What ``serializer_class`` writes for ``objects``, through the API's
    JSON renderer and back: what a hand-written row must equal (tests)."""
    data = serializer_class(objects, many=True).data
    return json.loads(JSONRenderer().render(data))
