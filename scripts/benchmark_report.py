"""The benchmark's report: the environment, the Markdown tables and the
section of ``docs/performance.md`` they are written into.

``scripts/benchmark.py`` passes its pages and users; nothing here imports
it, so the script can run it as ``__main__``.
"""

from __future__ import annotations

import os
import platform
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from core.world.bench import BenchWorld, Size


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
    results: list[Any], small: str, large: str, pages: Iterable[Any]
) -> tuple[list[str], list[tuple[str, str, int, int]]]:
    """Page keys of ``pages`` flat for every user, and the (page, user, small,
    large) that grow (``results``: the script's measurements)."""
    by = {(m.page, m.user, m.size): m.queries for m in results}
    flat, growing = [], []
    for page in pages:
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
    *,
    pages: Iterable[Any],
    users: Mapping[str, str],
) -> str:
    """The Markdown section of one engine's run (``report``: the timed
    tables of the gunicorn run, which replace the in-process medians) over
    ``pages`` and the labels of ``users``."""
    pages = list(pages)
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
    for page in pages if not report else ():
        for user in page.users:
            cells = [by.get((page.key, user, n)) for n in names]
            if not any(cells):
                continue
            queries = " | ".join(str(c.queries) if c else "–" for c in cells)
            times = " | ".join(f"{c.median_ms:.1f}" if c else "–" for c in cells)
            lines.append(f"| {page.title} | {users[user]} | {queries} | {times} |")
    if len(names) >= 2:
        small, large = names[0], names[-1]
        flat, growing = flat_and_growing(results, small, large, pages)
        titles = {p.key: p.title for p in pages}
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
                    f"{titles[k]} as {users[u]} ({a} → {b})" for k, u, a, b in growing
                )
                + "."
            )
        at_large = [m for m in results if m.size == large]
        if at_large and not report:
            slowest = max(at_large, key=lambda m: m.median_ms)
            lines.append(
                f"Slowest at {large}: {slowest.title} as {users[slowest.user]}, "
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
