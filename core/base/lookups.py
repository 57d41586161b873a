"""``text_contains``: ``icontains`` that a trigram index serves on PostgreSQL.

Django writes ``icontains`` as ``UPPER(col::text) LIKE UPPER('%…%')`` on
PostgreSQL: a ``gin_trgm_ops`` index on the column serves neither the match
nor the planner's estimate of it (it guesses one row, then sorts what a
sequential scan finds). ``ILIKE '%…%'`` is served by the index and estimated
from its statistics, so a list can walk its order's index when the matches
are many and use the trigram index when they are few (docs/performance.md).
A term with no letter that has a case (Chinese, digits) is written ``LIKE``:
the same rows, and PostgreSQL tests each row two to three times faster than
with ``ILIKE`` (which folds the case of every multibyte character). Elsewhere
(SQLite) it is exactly ``icontains``.

Registered on ``CharField`` and ``TextField`` when this module is imported.
"""

from __future__ import annotations

from django.db.models import CharField, TextField
from django.db.models.lookups import IContains


@CharField.register_lookup
@TextField.register_lookup
class TextContains(IContains):
    lookup_name = "text_contains"

    def as_sql(self, compiler, connection):
        return IContains(self.lhs, self.rhs).as_sql(compiler, connection)

    def as_postgresql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        folds = not rhs_params or any(map(has_case, rhs_params))
        operator = "ILIKE" if folds else "LIKE"
        return f"{lhs_sql} {operator} {rhs_sql}", (*lhs_params, *rhs_params)


def has_case(value: object) -> bool:
    """Whether ``value`` holds a character whose case can be folded."""
    text = str(value)
    return text.lower() != text.upper()
