"""Extra filters of the map, contributed by other apps.

The map's own filters (industry, territory, level, open major hazards,
overdue hazards) are in ``core.supervision.selectors``. Another app adds one
by registering a function at start-up (in its ``AppConfig.ready``)::

    from core.supervision.map_filters import register_map_filter

    def in_alarm(enterprises, value, scope):
        return enterprises.filter(pk__in=Alarm.objects.open().values("enterprise"))

    register_map_filter("alarm", in_alarm, label=_("In alarm"))

The map API then accepts ``?alarm=1`` and the map page shows a check box.
A filter must narrow the queryset with a condition or a sub-query (no
evaluated list), so the map stays one query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from core.organizations.scope import Scope

MapFilterFunction = Callable[[QuerySet, str, Scope], QuerySet]


@dataclass(frozen=True)
class MapFilter:
    name: str
    function: MapFilterFunction
    label: Any


_FILTERS: dict[str, MapFilter] = {}
RESERVED = frozenset(
    {"industry", "territory", "level", "major", "overdue", "format", "lang"}
)


def register_map_filter(name: str, function: MapFilterFunction, *, label: Any) -> None:
    """Add the query parameter ``name`` to the map, applied by ``function``."""
    if name in RESERVED:
        raise ValueError(f"{name!r} is one of the map's own filters")
    _FILTERS[name] = MapFilter(name=name, function=function, label=label)


def unregister_map_filter(name: str) -> None:
    _FILTERS.pop(name, None)


def map_filters() -> tuple[MapFilter, ...]:
    return tuple(_FILTERS.values())
