"""The one keeping of computed figures: by scope (``scope_cached``) and by any
identity (``cached``, the risk level counts)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import get_language, gettext

from core.base.scope_cache import (
    KEEP_FACTOR,
    cached,
    figure,
    refresh,
    scope_cached,
    scope_key,
)


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


# -- refresh ahead: a stale figure is served while a job recomputes it -------

SEEN: list[tuple] = []


@figure("test:figure")
def _figure(scope, parts):
    """Records under what it ran; returns how many times it ran, and the
    enterprises its scope sees (so a figure names the scope it is for)."""
    SEEN.append((scope_key(scope), get_language(), parts))
    return {
        "run": len(SEEN),
        "label": gettext("Industry"),
        "enterprises": sorted(scope.enterprises().values_list("name", flat=True)),
    }


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    from core.base import scope_cache

    found = Clock()
    monkeypatch.setattr(scope_cache, "time", found)
    SEEN.clear()
    return found


def queued():
    from django_tasks_db.models import DBTaskResult

    return list(
        DBTaskResult.objects.filter(
            task_path="core.jobs.tasks.refresh_kept_figure"
        ).values_list("args_kwargs", flat=True)
    )


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """A request for a figure: what it queues is queued when it ends."""

    def request(scope, parts, seconds=60):
        with django_capture_on_commit_callbacks(execute=True):
            return scope_cached("test:figure", scope, parts, seconds)

    return request


def _scopes(world):
    from core.organizations.scope import scope_for

    return scope_for(world.dept_chemicals), scope_for(world.dept_construction)


@pytest.mark.django_db
def test_a_stale_figure_is_served_and_one_refresh_queued(world, clock, ask):
    from core.jobs.worker import run_pending

    chemicals, _construction = _scopes(world)
    first = ask(chemicals, ["a"])
    assert first["run"] == 1 and first["enterprises"] == ["甲化工有限公司"]
    clock.now += 30
    assert ask(chemicals, ["a"]) == first
    assert queued() == []  # fresh: nothing to refresh
    clock.now += 40  # 70 s old: stale
    assert ask(chemicals, ["a"]) == first
    assert ask(chemicals, ["a"]) == first
    assert len(SEEN) == 1  # no request computed it again
    assert len(queued()) == 1  # and only one refresh was queued
    assert run_pending() == 1
    fresh = ask(chemicals, ["a"])
    assert fresh["run"] == 2 and fresh["enterprises"] == ["甲化工有限公司"]
    assert len(SEEN) == 2
    # The lock went with the refresh: the next staleness queues again.
    clock.now += 61
    ask(chemicals, ["a"])
    assert len(queued()) == 2


@pytest.mark.django_db
def test_a_refresh_that_finds_the_figure_fresh_computes_nothing(world, clock, ask):
    from core.jobs.worker import run_pending

    chemicals, _construction = _scopes(world)
    ask(chemicals, ["a"])
    clock.now += 70
    ask(chemicals, ["a"])  # queues a refresh
    run_pending()
    from core.jobs.tasks import refresh_kept_figure

    # A second refresh of the same figure (a retry, a lost lock) is idempotent.
    identity = [list(scope_key(chemicals)), "zh-hans", ["a"]]
    refresh_kept_figure.enqueue("test:figure", __name__, identity, 60)
    run_pending()
    assert len(SEEN) == 2


@pytest.mark.django_db
def test_past_the_hard_limit_a_request_computes(world, clock, ask):
    chemicals, _construction = _scopes(world)
    ask(chemicals, ["a"])
    clock.now += 60 * KEEP_FACTOR + 1  # no worker refreshed it
    again = ask(chemicals, ["a"])
    assert again["run"] == 2 and len(SEEN) == 2
    assert queued() == []  # computed here, nothing queued


@pytest.mark.django_db
def test_without_refresh_ahead_a_stale_figure_is_computed(world, clock, settings, ask):
    """A per-process cache (or no job machinery): as before, the first request
    after the seconds computes; nothing is queued."""
    settings.SAFEGRID_REFRESH_AHEAD = False
    chemicals, _construction = _scopes(world)
    ask(chemicals, ["a"])
    clock.now += 61
    assert ask(chemicals, ["a"])["run"] == 2
    assert queued() == []


@pytest.mark.django_db
def test_nothing_kept_or_queued_without_seconds(world, clock, ask):
    chemicals, _construction = _scopes(world)
    ask(chemicals, ["a"], 0)
    ask(chemicals, ["a"], 0)
    assert len(SEEN) == 2 and queued() == []


@pytest.mark.django_db
def test_the_refresh_runs_under_the_figure_s_scope_and_language(world, clock, ask):
    """Two offices stale at once, one in English: each refresh recomputes its
    own office's figure in its own language, and no office is served the
    other's."""
    from core.jobs.worker import run_pending

    chemicals, construction = _scopes(world)
    with translation.override("en"):
        ask(chemicals, ["a"])
    ask(construction, ["a"])
    clock.now += 70
    with translation.override("en"):
        ask(chemicals, ["a"])
    with translation.override("zh-hans"):
        ask(construction, ["a"])
    SEEN.clear()
    assert run_pending() == 2
    assert sorted(SEEN) == sorted(
        [
            (scope_key(chemicals), "en", ["a"]),
            (scope_key(construction), "zh-hans", ["a"]),
        ]
    )
    with translation.override("en"):
        english = ask(chemicals, ["a"])
    assert english["enterprises"] == ["甲化工有限公司"]
    assert english["label"] == "Industry"
    with translation.override("zh-hans"):
        chinese = ask(construction, ["a"])
        # Chemicals in Chinese was never computed: its own figure, not the
        # English one, nor the construction department's.
        own = ask(chemicals, ["a"])
    assert chinese["enterprises"] == ["乙建筑有限公司"]
    assert chinese["label"] == "行业"
    assert own["enterprises"] == ["甲化工有限公司"] and own["label"] == "行业"


@pytest.mark.django_db
def test_a_scope_rebuilt_for_a_refresh_is_the_scope_it_is_kept_for(world):
    from core.organizations.scope import scope_for, scope_from_key

    for user in (
        world.committee,
        world.dept_chemicals,
        world.street1_office,
        world.manager_a,
    ):
        scope = scope_for(user)
        rebuilt = scope_from_key(list(scope_key(scope)))
        assert scope_key(rebuilt) == scope_key(scope)
        assert set(rebuilt.enterprises()) == set(scope.enterprises())


@pytest.mark.django_db
def test_a_refresh_refuses_a_scope_that_is_not_the_key_s(world, clock):
    chemicals, construction = _scopes(world)
    identity = [list(scope_key(chemicals)), "zh-hans", ["a"]]
    with pytest.raises(ValueError):
        refresh("test:figure", __name__, construction, identity, 60)
    assert SEEN == []
