"""Figures over a whole scope, kept for a while per worker.

A government dashboard or the four-colour map of a province's committee
office aggregates every enterprise, risk point and hazard of its scope: a
bounded number of queries, but each reads the scope. Such a result is kept in
Django's cache for ``seconds`` under the scope's identity (role, office,
territory, industries — every user of one office shares it), the language
(labels are translated) and the request's own parts (filters). The price is
stated where it is used: the figures may be that many seconds old; the first
request after they expire pays the full cost (docs/performance.md).

With ``seconds`` 0 (the tests) nothing is kept: every call computes.
``cached`` is the keeping itself, for figures whose identity is not a scope
(``core.risks.selectors.risk_level_counts`` keys them by their query's SQL).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

if TYPE_CHECKING:  # the base layer imports no app at run time
    from core.organizations.scope import Scope

T = TypeVar("T")


def scope_key(scope: Scope) -> tuple[Any, ...]:
    """What makes two users' scopes the same: users of one office share it."""
    return (
        scope.role,
        scope.department.pk if scope.department is not None else None,
        scope.enterprise_id,
        scope.jurisdiction_path,
        tuple(sorted(scope.industry_ids)),
    )


def scope_cached(
    namespace: str,
    scope: Scope,
    parts: Any,
    seconds: int,
    compute: Callable[[], T],
) -> T:
    """``compute()``, or its result kept for ``seconds`` for this scope,
    language and ``parts``."""
    if not seconds:
        return compute()
    return cached(
        namespace, (scope_key(scope), get_language(), parts), seconds, compute
    )


def cached(namespace: str, identity: Any, seconds: int, compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept for ``seconds`` under ``namespace`` and
    the ``repr`` of ``identity`` (hashed); with ``seconds`` 0, always computed."""
    if not seconds:
        return compute()
    key = f"{namespace}:{hashlib.sha256(repr(identity).encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found
