"""The one keeping of computed figures: by scope (``scope_cached``) and by any
identity (``cached``, the risk level counts)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from core.base.scope_cache import cached


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _counter():
    calls = []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    return calls, compute


def test_kept_for_the_same_identity_and_computed_for_another():
    calls, compute = _counter()
    assert cached("t", ("sql", (1,)), 60, compute) == {"n": 1}
    assert cached("t", ("sql", (1,)), 60, compute) == {"n": 1}
    assert len(calls) == 1
    assert cached("t", ("sql", (2,)), 60, compute) == {"n": 2}
    assert cached("other", ("sql", (1,)), 60, compute) == {"n": 3}


def test_nothing_kept_without_seconds():
    calls, compute = _counter()
    cached("t", "same", 0, compute)
    cached("t", "same", 0, compute)
    assert len(calls) == 2
