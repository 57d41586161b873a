"""The benchmark's runs: throw-away databases, one clone per size, the
sizes seeded and measured (then served and timed over HTTP), and the
handbooks generated at growing sizes.

``scripts/benchmark.py`` passes its ``seed``, ``measure`` and pages; nothing
here imports it, so the script can run it as ``__main__``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.world.bench import USERS, BenchWorld, Size
from scripts.benchmark_report import environment


class ThrowawayDatabases:
    """A migrated test database beside the configured one (a temporary
    SQLite file, or ``test_benchmark_<name>`` on PostgreSQL), cloned once per
    size; clones and template are dropped on exit, even after an error. The
    configured database is never opened."""

    def __init__(self, log: Callable[[str], Any] = print) -> None:
        self.log = log
        self.cloned: list[str] = []
        self.temporary: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> ThrowawayDatabases:
        from django.db import connection
        from django.test.utils import setup_test_environment

        self.creation = connection.creation
        setup_test_environment()
        if connection.vendor == "sqlite":
            self.temporary = tempfile.TemporaryDirectory(prefix="safegrid-benchmark-")
            connection.settings_dict["TEST"]["NAME"] = str(
                Path(self.temporary.name) / "benchmark.sqlite3"
            )
        else:
            # Not Django's default test name: a test run against the same
            # database at the same time must not lose its database to this one.
            name = connection.settings_dict["NAME"]
            connection.settings_dict["TEST"]["NAME"] = f"test_benchmark_{name}"
        self.log(f"Migrating a throw-away {connection.vendor} database ...")
        self.original_name = self.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        self.template = dict(connection.settings_dict)
        return self

    @contextmanager
    def clone(self, name: str) -> Iterator[None]:
        """Work in a fresh clone of the migrated database named ``name``."""
        from django.db import connection

        self.creation.clone_test_db(suffix=name, verbosity=0)
        self.cloned.append(name)
        connection.close()
        connection.settings_dict.update(self.creation.get_test_db_clone_settings(name))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.update(self.template)

    def __exit__(self, *exc_info: object) -> None:
        from django.db import connection
        from django.test.utils import teardown_test_environment

        connection.close()
        connection.settings_dict.update(self.template)
        for name in self.cloned:
            self.creation.destroy_test_db(verbosity=0, suffix=name)
        self.creation.destroy_test_db(self.original_name, verbosity=0)
        teardown_test_environment()
        if self.temporary is not None:
            self.temporary.cleanup()


def http_plan(world: BenchWorld, pages: Iterable[Any]) -> dict[str, Any]:
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


def run_sizes(
    sizes: list[Size],
    *,
    seed: Callable[[Size], BenchWorld],
    measure: Callable[..., list[Any]],
    pages: Iterable[Any],
    runs: int,
    serve: bool = False,
    log=print,
):
    """Seed and measure each size in its own clone of a migrated test database.

    Queries are counted in-process (``measure``, Django's test client); with
    ``serve``, every size is then served by gunicorn at once and timed over
    HTTP, interleaved (``scripts/benchmark_server.py``). Returns the
    environment (read once the throw-away database exists, so the configured
    one is never opened), the seeded worlds, the measurements and the timed
    report (or ``None``).
    """
    from django.db import connection

    pages = list(pages)
    results: list[Any] = []
    worlds: list[BenchWorld] = []
    servers = []
    report = None
    with ThrowawayDatabases(log) as databases:
        env = environment(runs)
        for size in sizes:
            with databases.clone(size.name):
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
                        requests=http_plan(world, pages),
                    )
                    servers.append(server)
                log(f"[{size.name}] measured")
        if serve:
            report = _serve_and_time(sizes, worlds, servers, results, runs, log, pages)
    return env, worlds, results, report


def _serve_and_time(sizes, worlds, servers, results, runs, log, pages) -> str:
    from scripts import benchmark_server as bs

    targets = [
        bs.Target(
            key=f"{page.key}:{user}",
            page=page.key,
            title=page.title,
            user=USERS[user],
            kind=page_kind(page.key),
        )
        for page in pages
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


def _timed_document(
    read: Callable[[], dict[str, Any]], template: str, footer: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read a document's content (queries counted), then render its PDF; the
    content and the row of figures."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.translation import override

    from core.documents.pdf import render_pdf
    from core.documents.tasks import page_count

    with override("zh-hans"):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            content = read()
        read_seconds = time.perf_counter() - started
        started = time.perf_counter()
        pdf = render_pdf(template, {**content, "footer": footer})
        rendered = time.perf_counter() - started
    return content, {
        "points": content["risk_point_count"],
        "queries": len(queries),
        "read_seconds": read_seconds,
        "render_seconds": rendered,
        "pages": page_count(pdf),
        "bytes": len(pdf),
    }


def measure_handbook(world: BenchWorld) -> dict[str, Any]:
    """Generate the big enterprise's handbook once through the job's code
    (content, then PDF) and time each part; queries counted for the content."""
    from core.documents.content import handbook_content
    from core.documents.models import HandbookVersion

    enterprise = world.enterprises[0]
    version = HandbookVersion.objects.create(enterprise=enterprise, number=1)
    _content, row = _timed_document(
        lambda: handbook_content(enterprise=enterprise, version=version),
        "handbook.html",
        enterprise.name,
    )
    return row


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
    from core.documents.models import ScopeHandbook, ScopeKind
    from core.documents.scope_content import scope_handbook_content
    from core.organizations.models import Industry

    handbook = ScopeHandbook.objects.create(
        kind=ScopeKind.INDUSTRY,
        industry=Industry.objects.get(code="chemicals"),
        number=1,
    )
    content, row = _timed_document(
        lambda: scope_handbook_content(handbook=handbook),
        "scope_handbook.html",
        "benchmark",
    )
    return {"enterprises": content["enterprise_count"], **row}


def run_handbook(
    points: list[int],
    *,
    seed: Callable[[Size], BenchWorld],
    log=print,
    size_for=handbook_size,
    measure=measure_handbook,
) -> list[dict[str, Any]]:
    """Seed one enterprise with each number of risk points in a throw-away
    database (as ``run_sizes``) and measure its handbook (or, with
    ``size_for``/``measure``, another document at each size)."""
    from django.db import connection

    rows = []
    with ThrowawayDatabases(log) as databases:
        for count in points:
            size = size_for(count)
            with databases.clone(size.name):
                world = seed(size)
                row = measure(world)
                row["engine"] = connection.vendor
                log(f"[{size.name}] {row}")
                rows.append(row)
    return rows
