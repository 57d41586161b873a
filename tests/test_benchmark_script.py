"""The benchmark script works: it seeds, measures every page as every user it
names, and the pages it calls flat cost the same queries at two sizes.

Two tiny sizes stand in for the real ones (the full run takes minutes); no
timing is asserted, only that the script produces its rows.
"""

import dataclasses

import pytest
from django.db import transaction

from scripts import benchmark

pytestmark = pytest.mark.django_db

TINY = benchmark.SIZES["tiny"]
TINY_PLUS = dataclasses.replace(
    TINY,
    name="tiny+",
    enterprises=5,
    big_points=12,
    points_each=3,
    submissions=12,
    workshops=2,
    teams=2,
)


def seeded_and_measured(size):
    """Seed ``size``, measure it (no timed runs), then roll the data back."""
    with transaction.atomic():
        world = benchmark.seed(size)
        results = benchmark.measure(world, runs=0)
        transaction.set_rollback(True)
    return world, results


def test_seed_and_measure_give_every_page_and_flat_pages_stay_flat():
    tiny, small = seeded_and_measured(TINY)
    plus, bigger = seeded_and_measured(TINY_PLUS)

    assert plus.counts["enterprises"] == 5
    assert plus.counts["risk_points"] == TINY_PLUS.risk_points == 12 + 4 * 3
    assert plus.counts["submissions"] == 12
    assert plus.counts["assessments"] > 0
    assert set(plus.users) == set(benchmark.USERS)

    expected = {(page.key, user) for page in benchmark.PAGES for user in page.users}
    for results in (small, bigger):
        assert {(m.page, m.user) for m in results} == expected
        assert len(results) == len(expected)  # one row each, no duplicate
        assert all(m.status == 200 for m in results)
        assert all(m.queries > 0 for m in results)  # at least session and user

    queries = {(m.page, m.user, m.size): m.queries for m in small + bigger}
    grown = {
        (page, user, queries[(page, user, "tiny")], queries[(page, user, "tiny+")])
        for page, user in expected
        if page in benchmark.FLAT_PAGES
        and queries[(page, user, "tiny")] != queries[(page, user, "tiny+")]
    }
    assert grown == set()
    flat, growing = benchmark.flat_and_growing(small + bigger, "tiny", "tiny+")
    assert set(flat) >= benchmark.FLAT_PAGES
    assert all(page not in benchmark.FLAT_PAGES for page, *_rest in growing)

    section = benchmark.render_section(
        benchmark.environment(runs=0), [TINY, TINY_PLUS], [tiny, plus], small + bigger
    )
    assert all(page.title in section for page in benchmark.PAGES)
    assert section.count("\n| ") >= 2 + len(expected)  # sizes and page rows


def test_the_report_keeps_the_other_engine_and_the_text_around_it(tmp_path):
    document = tmp_path / "performance.md"
    document.write_text("# Performance\n\nHand-written analysis.\n", encoding="utf-8")
    benchmark.write_section(document, "sqlite", "SQLite table v1\n")
    benchmark.write_section(document, "postgresql", "PostgreSQL table\n")
    benchmark.write_section(document, "sqlite", "SQLite table v2\n")
    text = document.read_text(encoding="utf-8")
    assert "Hand-written analysis." in text
    assert "SQLite table v2" in text and "SQLite table v1" not in text
    assert "PostgreSQL table" in text
    assert text.count("benchmark:sqlite:start") == 1
