"""``text_contains`` and ``text_startswith``: ``icontains`` and
``istartswith`` that a trigram index serves on PostgreSQL.

Django writes ``icontains`` as ``UPPER(col::text) LIKE UPPER('%…%')`` on
PostgreSQL: a ``gin_trgm_ops`` index on the column serves neither the match
nor the planner's estimate of it (it guesses one row, then sorts what a
sequential scan finds). ``ILIKE '%…%'`` is served by the index and estimated
from its statistics, so a list can walk its order's index when the matches
are many and use the trigram index when they are few (docs/performance.md).
The same holds for ``istartswith`` (``ILIKE '…%'``).
A term with no letter that has a case (Chinese, digits) is written ``LIKE``:
the same rows, and PostgreSQL tests each row two to three times faster than
with ``ILIKE`` (which folds the case of every multibyte character). Elsewhere
(SQLite) they are exactly ``icontains`` and ``istartswith``.

Registered on ``CharField`` and ``TextField`` when this module is imported.
"""

from __future__ import annotations

from django.db.models import CharField, TextField
from django.db.models.lookups import IContains, IStartsWith, Lookup


def _ilike(lookup, compiler, connection):
    lhs_sql, lhs_params = lookup.process_lhs(compiler, connection)
    rhs_sql, rhs_params = lookup.process_rhs(compiler, connection)
    folds = not rhs_params or any(map(has_case, rhs_params))
    operator = "ILIKE" if folds else "LIKE"
    return f"{lhs_sql} {operator} {rhs_sql}", (*lhs_params, *rhs_params)


class _CaseAware(Lookup):
    """``ILIKE`` or ``LIKE`` on PostgreSQL, the ``plain`` lookup elsewhere."""

    plain: type[Lookup]
    as_postgresql = _ilike

    def as_sql(self, compiler, connection):
        # A fresh ``plain`` lookup: the backend's operator is looked up by its
        # ``lookup_name``, which this lookup's own name is not.
        return self.plain(self.lhs, self.rhs).as_sql(compiler, connection)


@CharField.register_lookup
@TextField.register_lookup
class TextContains(_CaseAware, IContains):
    lookup_name = "text_contains"
    plain = IContains


@CharField.register_lookup
@TextField.register_lookup
class TextStartsWith(_CaseAware, IStartsWith):
    lookup_name = "text_startswith"
    plain = IStartsWith


def has_case(value: object) -> bool:
    """Whether ``value`` holds a character whose case can be folded."""
    text = str(value)
    return text.lower() != text.upper()
