"""Figures over a whole scope, kept and refreshed ahead of the requests.

A government dashboard or the four-colour map of a province's committee
office aggregates every enterprise, risk point and hazard of its scope: a
bounded number of queries, but each reads the scope. Such a result is kept in
Django's cache under the scope's identity (role, office, territory,
industries — every user of one office shares it), the language (labels are
translated) and the request's own parts (filters, the day): a value is never
served to a scope other than the one it was computed for.

**Refresh ahead** (stale-while-revalidate). A kept value carries the time it
was computed. Younger than ``seconds`` (its freshness) it is served as it is;
older, it is still served at once, and the request queues one background
job (``core.jobs.tasks.refresh_kept_figure``; a lock taken with
``cache.add`` lets only one request of all workers queue it) that recomputes
the figure and replaces it. A value is dropped only ``KEEP_FACTOR`` times
its freshness after it was computed (the hard limit: when no worker ran the
refresh); the next request then computes it itself. So once a figure has
been computed no request pays its cost again while the workers run, and a
user may see figures up to ``seconds`` plus the refresh's own time old.

A job cannot carry a closure: the computing functions are registered by
namespace (``@figure("supervision:dashboard")``) and called as
``function(scope, parts)``, with ``parts`` JSON values, so the job carries
the namespace, the scope's identity, the language and the parts, and runs
the same function under the same scope and language
(``core.organizations.scope.scope_from_key`` rebuilds the scope from its
identity alone; the value is written under the key of that identity).

Refresh ahead needs two things, and without either a figure is kept for
``seconds`` and recomputed by the first request after it expires, as
before: the job machinery's refresher (``refresh_through``, set by the jobs
app) and a cache the web workers share with the job workers
(``SAFEGRID_REFRESH_AHEAD``: off for a per-process memory cache, whose
refreshed value a web worker would never see). With ``seconds`` 0 (the
tests) nothing is kept: every call computes.

``cached`` is the plain keeping, for figures whose identity is not a scope
(``core.risks.selectors.risk_level_counts`` keys them by their query's SQL,
which a job cannot rebuild): kept ``seconds``, then computed again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

if TYPE_CHECKING:  # the base layer imports no app at run time
    from core.organizations.scope import Scope

T = TypeVar("T")

#: A kept value is dropped this many times its freshness after it was
#: computed: past that, when no refresh has replaced it, a request computes.
KEEP_FACTOR = 4

#: namespace → the function computing its figures, ``function(scope, parts)``.
FIGURES: dict[str, Callable[[Any, Any], Any]] = {}

#: Queues a refresh: ``refresher(namespace, module, identity, seconds)``.
_refresher: Callable[[str, str, list[Any], int], None] | None = None


def figure(namespace: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Register ``function(scope, parts)`` as the computation of
    ``namespace``'s kept figures (``scope_cached``)."""

    def register(function: Callable[..., T]) -> Callable[..., T]:
        FIGURES[namespace] = function
        return function

    return register


def refresh_through(refresher: Callable[[str, str, list[Any], int], None]) -> None:
    """Set what queues a background refresh (the jobs app does, at start-up)."""
    global _refresher
    _refresher = refresher


def scope_key(scope: Scope) -> tuple[Any, ...]:
    """What makes two users' scopes the same: users of one office share it."""
    return (
        scope.role,
        scope.department.pk if scope.department is not None else None,
        scope.enterprise_id,
        scope.jurisdiction_path,
        tuple(sorted(scope.industry_ids)),
    )


def scope_cached(namespace: str, scope: Scope, parts: Any, seconds: int) -> Any:
    """The figures of ``namespace`` (its registered function) for this scope,
    language and ``parts`` (JSON values): kept and refreshed ahead; with
    ``seconds`` 0, always computed."""
    function = FIGURES[namespace]
    if not seconds:
        return function(scope, parts)
    identity = [list(scope_key(scope)), get_language(), parts]
    refresh = None
    if _refresher is not None and getattr(settings, "SAFEGRID_REFRESH_AHEAD", False):
        refresher = _refresher
        module = function.__module__

        def refresh() -> None:
            refresher(namespace, module, identity, seconds)

    return _kept(
        _key(namespace, identity), seconds, lambda: function(scope, parts), refresh
    )


def refresh(
    namespace: str, module: str, scope: Scope, identity: list[Any], seconds: int
) -> bool:
    """Recompute a kept figure (the refresh job, in the identity's language):
    ``scope`` is rebuilt from the identity's scope key and must match it.
    False when the kept value is still fresh (another refresh or a request
    computed it since), True when recomputed."""
    if namespace not in FIGURES:
        import_module(module)  # registers the figure in a worker process
    function = FIGURES[namespace]
    _scope_identity, language, parts = identity
    # The key is made from the scope and language the value is computed
    # under: it can only be the identity's own.
    key = _key(namespace, [list(scope_key(scope)), get_language(), parts])
    if key != _key(namespace, identity):
        raise ValueError(f"{namespace}: the scope or language is not the key's")
    try:
        found = cache.get(key)
        if found is not None and time.time() - found[0] < seconds:
            return False
        value = function(scope, parts)
        cache.set(key, (time.time(), value), seconds * KEEP_FACTOR)
    finally:
        cache.delete(f"{key}:refreshing")
    return True


def cached(namespace: str, identity: Any, seconds: int, compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept for ``seconds`` under ``namespace`` and
    the ``repr`` of ``identity`` (hashed); with ``seconds`` 0, always computed."""
    if not seconds:
        return compute()
    digest = hashlib.sha256(repr(identity).encode()).hexdigest()
    return _kept(f"{namespace}:{digest}", seconds, compute, None)


def _key(namespace: str, identity: list[Any]) -> str:
    text = json.dumps(identity, sort_keys=True, separators=(",", ":"))
    return f"{namespace}:{hashlib.sha256(text.encode()).hexdigest()}"


def _kept(
    key: str,
    seconds: int,
    compute: Callable[[], T],
    refresh: Callable[[], None] | None,
) -> T:
    """The value kept under ``key`` as ``(computed at, value)``.

    Fresh: served. Stale, with a ``refresh``: served, and the first request
    to take the lock queues the refresh. Missing (never computed, or past the
    hard limit), or stale without a ``refresh``: computed here and kept."""
    found = cache.get(key)
    if found is not None:
        computed_at, value = found
        age = time.time() - computed_at
        if age < seconds:
            return value
        if refresh is not None and age < seconds * KEEP_FACTOR:
            # The lock outlives a normal refresh; if the job is lost, it
            # expires and a later request queues another.
            if cache.add(f"{key}:refreshing", True, seconds):
                refresh()
            return value
    value = compute()
    cache.set(key, (time.time(), value), seconds * KEEP_FACTOR if refresh else seconds)
    return value
