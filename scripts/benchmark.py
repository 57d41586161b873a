"""Measure what SafeGrid's list and dashboard pages cost, at two data sizes.

Usage (from the repository root)::

    .venv/bin/python scripts/benchmark.py                  # SQLite, both sizes
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/safegrid_bench \\
        .venv/bin/python scripts/benchmark.py              # PostgreSQL
    .venv/bin/python scripts/benchmark.py --sizes small --runs 3 --no-write

The script never opens the configured database (``var/db.sqlite3`` or the one
in ``DATABASE_URL``): it builds a throw-away test database next to it with
Django's test-runner utilities (a temporary SQLite file, or
``test_benchmark_<name>`` on PostgreSQL), migrates it once, then clones it for
each size so every size starts from the same empty, migrated database. The
clones and the template are dropped at the end, even after an error.

For each size, ``seed`` writes a deterministic data set (a district, its
enterprises with unit trees, people, risk points with events, assessments and
measures, form submissions) mostly with ``bulk_create``: the world builder's
bulk strategy, ``core.world.bench``; ``measure`` then
requests every page of ``PAGES`` as each user it is meant for, with Django's
test client, and records the number of SQL queries of one request. Then
``scripts/benchmark_server.py`` serves every size with gunicorn (two
workers) and times the same requests over HTTP, interleaved between the
sizes: p50 and p95, the ratio to the floor request and the growth, plus the
start-up cost and each worker's memory (``--in-process`` keeps the old
test-client median instead). The tables go into
``docs/performance.md`` between markers, one section per database engine, so
the SQLite and the PostgreSQL runs can sit side by side and the hand-written
analysis around them is kept.

The test settings are used (DEBUG off, fast password hashing, no pack enabled
by default); the four bundled packs are enabled here explicitly, as the tests
do. ``tests/test_benchmark_script.py`` runs ``seed`` and ``measure`` at a tiny
size. Query counts are asserted there; timings never are.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Django and the project are imported inside the functions: run as a script,
# ``main`` has to put site/ on the path and set Django up first.

REPO_DIR = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "safegrid_site.settings.test"
DEFAULT_OUTPUT = REPO_DIR / "docs" / "performance.md"
if str(REPO_DIR) not in sys.path:  # run as a script: the sibling modules
    sys.path.insert(0, str(REPO_DIR))

# The seeded world (sizes, users, the data set) is the world builder's bulk
# strategy: ``core.world.bench``.
from core.world.bench import (  # noqa: E402 - after REPO_DIR, re-exported
    ENTERPRISE,
    EVERYONE,
    GOVERNMENT,
    SEED,
    SIZES,
    USERS,
    BenchWorld,
    Size,
)
from scripts import benchmark_report as report  # noqa: E402
from scripts.benchmark_pages import (  # noqa: E402 - what PAGES is made of
    Page,
    _admin_deep,
    _big_enterprise,
    _last_cursor,
    _path,
    _portal_last,
    _reverse,
)
from scripts.benchmark_report import (  # noqa: E402 - re-exported
    Environment,
    render_handbook_table,
    write_section,
)
from scripts.benchmark_report import environment as environment  # noqa: E402
from scripts.benchmark_runs import (  # noqa: E402 - re-exported
    HANDBOOK_POINTS,
    SCOPE_POINTS_EACH,
    measure_scope_handbook,
    scope_handbook_size,
)
from scripts.benchmark_runs import run_handbook as _run_handbook  # noqa: E402
from scripts.benchmark_runs import run_sizes as _run_sizes  # noqa: E402


def seed(size: Size, *, random_seed: int = SEED) -> BenchWorld:
    """Write the data set of ``size`` (``core.world.bench.seed``)."""
    from core.world import bench

    return bench.seed(size, random_seed=random_seed, extra=_seed_extra)


# -- the pages -------------------------------------------------------------------


GB18218_INPUT = {
    "substances": [{"name": "氯", "quantity": 12}, {"name": "甲醇", "quantity": 800}],
    "exposed_people": 60,
}


PAGES: tuple[Page, ...] = (
    Page(
        "floor",
        "GET /api/v1/scoring-rules/lec/ (floor)",
        _path("/api/v1/scoring-rules/lec/"),
        ("committee",),
    ),
    Page(
        "admin_enterprises",
        "Admin: enterprise list",
        _reverse("enterprises:index"),
        GOVERNMENT,
    ),
    Page(
        "admin_home", "Admin: home dashboard", _reverse("wagtailadmin_home"), GOVERNMENT
    ),
    Page(
        "admin_risk_points",
        "Admin: risk point list",
        _reverse("risk_points:index"),
        GOVERNMENT,
    ),
    Page(
        "admin_submissions",
        "Admin: form submissions list",
        _reverse("form_submissions:index"),
        GOVERNMENT,
    ),
    Page(
        "admin_risk_points_deep",
        "Admin: risk point list, deepest page",
        _admin_deep("risk_points:index"),
        ("committee",),
    ),
    Page(
        "admin_submissions_deep",
        "Admin: form submissions list, deepest page",
        _admin_deep("form_submissions:index"),
        ("committee",),
    ),
    Page(
        "admin_enterprise_autocomplete",
        "Admin: enterprise chooser (typing)",
        _path("/admin/enterprises/autocomplete/?q=基准0001"),
        GOVERNMENT,
    ),
    Page("portal_home", "Portal: home", _reverse("portal:home"), ENTERPRISE),
    Page("portal_units", "Portal: units", _reverse("portal:units"), ENTERPRISE),
    Page("portal_people", "Portal: people", _reverse("portal:people"), ENTERPRISE),
    Page(
        "portal_risk_overview",
        "Portal: risk overview",
        _reverse("risks:overview"),
        ENTERPRISE,
    ),
    Page("portal_risk_list", "Portal: risk list", _reverse("risks:list"), ENTERPRISE),
    Page(
        "portal_hazards", "Portal: hazard board", _reverse("hazards:list"), ENTERPRISE
    ),
    Page(
        "portal_todo",
        "Portal: inspection to-do",
        _path("/portal/inspections/?who=all"),
        ENTERPRISE,
    ),
    Page(
        "admin_hazards",
        "Admin: hazards",
        _reverse("hazards_admin:index"),
        GOVERNMENT,
    ),
    Page("api_hazards", "GET /api/v1/hazards/", _path("/api/v1/hazards/"), EVERYONE),
    Page(
        "api_tasks",
        "GET /api/v1/inspection-tasks/",
        _path("/api/v1/inspection-tasks/"),
        ENTERPRISE,
    ),
    Page(
        "portal_risk_list_last",
        "Portal: risk list, last page",
        _portal_last,
        ENTERPRISE,
    ),
    Page(
        "api_enterprises",
        "GET /api/v1/enterprises/",
        _path("/api/v1/enterprises/"),
        EVERYONE,
    ),
    Page(
        "api_risk_points",
        "GET /api/v1/risk-points/",
        _path("/api/v1/risk-points/"),
        EVERYONE,
    ),
    Page(
        "api_risk_points_last",
        "GET /api/v1/risk-points/ last page",
        _last_cursor("risk_points"),
        ("committee",),
    ),
    Page(
        "api_risk_points_method",
        "GET /api/v1/risk-points/?method=lec",
        _path("/api/v1/risk-points/?method=lec"),
        EVERYONE,
    ),
    Page(
        "api_risk_points_level",
        "GET /api/v1/risk-points/?level=general",
        _path("/api/v1/risk-points/?level=general"),
        GOVERNMENT,
    ),
    Page(
        "api_risk_points_search",
        "GET /api/v1/risk-points/?search=",
        _path("/api/v1/risk-points/?search=风险点0000"),
        GOVERNMENT,
    ),
    Page(
        "api_risk_points_enterprise",
        "GET /api/v1/risk-points/?enterprise= (big)",
        _big_enterprise("/api/v1/risk-points/?enterprise={enterprise}"),
        ("committee",),
    ),
    Page(
        "api_risk_overview",
        "GET /api/v1/risk-points/overview/",
        _path("/api/v1/risk-points/overview/"),
        EVERYONE,
    ),
    Page("api_forms", "GET /api/v1/forms/", _path("/api/v1/forms/"), EVERYONE),
    Page(
        "api_form_submissions",
        "GET /api/v1/forms/{key}/submissions/",
        _path("/api/v1/forms/{form}/submissions/"),
        # Not the street office: a form of the chemicals department is not
        # among its forms (core.forms.policy.definitions_visible), so a 404.
        ("committee", "industry_department", "enterprise_manager"),
    ),
    Page(
        "api_form_submissions_last",
        "GET /api/v1/forms/{key}/submissions/ last page",
        _last_cursor("submissions"),
        ("committee",),
    ),
    Page(
        "api_lec",
        "POST /api/v1/scoring-rules/lec/evaluate/",
        _path("/api/v1/scoring-rules/lec/evaluate/"),
        EVERYONE,
        body={"L": 6, "E": 6, "C": 7},
    ),
    Page(
        "api_gb18218",
        "POST /api/v1/scoring-rules/gb18218/evaluate/",
        _path("/api/v1/scoring-rules/gb18218/evaluate/"),
        EVERYONE,
        body=GB18218_INPUT,
    ),
    # The four-colour map (core.supervision): one query whatever the size.
    Page(
        "api_map_enterprises",
        "GET /api/v1/map/enterprises/",
        _path("/api/v1/map/enterprises/"),
        EVERYONE,
    ),
    Page(
        "api_map_territories",
        "GET /api/v1/map/territories/",
        _path("/api/v1/map/territories/"),
        EVERYONE,
    ),
    Page(
        "admin_map",
        "Admin: four-colour risk map",
        _path("/admin/supervision/map/"),
        GOVERNMENT,
    ),
)

# Pages whose query count does not depend on the data size, for every user.
# tests/test_benchmark_script.py holds the script to this claim at two tiny
# sizes; docs/performance.md shows it at the real ones.
FLAT_PAGES = frozenset(page.key for page in PAGES)


# Lists timed since (scripts/benchmark_extra.py: their pages and seeding).
def _extra_module():
    if str(REPO_DIR) not in sys.path:  # run as a script: scripts/ is the path
        sys.path.append(str(REPO_DIR))
    from scripts import benchmark_extra

    return benchmark_extra


def _seed_extra(world: BenchWorld, rng: random.Random) -> None:
    _extra_module().seed_extra(world, rng)


PAGES += tuple(Page(*spec) for spec in _extra_module().EXTRA_PAGES)
FLAT_PAGES |= {spec[0] for spec in _extra_module().EXTRA_PAGES}


# -- measuring -------------------------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    page: str  # Page.key
    title: str
    user: str  # key of USERS
    size: str
    status: int
    queries: int
    median_ms: float


class PageFailed(RuntimeError):
    """A measured page did not answer 200: its numbers would mean nothing."""


def measure(
    world: BenchWorld, *, runs: int = 5, pages: Iterable[Page] = PAGES
) -> list[Measurement]:
    """Request every page as each of its users: queries of one request, and
    the median time of ``runs`` requests after a warm-up request.

    The count is taken on its own request (after the warm-up, so per-process
    caches such as content types are filled, as in a running server); the
    timed requests run without query capture.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = []
    for user_key in USERS:
        client = Client()
        client.force_login(world.users[user_key])
        for page in pages:
            if user_key not in page.users:
                continue
            url = page.url(world)

            def request(page=page, url=url, client=client):
                if page.body is None:
                    return client.get(url)
                return client.post(
                    url, json.dumps(page.body), content_type="application/json"
                )

            response = request()
            if response.status_code != 200:
                raise PageFailed(
                    f"{page.title} as {user_key}: HTTP {response.status_code} ({url})"
                )
            with CaptureQueriesContext(connection) as captured:
                response = request()
            # Read now: the next request empties the connection's query log.
            queries = len(captured)
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                request()
                timings.append(time.perf_counter() - started)
            results.append(
                Measurement(
                    page=page.key,
                    title=page.title,
                    user=user_key,
                    size=world.size.name,
                    status=response.status_code,
                    queries=queries,
                    median_ms=statistics.median(timings) * 1000 if timings else 0.0,
                )
            )
    return results


# -- the report and the runs (scripts/benchmark_report.py, benchmark_runs.py) --


def flat_and_growing(
    results: list[Measurement], small: str, large: str
) -> tuple[list[str], list[tuple[str, str, int, int]]]:
    """Page keys flat for every user, and the (page, user, small, large) that grow."""
    return report.flat_and_growing(results, small, large, PAGES)


def render_section(
    env: Environment,
    sizes: list[Size],
    worlds: list[BenchWorld],
    results,
    timed: str | None = None,
) -> str:
    """The Markdown section of one engine's run over ``PAGES``."""
    return report.render_section(
        env, sizes, worlds, results, timed, pages=PAGES, users=USERS
    )


def run_sizes(sizes: list[Size], *, runs: int, serve: bool = False, log=print):
    """Seed and measure each size of ``PAGES`` (``benchmark_runs.run_sizes``)."""
    return _run_sizes(
        sizes, seed=seed, measure=measure, pages=PAGES, runs=runs, serve=serve, log=log
    )


def run_handbook(points: list[int], **options: Any) -> list[dict[str, Any]]:
    """A document measured at each size (``benchmark_runs.run_handbook``)."""
    return _run_handbook(points, seed=seed, **options)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="small,large",
        help=f"comma-separated, of {', '.join(SIZES)} (default: small,large)",
    )
    # 30: the nearest-rank p95 of 30 samples is the second slowest, so one
    # stray sample (a refresh job taking a core) is not the verdict; of ten
    # or twenty samples it is the slowest.
    parser.add_argument(
        "--runs", type=int, default=30, help="timed requests per page and size"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--no-write", action="store_true", help="print the tables only")
    parser.add_argument(
        "--handbook",
        default="",
        help="time the risk control handbook instead, at these numbers of "
        f"risk points (comma-separated; default "
        f"{','.join(str(n) for n in HANDBOOK_POINTS)})",
    )
    parser.add_argument(
        "--scope-handbook",
        default="",
        help="time the chemicals industry's handbook instead, at these numbers "
        f"of enterprises ({SCOPE_POINTS_EACH} risk points each; comma-separated)",
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="time with the test client instead of gunicorn over HTTP",
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.sizes.split(",") if name not in SIZES]
    if unknown:
        parser.error(f"unknown size(s): {', '.join(unknown)}")
    sizes = [SIZES[name] for name in args.sizes.split(",")]

    # The test settings, whatever the environment says (as `make test` does).
    sys.path[:0] = [str(REPO_DIR / "site"), str(REPO_DIR)]
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    import django

    django.setup()
    if args.handbook:
        rows = run_handbook([int(n) for n in args.handbook.split(",")])
        print(render_handbook_table(rows))
        return 0
    if args.scope_handbook:
        rows = run_handbook(
            [int(n) for n in args.scope_handbook.split(",")],
            size_for=scope_handbook_size,
            measure=measure_scope_handbook,
        )
        for row in rows:
            print(
                f"| {row['enterprises']:,} | {row['points']:,} | {row['engine']} "
                f"| {row['queries']} | {row['read_seconds']:.2f} "
                f"| {row['render_seconds']:.1f} | {row['pages']} "
                f"| {row['bytes'] // 1024:,} |"
            )
        return 0
    started = time.perf_counter()
    env, worlds, results, report = run_sizes(
        sizes, runs=args.runs, serve=not args.in_process
    )
    env.seconds = time.perf_counter() - started
    section = render_section(env, sizes, worlds, results, report)
    print(section)
    if not args.no_write:
        write_section(args.output, env.engine, section)
        print(f"Written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
