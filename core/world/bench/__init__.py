"""The benchmark's data sets, written with the world builder's bulk strategy.

``seed(size)`` writes a deterministic district of ``size`` (see
``core.world.bench.sizes``): ``scripts/benchmark.py`` measures it, and
``tests/test_benchmark_script.py`` runs it at a tiny size.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from core.world.bench.sizes import (
    ENTERPRISE,
    EVERYONE,
    FORM_KEY,
    GOVERNMENT,
    PACKS,
    SEED,
    SIZES,
    USERS,
    BenchWorld,
    Size,
)

__all__ = [
    "ENTERPRISE",
    "EVERYONE",
    "FORM_KEY",
    "GOVERNMENT",
    "PACKS",
    "SEED",
    "SIZES",
    "USERS",
    "BenchWorld",
    "Size",
    "enable_packs",
    "seed",
]


def seed(
    size: Size,
    *,
    random_seed: int = SEED,
    extra: Callable[[BenchWorld, random.Random], None] | None = None,
) -> BenchWorld:
    """Write the data set of ``size`` (the same for the same ``random_seed``).

    Enables the four bundled packs in this process (``set_plugin_manager``)
    and syncs their industries and form definitions first. Bulk writes skip
    the services on purpose (speed); they keep the invariants the services
    keep: a default analysis unit per risk point, ``RiskPoint.level`` equal to
    the highest latest assessment, ``RiskEvent.latest_assessment`` set, valid
    tree paths, a first revision per submission.
    """
    from django.db import transaction

    from core.world.bench.organisations import seed_organisations
    from core.world.bench.records import (
        seed_hazards_and_tasks,
        seed_risk_points,
        seed_submissions,
    )

    started = time.perf_counter()
    rng = random.Random(random_seed)  # noqa: S311 - reproducible data, not security
    with transaction.atomic():
        synced = time.perf_counter()
        industries = enable_packs()
        sync_seconds = time.perf_counter() - synced
        world = seed_organisations(size, rng, industries)
        world.sync_seconds = sync_seconds
        seed_risk_points(world, rng)
        seed_submissions(world, rng, industries)
        seed_hazards_and_tasks(world, rng)
        if extra is not None:  # the benchmark's further lists
            extra(world, rng)
    world.seconds = time.perf_counter() - started
    return world


def enable_packs() -> dict[str, Any]:
    from core.forms.services import form_definitions_sync
    from core.organizations.models import Industry
    from core.organizations.services import industries_sync
    from plugins.manager import build_plugin_manager, set_plugin_manager

    # The bundled packs by name, not "*": a test pack installed in the same
    # environment (tests/example_pack) must not change what is measured.
    manager = build_plugin_manager(list(PACKS))
    if manager.problems:
        raise RuntimeError(f"The packs do not load: {manager.problems}")
    set_plugin_manager(manager)
    industries_sync(manager=manager)
    form_definitions_sync(manager=manager)
    industries = {i.code: i for i in Industry.objects.filter(code__in=PACKS)}
    missing = sorted(set(PACKS) - set(industries))
    if missing:
        raise RuntimeError(f"Install the packs first: {', '.join(missing)}")
    return industries
