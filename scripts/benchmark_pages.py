"""How the benchmark's pages are addressed: ``Page`` and the functions that
build a page's URL from the seeded world (``scripts/benchmark.py`` lists
the pages, ``PAGES``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.world.bench import BenchWorld


@dataclass(frozen=True)
class Page:
    """One request to measure: a URL (from the world), for these users."""

    key: str
    title: str
    url: Callable[[BenchWorld], str]
    users: tuple[str, ...]
    body: dict[str, Any] | None = None  # a POST with this JSON body


def _reverse(name: str, *args: Any) -> Callable[[BenchWorld], str]:
    def url(world: BenchWorld) -> str:
        from django.urls import reverse

        return reverse(name, args=args)

    return url


def _path(path: str) -> Callable[[BenchWorld], str]:
    return lambda world: path.format(form=world.form_key)


def _last_cursor(kind: str) -> Callable[[BenchWorld], str]:
    """The committee's last page of a cursor list (risk points or the
    checklist's submissions): the cursor of the row before the last 50."""

    def url(world: BenchWorld) -> str:
        from core.base.keyset import encode_cursor, ordering_of
        from core.forms.selectors import submission_list
        from core.organizations.scope import scope_for
        from core.risks.selectors import risk_point_list

        scope = scope_for(world.users["committee"])
        if kind == "risk_points":
            queryset = risk_point_list(scope=scope)
            path = "/api/v1/risk-points/"
        else:
            queryset = submission_list(scope=scope).filter(
                definition__key=world.form_key
            )
            path = f"/api/v1/forms/{world.form_key}/submissions/"
        fields = ordering_of(queryset)
        backwards = [f[1:] if f.startswith("-") else f"-{f}" for f in fields]
        row = queryset.order_by(*backwards).values(*[f.lstrip("-") for f in fields])[
            min(50, queryset.count() - 1)
        ]
        cursor = encode_cursor([row[f.lstrip("-")] for f in fields])
        return f"{path}?cursor={cursor}"

    return url


def _admin_deep(name: str) -> Callable[[BenchWorld], str]:
    """The committee's deepest admin page (the count stops at 10,000 rows)."""

    def url(world: BenchWorld) -> str:
        from django.urls import reverse

        from core.base.keyset import COUNT_LIMIT

        rows = (
            world.counts["risk_points"]
            if name == "risk_points:index"
            else world.counts["submissions"]
        )
        pages = max(1, -(-min(rows, COUNT_LIMIT) // 50))
        return f"{reverse(name)}?p={pages}"

    return url


def _portal_last(world: BenchWorld) -> str:
    """The big enterprise's last page of the portal's risk list (its "Last"
    link: a cursor page read backwards from the end)."""
    from django.urls import reverse

    from core.base.keyset import LAST

    return f"{reverse('risks:list')}?cursor={LAST}"


def _big_enterprise(path: str) -> Callable[[BenchWorld], str]:
    return lambda world: path.format(enterprise=world.big_enterprise.pk)
