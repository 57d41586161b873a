"""The supervisors' hazard list sorts by a header only in an order an index
serves (``ScopedIndexView.indexed_orderings``): the report time, both ways,
ties broken by the key; every other header has no sort link and its
``?ordering=`` is ignored (the stored supervisors' order stays)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from core.hazards.models import HazardGrade, HazardStatus
from core.hazards.selectors import hazard_list_for_supervisors
from core.organizations.scope import scope_for
from tests.factories import logged_in

pytestmark = pytest.mark.django_db
ADMIN = "/admin/hazards/"


def _ids(client, query: str) -> list[int]:
    page = client.get(ADMIN + query).content.decode()
    return [int(pk) for pk in re.findall(r"/admin/hazards/inspect/(\d+)/", page)]


@pytest.fixture
def hazards(hz):
    now = timezone.now()
    at = [now - datetime.timedelta(hours=n) for n in range(4)]
    return [
        hz.hazard(HazardStatus.CONFIRMED, reported_at=at[3]),
        hz.hazard(HazardStatus.REPORTED, grade=HazardGrade.MAJOR, reported_at=at[1]),
        hz.hazard(HazardStatus.REPORTED, reported_at=at[0]),
        hz.hazard(HazardStatus.REPORTED, reported_at=at[0]),  # a tie: the key
        hz.hazard(HazardStatus.CONFIRMED, reported_at=at[2]),
        hz.hazard(HazardStatus.REPORTED, enterprise=hz.world.enterprise_b),
    ]


def test_sorted_by_report_time_both_ways_ties_by_key(hz, hazards):
    own = [h for h in hazards if h.enterprise_id == hz.world.enterprise_a.pk]
    newest = [h.pk for h in sorted(own, key=lambda h: (h.reported_at, h.pk))][::-1]
    client = logged_in(hz.world.dept_chemicals)
    assert _ids(client, "?ordering=-reported_at") == newest
    assert _ids(client, "?ordering=reported_at") == newest[::-1]
    # Stable: the same order on every request.
    assert _ids(client, "?ordering=-reported_at") == newest


def test_a_header_no_index_serves_is_not_sortable(hz, hazards):
    client = logged_in(hz.world.dept_chemicals)
    supervisors = list(
        hazard_list_for_supervisors(
            scope=scope_for(hz.world.dept_chemicals)
        ).values_list("pk", flat=True)
    )
    for ordering in ("status", "-grade", "deadline"):
        assert _ids(client, f"?ordering={ordering}") == supervisors
    html = client.get(ADMIN).content.decode()
    assert "ordering=reported_at" in html or "ordering=-reported_at" in html
    for key in ("status", "grade", "deadline"):
        assert f"ordering={key}" not in html and f"ordering=-{key}" not in html


def test_the_sorted_list_keeps_the_scope_and_the_filter(hz, hazards):
    foreign = logged_in(hz.world.dept_construction)
    assert _ids(foreign, "?ordering=-reported_at") == [hazards[-1].pk]
    own = logged_in(hz.world.dept_chemicals)
    assert hazards[-1].pk not in _ids(own, "?ordering=-reported_at")
    major = _ids(own, f"?ordering=reported_at&grade={HazardGrade.MAJOR}")
    assert major == [hazards[1].pk]
