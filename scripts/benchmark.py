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
measures, form submissions) mostly with ``bulk_create``; ``measure`` then
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
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

# Django and the project are imported inside the functions: run as a script,
# ``main`` has to put site/ on the path and set Django up first.

REPO_DIR = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "safegrid_site.settings.test"
DEFAULT_OUTPUT = REPO_DIR / "docs" / "performance.md"

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


def seed(size: Size, *, random_seed: int = SEED) -> BenchWorld:
    """Write the data set of ``size`` (``core.world.bench.seed``)."""
    from core.world import bench

    return bench.seed(size, random_seed=random_seed)


# -- the pages -------------------------------------------------------------------


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


GB18218_INPUT = {
    "substances": [{"name": "氯", "quantity": 12}, {"name": "甲醇", "quantity": 800}],
    "exposed_people": 60,
}


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
    from django.urls import reverse

    from core.risks.portal_views import PER_PAGE

    pages = max(1, -(-world.size.big_points // PER_PAGE))
    return f"{reverse('risks:list')}?page={pages}"


def _big_enterprise(path: str) -> Callable[[BenchWorld], str]:
    return lambda world: path.format(enterprise=world.big_enterprise.pk)


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


# -- the report ------------------------------------------------------------------


@dataclass
class Environment:
    engine: str  # "sqlite" or "postgresql"
    engine_label: str
    cpus: int
    cpu_model: str
    python: str
    django: str
    wagtail: str
    day: str
    runs: int
    seconds: float = 0.0


def environment(runs: int) -> Environment:
    import django
    import wagtail
    from django.db import connection

    if connection.vendor == "postgresql":
        version = connection.pg_version
        label = f"PostgreSQL {version // 10000}.{version % 10000}"
    else:
        import sqlite3

        label = f"SQLite {sqlite3.sqlite_version} (temporary file)"
    try:
        cpus = len(os.sched_getaffinity(0))  # what `nproc` prints
    except AttributeError:
        cpus = os.cpu_count() or 1
    return Environment(
        engine=connection.vendor,
        engine_label=label,
        cpus=cpus,
        cpu_model=_cpu_model(),
        python=platform.python_version(),
        django=django.get_version(),
        wagtail=wagtail.__version__,
        day=date.today().isoformat(),
        runs=runs,
    )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def flat_and_growing(
    results: list[Measurement], small: str, large: str
) -> tuple[list[str], list[tuple[str, str, int, int]]]:
    """Page keys flat for every user, and the (page, user, small, large) that grow."""
    by = {(m.page, m.user, m.size): m.queries for m in results}
    flat, growing = [], []
    for page in PAGES:
        rows = [
            (page.key, user, by[(page.key, user, small)], by[(page.key, user, large)])
            for user in page.users
            if (page.key, user, small) in by and (page.key, user, large) in by
        ]
        changed = [row for row in rows if row[2] != row[3]]
        if rows and not changed:
            flat.append(page.key)
        growing.extend(changed)
    return flat, growing


def render_section(
    env: Environment,
    sizes: list[Size],
    worlds: list[BenchWorld],
    results,
    report: str | None = None,
) -> str:
    """The Markdown section of one engine's run (``report``: the timed
    tables of the gunicorn run, which replace the in-process medians)."""
    how = (
        f"gunicorn, 2 sync workers (`--preload`), {env.runs} interleaved rounds "
        "after two warm-up rounds; queries counted in-process"
        if report
        else f"test client, median of {env.runs} requests after one warm-up"
    )
    lines = [
        f"### {env.engine_label}",
        "",
        f"Run on {env.day}: {env.cpus} CPU(s) (`nproc`), {env.cpu_model}; Python "
        f"{env.python}, Django {env.django}, Wagtail {env.wagtail}; "
        f"{env.engine_label}; test settings (DEBUG off); {how}; the whole run "
        f"took {env.seconds:.0f} s.",
        "",
        "| Size | Enterprises | Risk points (big enterprise) | Events | "
        "Assessments | Units | People | Submissions | Seeded in |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for world in worlds:
        c = world.counts
        lines.append(
            f"| {world.size.name} | {c['enterprises']:,} | {c['risk_points']:,} "
            f"({c['risk_points_big']:,}) | {c['risk_events']:,} | "
            f"{c['assessments']:,} | {c['units']:,} | {c['people']:,} | "
            f"{c['submissions']:,} | {world.seconds:.1f} s |"
        )
    names = [s.name for s in sizes]
    by = {(m.page, m.user, m.size): m for m in results}
    header = (
        "| Page | User | "
        + " | ".join(f"Queries {n}" for n in names)
        + " | "
        + " | ".join(f"Median ms {n}" for n in names)
        + " |"
    )
    if report:
        lines += ["", report.rstrip()]
    else:
        lines += ["", header, "|---|---|" + "--:|" * (2 * len(names))]
    for page in PAGES if not report else ():
        for user in page.users:
            cells = [by.get((page.key, user, n)) for n in names]
            if not any(cells):
                continue
            queries = " | ".join(str(c.queries) if c else "–" for c in cells)
            times = " | ".join(f"{c.median_ms:.1f}" if c else "–" for c in cells)
            lines.append(f"| {page.title} | {USERS[user]} | {queries} | {times} |")
    if len(names) >= 2:
        small, large = names[0], names[-1]
        flat, growing = flat_and_growing(results, small, large)
        titles = {p.key: p.title for p in PAGES}
        lines += [
            "",
            f"Flat in query count ({small} → {large}, every user): "
            + (", ".join(titles[k] for k in flat) or "none")
            + ".",
        ]
        if growing:
            lines.append(
                "Growing with the data: "
                + "; ".join(
                    f"{titles[k]} as {USERS[u]} ({a} → {b})" for k, u, a, b in growing
                )
                + "."
            )
        at_large = [m for m in results if m.size == large]
        if at_large and not report:
            slowest = max(at_large, key=lambda m: m.median_ms)
            lines.append(
                f"Slowest at {large}: {slowest.title} as {USERS[slowest.user]}, "
                f"{slowest.median_ms:.0f} ms ({slowest.queries} queries)."
            )
    return "\n".join(lines) + "\n"


def _markers(engine: str) -> tuple[str, str]:
    return (
        f"<!-- benchmark:{engine}:start (written by scripts/benchmark.py) -->",
        f"<!-- benchmark:{engine}:end -->",
    )


DOCUMENT_HEAD = """# Performance

Measured with `make benchmark` (`scripts/benchmark.py`); see the script's
docstring for what it seeds and how it measures. Each section below is
rewritten by the script for its database engine; the text around them is not.

## Results

"""


def write_section(path: Path, engine: str, section: str) -> None:
    """Put ``section`` between the engine's markers in ``path``, keeping the rest."""
    start, end = _markers(engine)
    block = f"{start}\n{section}{end}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else DOCUMENT_HEAD
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


# -- the run ---------------------------------------------------------------------


def http_plan(world: BenchWorld, pages: Iterable[Page] = PAGES) -> dict[str, Any]:
    """Each (page, user) as an HTTP request at this size: its path and the
    user's session cookie (sessions stored in this size's database)."""
    from django.test import Client

    from scripts.benchmark_server import CSRF, request_for

    cookies = {}
    for user_key in USERS:
        client = Client()
        client.force_login(world.users[user_key])
        cookies[user_key] = (
            f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}"
        )
    return {
        f"{page.key}:{user}": request_for(page.url(world), cookies[user], page.body)
        for page in pages
        for user in page.users
    }


def _database_url(settings_dict: dict[str, Any], vendor: str) -> str:
    if vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def page_kind(key: str) -> str:
    if key == "floor":
        return "floor"
    if key.startswith("api_") or key.endswith("autocomplete"):
        return "api"
    return "html"


def run_sizes(sizes: list[Size], *, runs: int, serve: bool = False, log=print):
    """Seed and measure each size in its own clone of a migrated test database.

    Queries are counted in-process (Django's test client); with ``serve``,
    every size is then served by gunicorn at once and timed over HTTP,
    interleaved (``scripts/benchmark_server.py``). Returns the environment
    (read once the throw-away database exists, so the configured one is never
    opened), the seeded worlds, the measurements and the timed report (or
    ``None``).
    """
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    creation = connection.creation
    setup_test_environment()
    temporary = None
    if connection.vendor == "sqlite":
        temporary = tempfile.TemporaryDirectory(prefix="safegrid-benchmark-")
        connection.settings_dict["TEST"]["NAME"] = str(
            Path(temporary.name) / "benchmark.sqlite3"
        )
    else:
        # Not Django's default test name: a test run against the same
        # database at the same time must not lose its database to this one.
        name = connection.settings_dict["NAME"]
        connection.settings_dict["TEST"]["NAME"] = f"test_benchmark_{name}"
    log(f"Migrating a throw-away {connection.vendor} database ...")
    original_name = creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    template = dict(connection.settings_dict)
    env = environment(runs)
    results: list[Measurement] = []
    worlds: list[BenchWorld] = []
    servers = []
    report = None
    cloned: list[str] = []
    try:
        for size in sizes:
            creation.clone_test_db(suffix=size.name, verbosity=0)
            cloned.append(size.name)
            connection.close()
            connection.settings_dict.update(
                creation.get_test_db_clone_settings(size.name)
            )
            try:
                log(f"[{size.name}] seeding ...")
                world = seed(size)
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("VACUUM ANALYZE")  # statistics, visibility
                log(f"[{size.name}] seeded in {world.seconds:.1f} s: {world.counts}")
                results += measure(world, runs=0 if serve else runs)
                worlds.append(world)
                if serve:
                    from scripts.benchmark_server import SizeServer, free_port

                    server = SizeServer(
                        size=size.name,
                        database_url=_database_url(
                            connection.settings_dict, connection.vendor
                        ),
                        port=free_port(),
                        requests=http_plan(world),
                    )
                    servers.append(server)
                log(f"[{size.name}] measured")
            finally:
                connection.close()
                connection.settings_dict.update(template)
        if serve:
            report = _serve_and_time(sizes, worlds, servers, results, runs, log)
    finally:
        connection.close()
        connection.settings_dict.update(template)
        for name in cloned:
            creation.destroy_test_db(verbosity=0, suffix=name)
        creation.destroy_test_db(original_name, verbosity=0)
        teardown_test_environment()
        if temporary is not None:
            temporary.cleanup()
    return env, worlds, results, report


def _serve_and_time(sizes, worlds, servers, results, runs, log) -> str:
    from scripts import benchmark_server as bs

    targets = [
        bs.Target(
            key=f"{page.key}:{user}",
            page=page.key,
            title=page.title,
            user=USERS[user],
            kind=page_kind(page.key),
        )
        for page in PAGES
        for user in page.users
    ]
    queries = {(f"{m.page}:{m.user}", m.size): m.queries for m in results}
    try:
        for server in servers:
            log(f"[{server.size}] manage.py check, gunicorn start ...")
            bs.time_check(server)
            bs.start(server, server.requests["floor:committee"])
        log(f"Timing {len(targets)} requests x {len(servers)} sizes x {runs} rounds")
        timings = bs.time_interleaved(servers, targets, runs=runs, log=log)
        for server in servers:
            bs.worker_memory(server)
    finally:
        for server in servers:
            bs.stop(server)
    return bs.render_timings(
        servers,
        targets,
        timings,
        queries,
        {world.size.name: world.sync_seconds for world in worlds},
    )


# -- the risk control handbook ---------------------------------------------
#: Risk points of the one enterprise whose handbook is generated (a large
#: enterprise's 300 and ten times that).
HANDBOOK_POINTS = (300, 3_000)


def handbook_size(points: int) -> Size:
    return Size(
        f"handbook{points}",
        enterprises=2,
        big_points=points,
        points_each=1,
        submissions=2,
        workshops=4,
        teams=2,
        posts=3,
    )


def measure_handbook(world: BenchWorld) -> dict[str, Any]:
    """Generate the big enterprise's handbook once through the job's code
    (content, then PDF) and time each part; queries counted for the content."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.translation import override

    from core.documents.content import handbook_content
    from core.documents.models import HandbookVersion
    from core.documents.pdf import render_pdf
    from core.documents.tasks import page_count

    enterprise = world.enterprises[0]
    version = HandbookVersion.objects.create(enterprise=enterprise, number=1)
    with override("zh-hans"):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            content = handbook_content(enterprise=enterprise, version=version)
        read = time.perf_counter() - started
        started = time.perf_counter()
        pdf = render_pdf("handbook.html", {**content, "footer": enterprise.name})
        rendered = time.perf_counter() - started
    return {
        "points": content["risk_point_count"],
        "queries": len(queries),
        "read_seconds": read,
        "render_seconds": rendered,
        "pages": page_count(pdf),
        "bytes": len(pdf),
    }


def scope_handbook_size(enterprises: int) -> Size:
    return Size(
        f"scope{enterprises}",
        enterprises=enterprises,
        big_points=SCOPE_POINTS_EACH,
        points_each=SCOPE_POINTS_EACH,
        submissions=2,
        workshops=2,
        teams=1,
        posts=1,
    )


#: Risk points of each enterprise in the industry handbook's measurement.
SCOPE_POINTS_EACH = 10


def measure_scope_handbook(world: BenchWorld) -> dict[str, Any]:
    """Generate the chemicals industry's handbook once through the job's code
    (content, then PDF) and time each part; queries counted for the content."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.translation import override

    from core.documents.models import ScopeHandbook, ScopeKind
    from core.documents.pdf import render_pdf
    from core.documents.scope_content import scope_handbook_content
    from core.documents.tasks import page_count
    from core.organizations.models import Industry

    handbook = ScopeHandbook.objects.create(
        kind=ScopeKind.INDUSTRY,
        industry=Industry.objects.get(code="chemicals"),
        number=1,
    )
    with override("zh-hans"):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            content = scope_handbook_content(handbook=handbook)
        read = time.perf_counter() - started
        started = time.perf_counter()
        pdf = render_pdf("scope_handbook.html", {**content, "footer": "benchmark"})
        rendered = time.perf_counter() - started
    return {
        "enterprises": content["enterprise_count"],
        "points": content["risk_point_count"],
        "queries": len(queries),
        "read_seconds": read,
        "render_seconds": rendered,
        "pages": page_count(pdf),
        "bytes": len(pdf),
    }


def run_handbook(
    points: list[int], *, log=print, size_for=handbook_size, measure=measure_handbook
) -> list[dict[str, Any]]:
    """Seed one enterprise with each number of risk points in a throw-away
    database (as ``run_sizes``) and measure its handbook (or, with
    ``size_for``/``measure``, another document at each size)."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    creation = connection.creation
    setup_test_environment()
    temporary = None
    if connection.vendor == "sqlite":
        temporary = tempfile.TemporaryDirectory(prefix="safegrid-benchmark-")
        connection.settings_dict["TEST"]["NAME"] = str(
            Path(temporary.name) / "benchmark.sqlite3"
        )
    else:
        name = connection.settings_dict["NAME"]
        connection.settings_dict["TEST"]["NAME"] = f"test_benchmark_{name}"
    log(f"Migrating a throw-away {connection.vendor} database ...")
    original_name = creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    template = dict(connection.settings_dict)
    rows = []
    cloned: list[str] = []
    try:
        for count in points:
            size = size_for(count)
            creation.clone_test_db(suffix=size.name, verbosity=0)
            cloned.append(size.name)
            connection.close()
            connection.settings_dict.update(
                creation.get_test_db_clone_settings(size.name)
            )
            try:
                world = seed(size)
                row = measure(world)
                row["engine"] = connection.vendor
                log(f"[{size.name}] {row}")
                rows.append(row)
            finally:
                connection.close()
                connection.settings_dict.update(template)
    finally:
        connection.close()
        connection.settings_dict.update(template)
        for name in cloned:
            creation.destroy_test_db(verbosity=0, suffix=name)
        creation.destroy_test_db(original_name, verbosity=0)
        teardown_test_environment()
        if temporary is not None:
            temporary.cleanup()
    return rows


def render_handbook_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| risk points | engine | content queries | read (s) | PDF render (s) "
        "| pages | size (KB) | s per 100 points |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        total = row["read_seconds"] + row["render_seconds"]
        lines.append(
            f"| {row['points']:,} | {row['engine']} | {row['queries']} "
            f"| {row['read_seconds']:.2f} | {row['render_seconds']:.1f} "
            f"| {row['pages']} | {row['bytes'] // 1024:,} "
            f"| {total / max(1, row['points']) * 100:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="small,large",
        help=f"comma-separated, of {', '.join(SIZES)} (default: small,large)",
    )
    parser.add_argument(
        "--runs", type=int, default=10, help="timed requests per page and size"
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
