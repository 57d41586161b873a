"""The timed half of the benchmark: the app under gunicorn, over HTTP.

``scripts/benchmark.py`` seeds one database per size and counts each
request's queries in-process; this module then serves every size with
gunicorn (two sync workers, ``--preload``, 127.0.0.1, the benchmark settings)
beside a ``db_worker`` (the kept figures are refreshed by background jobs,
as in production, in a file cache the size's processes share) and times the
same requests over HTTP, interleaved (each round requests every
target at every size in turn, alternating which size goes first), so that
noise from the shared machine hits both sizes alike. It also reports what a
start costs (``manage.py check``, the boot until the first answer, the first
request of each worker) and each worker's memory.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
SERVER_SETTINGS = "safegrid_site.settings.benchmark"
WORKERS = 2
CSRF = "benchmarkbenchmarkbenchmarkbench"  # 32 characters: cookie and header


@dataclass(frozen=True)
class Target:
    """One request to time, the same at every size."""

    key: str  # page key + user
    page: str
    title: str
    user: str
    kind: str  # "floor", "api", "html"


@dataclass
class Request:
    """A target's request at one size (its URL may differ: ids, cursors)."""

    path: str
    cookie: str
    body: bytes | None = None


@dataclass
class SizeServer:
    size: str
    database_url: str
    port: int
    requests: dict[str, Request] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    worker: subprocess.Popen | None = None
    boot_seconds: float = 0.0
    first_requests_ms: list[float] = field(default_factory=list)
    check_seconds: float = 0.0
    worker_rss_mb: list[float] = field(default_factory=list)


@dataclass
class Timing:
    target: Target
    size: str
    samples: list[float]  # ms

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        index = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
        return ordered[index]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cache_dir(database_url: str) -> Path:
    """The kept figures' cache of one size: its gunicorn workers and its job
    worker share it; another size (same ids, other data) never does."""
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"safegrid-benchmark-cache-{digest}"


def server_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SERVER_SETTINGS,
        DATABASE_URL=database_url,
        SAFEGRID_BENCHMARK_CACHE=str(cache_dir(database_url)),
        PYTHONPATH=os.pathsep.join([str(REPO_DIR / "site"), str(REPO_DIR)]),
    )
    return env


def time_check(server: SizeServer) -> None:
    """``manage.py check`` against the size's database: the start-up cost
    every command and worker pays."""
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(REPO_DIR / "site" / "manage.py"), "check"],
        env=server_env(server.database_url),
        check=True,
        capture_output=True,
    )
    server.check_seconds = time.perf_counter() - started


def _get(port: int, request: Request, timeout: float = 60) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    # As a browser asks: it accepts gzip (only the kept map is sent
    # compressed; the body is read, not decoded).
    headers = {"Cookie": request.cookie, "Host": "127.0.0.1", "Accept-Encoding": "gzip"}
    try:
        if request.body is None:
            connection.request("GET", request.path, headers=headers)
        else:
            headers.update({"Content-Type": "application/json", "X-CSRFToken": CSRF})
            connection.request("POST", request.path, body=request.body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _spawn(server: SizeServer, *args: str, errors: int | None) -> subprocess.Popen:
    """Our own interpreter running ``args`` for the size, in its own session."""
    return subprocess.Popen(  # noqa: S603 - our own manage.py and gunicorn
        [sys.executable, *args],
        env=server_env(server.database_url),
        cwd=str(REPO_DIR / "site"),
        stdout=subprocess.DEVNULL,
        stderr=errors,
        start_new_session=True,
    )


def start(server: SizeServer, floor: Request) -> None:
    """Start gunicorn for the size; time the boot until the first answer and
    the first request of each worker (sent at once, one per worker)."""
    shutil.rmtree(cache_dir(server.database_url), ignore_errors=True)
    # The job worker that refreshes the kept figures (core.base.scope_cache).
    server.worker = _spawn(
        server,
        str(REPO_DIR / "site" / "manage.py"),
        "db_worker",
        "--queue-name",
        "*",
        "--no-reload",
        "--no-startup-delay",
        errors=subprocess.DEVNULL,
    )
    started = time.perf_counter()
    server.process = _spawn(
        server,
        "-m",
        "gunicorn",
        "safegrid_site.wsgi:application",
        "--preload",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{server.port}",
        "--log-level",
        "warning",
        errors=subprocess.PIPE,
    )
    deadline = time.monotonic() + 180
    while True:
        if server.process.poll() is not None:
            errors = server.process.stderr.read().decode(errors="replace")
            raise RuntimeError(f"gunicorn did not start: {errors[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer in 180 s") from None
            time.sleep(0.05)
    server.boot_seconds = time.perf_counter() - started
    times: list[float] = []

    def first() -> None:
        began = time.perf_counter()
        _get(server.port, floor)
        times.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=first) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    server.first_requests_ms = sorted(times)


def worker_memory(server: SizeServer) -> None:
    """Resident memory of each gunicorn worker (children of the master)."""
    if server.process is None:
        return
    master = server.process.pid
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master):
            rss = fields.get("VmRSS", "0 kB").split()[0]
            sizes.append(int(rss) / 1024)
    server.worker_rss_mb = sorted(sizes)


def stop(server: SizeServer) -> None:
    for process in (server.process, server.worker):
        if process is None or process.poll() is not None:
            continue
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    shutil.rmtree(cache_dir(server.database_url), ignore_errors=True)


class RequestFailed(RuntimeError):
    pass


def time_interleaved(
    servers: list[SizeServer], targets: list[Target], *, runs: int, log=print
) -> list[Timing]:
    """``runs`` rounds after two warm-up rounds (one per worker); in each,
    every target at every size, the sizes' order alternating by round.

    The floor request is also sent right after every other request, at the
    same size: its p50 and p95 then come from hundreds of samples spread over
    the whole run, so a slow spell moves the yardstick as it moves the
    targets, and one stumble of the floor does not move every verdict."""
    samples: dict[tuple[str, str], list[float]] = {
        (t.key, s.size): [] for t in targets for s in servers
    }
    floor = next(t for t in targets if t.kind == "floor")

    def timed(target: Target, server: SizeServer) -> float:
        request = server.requests[target.key]
        began = time.perf_counter()
        status, body = _get(server.port, request)
        elapsed = (time.perf_counter() - began) * 1000
        if status != 200:
            raise RequestFailed(
                f"{target.title} as {target.user} at {server.size}: "
                f"HTTP {status} ({request.path}): {body[:300]!r}"
            )
        return elapsed

    for round_number in range(-WORKERS, runs):
        order = servers if round_number % 2 == 0 else list(reversed(servers))
        for target in targets:
            for server in order:
                elapsed = timed(target, server)
                floor_elapsed = timed(floor, server) if target is not floor else None
                if round_number >= 0:
                    samples[(target.key, server.size)].append(elapsed)
                    if floor_elapsed is not None:
                        samples[(floor.key, server.size)].append(floor_elapsed)
        if round_number >= 0:
            log(f"  round {round_number + 1}/{runs}")
    return [
        Timing(target, server.size, samples[(target.key, server.size)])
        for target in targets
        for server in servers
    ]


def render_timings(
    servers: list[SizeServer],
    targets: list[Target],
    timings: list[Timing],
    queries: dict[tuple[str, str], int],
    sync_seconds: dict[str, float],
) -> str:
    """The tables of the timed run: each request's p50/p95 per size, its
    ratio to the floor request at the larger size, and its growth."""
    by = {(t.target.key, t.size): t for t in timings}
    small, large = servers[0].size, servers[-1].size
    floor = next(t for t in targets if t.kind == "floor")
    floor_small, floor_large = by[(floor.key, small)], by[(floor.key, large)]
    limits = {"floor": None, "api": 6.0, "html": 20.0}
    lines = [
        f"| Request | User | Queries | p50 {small} | p95 {small} | p50 {large} | "
        f"p95 {large} | × floor p50 | × floor p95 | growth p50 | growth p95 | "
        "Target |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    missed = []
    for target in targets:
        a, b = by[(target.key, small)], by[(target.key, large)]
        ratio50 = b.p50 / floor_large.p50
        ratio95 = b.p95 / floor_large.p95
        growth50 = b.p50 / a.p50
        growth95 = b.p95 / a.p95
        limit = limits[target.kind]
        if limit is None:
            verdict = "floor"
        else:
            met = ratio50 <= limit and ratio95 <= limit and growth50 <= 1.3
            verdict = f"≤{limit:g}×, ≤1.3: " + ("met" if met else "**missed**")
            if not met:
                missed.append(target)
        count = queries.get((target.key, large), queries.get((target.key, small)))
        lines.append(
            f"| {target.title} | {target.user} | {count if count is not None else '–'} | "
            f"{a.p50:.1f} | {a.p95:.1f} | {b.p50:.1f} | {b.p95:.1f} | "
            f"{ratio50:.1f} | {ratio95:.1f} | {growth50:.2f} | {growth95:.2f} | "
            f"{verdict} |"
        )
    lines += [
        "",
        f"Floor: `GET /api/v1/scoring-rules/lec/` as the committee office, p50 "
        f"{floor_small.p50:.1f} / {floor_large.p50:.1f} ms, p95 "
        f"{floor_small.p95:.1f} / {floor_large.p95:.1f} ms ({small} / {large}; "
        f"{len(floor_large.samples)} samples a size, one after every request). "
        f"Targets met by {len(targets) - 1 - len(missed)} of {len(targets) - 1} "
        "requests"
        + (
            ": missed by " + ", ".join(f"{t.title} ({t.user})" for t in missed)
            if missed
            else ""
        )
        + ".",
        "",
        "| Start-up and memory | " + " | ".join(s.size for s in servers) + " |",
        "|---|" + "--:|" * len(servers),
        "| `manage.py check` | "
        + " | ".join(f"{s.check_seconds:.1f} s" for s in servers)
        + " |",
        "| gunicorn boot (`--preload`, 2 workers) until it accepts | "
        + " | ".join(f"{s.boot_seconds:.1f} s" for s in servers)
        + " |",
        "| first request of each worker (floor, sent at once) | "
        + " | ".join(
            " / ".join(f"{ms:.0f} ms" for ms in s.first_requests_ms) for s in servers
        )
        + " |",
        "| `sync_packs` (industries and pack forms, fresh database) | "
        + " | ".join(f"{sync_seconds.get(s.size, 0):.1f} s" for s in servers)
        + " |",
        "| memory per worker after the run (RSS) | "
        + " | ".join(
            " / ".join(f"{mb:.0f} MB" for mb in s.worker_rss_mb) for s in servers
        )
        + " |",
    ]
    return "\n".join(lines) + "\n"


def request_for(
    path: str, cookie: str, body: Any = None
) -> Request:  # pragma: no cover - trivial
    import json
    from urllib.parse import quote

    return Request(
        path=quote(path, safe="/?=&%:;+,"),
        cookie=cookie,
        body=None if body is None else json.dumps(body).encode(),
    )
