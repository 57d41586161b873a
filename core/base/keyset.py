"""Keyset (cursor) pages and bounded counts for lists that span a scope.

A list's order is a tuple of columns that ends with the primary key (a total
order), served by an index. A page after a cursor is read with a condition on
that tuple (``(a, b, pk) > (x, y, z)`` expanded into ``a >= x AND (a > x OR
(a = x AND ...))``), so the database walks the index from the cursor and
reads one page whatever the depth: no OFFSET, no sort of the whole scope.
Rows added or removed between two requests neither repeat nor skip rows.

Counts stop at ``COUNT_LIMIT`` + 1 rows; beyond it the list says "10,000+"
and, on PostgreSQL, the planner's estimate (docs/performance.md).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import decimal
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Q, QuerySet

COUNT_LIMIT = 10_000


# -- the order ---------------------------------------------------------------------


def ordering_of(queryset: QuerySet) -> list[str]:
    """The queryset's order as field names (``-`` for descending), ending with
    the primary key so that it is total."""
    fields = [str(name) for name in queryset.query.order_by]
    if not fields:
        fields = [str(name) for name in queryset.model._meta.ordering]
    names = {name.lstrip("-") for name in fields}
    if not names & {"pk", "id"}:
        last_desc = bool(fields) and fields[-1].startswith("-")
        fields.append("-pk" if last_desc else "pk")
    return fields


def _value_of(row: Any, name: str) -> Any:
    if isinstance(row, dict):
        # A ``values()`` row: the order's columns are among its keys ("id"
        # standing for "pk").
        key = name.lstrip("-")
        return row[key] if key in row else row["id" if key == "pk" else key]
    value = row
    for part in name.lstrip("-").replace("__", ".").split("."):
        value = getattr(value, "pk" if part == "pk" else part)
        if hasattr(value, "_meta"):
            value = value.pk
    return value


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"d": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"n": str(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((kind, text),) = value.items()
        if kind == "t":
            return datetime.datetime.fromisoformat(text)
        if kind == "d":
            return datetime.date.fromisoformat(text)
        if kind == "n":
            return decimal.Decimal(text)
        raise ValueError(kind)
    if value is None or isinstance(value, dict | list):
        raise ValueError("not a scalar")
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise ValueError("out of range")  # no database column holds it
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not finite")
    return value


def _lookup(name: str) -> str:
    return name.lstrip("-")


def after(queryset: QuerySet, fields: list[str], values: list[Any]) -> QuerySet:
    """The rows of ``queryset`` strictly after ``values`` in the order
    ``fields`` (a row-value comparison, written so an index range serves it)."""
    condition = Q()
    for index in reversed(range(len(fields))):
        name = _lookup(fields[index])
        op = "lt" if fields[index].startswith("-") else "gt"
        step = Q(**{f"{name}__{op}": values[index]})
        if index < len(fields) - 1:
            step |= Q(**{name: values[index]}) & condition
        condition = step
    first = _lookup(fields[0])
    bound = "lte" if fields[0].startswith("-") else "gte"
    return queryset.filter(Q(**{f"{first}__{bound}": values[0]}) & condition)


def _reverse(fields: list[str]) -> list[str]:
    return [name[1:] if name.startswith("-") else f"-{name}" for name in fields]


# -- cursors ------------------------------------------------------------------------


class BadCursor(ValueError):
    """The cursor parameter is not one this list gave out."""


def encode_cursor(values: list[Any], *, backwards: bool = False) -> str:
    payload: dict[str, Any] = {"v": [_encode(v) for v in values]}
    if backwards:
        payload["b"] = 1
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, length: int) -> tuple[list[Any], bool]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        values = [_decode(v) for v in payload["v"]]
        backwards = bool(payload.get("b"))
    except (ValueError, KeyError, TypeError, binascii.Error, AttributeError):
        raise BadCursor(cursor) from None
    if len(values) != length:
        raise BadCursor(cursor)
    return values, backwards


@dataclass
class KeysetPage:
    rows: list[Any]
    next_cursor: str | None
    previous_cursor: str | None


#: The cursor of a list's last page: its last ``size`` rows, read by walking
#: the order backwards from the end (as cheap as the first page).
LAST = "last"


def keyset_page(queryset: QuerySet, cursor: str | None, size: int) -> KeysetPage:
    """One page of ``queryset`` (ordered) after or before ``cursor``.

    Reads ``size + 1`` rows to know whether another page follows; raises
    ``BadCursor`` for a cursor that does not fit the order. ``LAST`` asks
    for the last page.
    """
    fields = ordering_of(queryset)
    backwards = False
    try:
        if cursor == LAST:
            backwards = True
            chunk = queryset.order_by(*_reverse(fields))
        elif cursor:
            values, backwards = decode_cursor(cursor, len(fields))
            if backwards:
                chunk = after(
                    queryset.order_by(*_reverse(fields)), _reverse(fields), values
                )
            else:
                chunk = after(queryset.order_by(*fields), fields, values)
        else:
            chunk = queryset.order_by(*fields)
        rows = list(chunk[: size + 1])
    except (ValueError, TypeError, decimal.InvalidOperation, ValidationError):
        # A cursor value of the wrong type for its column (Django checks it
        # when the condition is built, or the database when it is read).
        raise BadCursor(cursor or "") from None
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    if not rows:
        return KeysetPage(rows, None, None)
    last = [_value_of(rows[-1], name) for name in fields]
    first = [_value_of(rows[0], name) for name in fields]
    next_cursor: str | None
    previous_cursor: str | None
    if backwards:
        next_cursor = None if cursor == LAST else encode_cursor(last)
        previous_cursor = encode_cursor(first, backwards=True) if more else None
    else:
        next_cursor = encode_cursor(last) if more else None
        previous_cursor = encode_cursor(first, backwards=True) if cursor else None
    return KeysetPage(rows, next_cursor, previous_cursor)


def keyset_page_joined(
    queryset: QuerySet,
    cursor: str | None,
    size: int,
    *,
    read: Callable[[QuerySet], Iterable[Any]] | None = None,
) -> KeysetPage:
    """``keyset_page``, with the joins read for the page only.

    The page is found on the queryset's own table — the order's columns and
    the key, its conditions (the scope's sub-query), none of its
    ``select_related`` joins — then its rows are read by key with those joins,
    deferrals and prefetches, or with ``read`` (e.g. a ``values()`` of the
    row's columns: what it returns for the page's keys is the page). The
    planner then never weighs the joins together with a scope's sub-query
    (for a department's alarms that planning cost more than reading the
    page). One query more.
    """
    fields = ordering_of(queryset)
    columns = list(dict.fromkeys(name.lstrip("-") for name in fields))
    narrow = queryset.select_related(None).prefetch_related(None).values(*columns)
    page = keyset_page(narrow, cursor, size)
    keys = [_value_of(row, "pk") for row in page.rows]
    rows = queryset.model._base_manager.filter(pk__in=keys)
    if read is not None:
        found = {_value_of(row, "pk"): row for row in read(rows)}
        page.rows = [found[key] for key in keys if key in found]
        return page
    rows.query.select_related = queryset.query.select_related
    rows.query.deferred_loading = queryset.query.deferred_loading
    prefetched = queryset._prefetch_related_lookups  # type: ignore[attr-defined]
    found = {row.pk: row for row in rows.prefetch_related(*prefetched)}
    # A row removed between the two reads is simply not on the page.
    page.rows = [found[key] for key in keys if key in found]
    return page


# -- bounded counts ---------------------------------------------------------------


@dataclass(frozen=True)
class BoundedCount:
    """How many rows a list has: exact up to ``COUNT_LIMIT``; beyond it
    ``exact`` is false, ``value`` is the limit and ``estimate`` the
    planner's estimate (PostgreSQL) or ``None``."""

    value: int
    exact: bool
    estimate: int | None = None

    def __str__(self) -> str:
        if self.exact:
            return f"{self.value:,}"
        # Not exact: ``value`` is the bound the count stopped at.
        if self.estimate:
            return f"{self.value:,}+ (≈{self.estimate:,})"
        return f"{self.value:,}+"


def bounded_count(queryset: QuerySet, limit: int = COUNT_LIMIT) -> BoundedCount:
    """Count at most ``limit`` + 1 rows of ``queryset`` (one query), and ask
    PostgreSQL's planner for an estimate beyond that (one more)."""
    plain = queryset.order_by()
    found = plain.values("pk")[: limit + 1].count()
    if found <= limit:
        return BoundedCount(found, True)
    return BoundedCount(limit, False, planner_estimate(plain))


def planner_estimate(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the number of rows (``None`` elsewhere)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)  # noqa: S608
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


__all__ = [
    "COUNT_LIMIT",
    "LAST",
    "BadCursor",
    "BoundedCount",
    "KeysetPage",
    "after",
    "bounded_count",
    "keyset_page",
    "keyset_page_joined",
    "ordering_of",
    "planner_estimate",
]
