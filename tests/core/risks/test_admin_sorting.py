"""The supervisors' risk point list sorts by a header only in an order an
index serves (``ScopedIndexView.indexed_orderings``): by enterprise (the
list's own order) and by the last change, both ways, ties broken by the
key; the other headers have no sort link and their ``?ordering=`` is
ignored."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from core.organizations.scope import scope_for
from core.risks.models import RiskPoint
from core.risks.selectors import risk_point_list
from tests.factories import logged_in

pytestmark = pytest.mark.django_db
ADMIN = "/admin/risks/points/"


def _ids(client, query: str) -> list[int]:
    page = client.get(ADMIN + query).content.decode()
    found = re.findall(r"/admin/risks/points/inspect/(\d+)/", page)
    return list(dict.fromkeys(int(pk) for pk in found))


@pytest.fixture
def points(world):
    now = timezone.now()
    made = [
        RiskPoint.objects.create(enterprise=world.enterprise_a, name=name, kind=kind)
        for name, kind in (("丙罐区", "area"), ("甲泵", "equipment"), ("乙库", "area"))
    ]
    made.append(
        RiskPoint.objects.create(
            enterprise=world.enterprise_b, name="塔吊", kind="area"
        )
    )
    # The first two changed at the same moment: the key decides.
    moments = [now, now, now - datetime.timedelta(hours=2), now]
    for point, moment in zip(made, moments, strict=True):
        RiskPoint.objects.filter(pk=point.pk).update(updated_at=moment)
    return made


def test_sorted_by_last_change_both_ways_ties_by_key(world, points):
    own = RiskPoint.objects.filter(enterprise=world.enterprise_a)
    latest = list(own.order_by("-updated_at", "-pk").values_list("pk", flat=True))
    client = logged_in(world.dept_chemicals)
    assert _ids(client, "?ordering=-updated_at") == latest
    assert _ids(client, "?ordering=updated_at") == latest[::-1]
    assert _ids(client, "?ordering=-updated_at") == latest  # stable


def test_sorted_by_enterprise_is_the_lists_order(world, points):
    client = logged_in(world.committee)
    order = list(
        risk_point_list(scope=scope_for(world.committee)).values_list("pk", flat=True)
    )
    assert _ids(client, "?ordering=enterprise") == order
    assert _ids(client, "") == order
    assert _ids(client, "?ordering=-enterprise") == order[::-1]


def test_a_header_no_index_serves_is_not_sortable(world, points):
    client = logged_in(world.committee)
    default = _ids(client, "")
    for ordering in ("kind", "-control_level", "name"):
        assert _ids(client, f"?ordering={ordering}") == default
    html = client.get(ADMIN).content.decode()
    assert "ordering=-updated_at" in html or "ordering=updated_at" in html
    for key in ("kind", "control_level"):
        assert f"ordering={key}" not in html and f"ordering=-{key}" not in html


def test_the_sorted_list_keeps_the_scope_and_the_filter(world, points):
    foreign = logged_in(world.dept_construction)
    assert _ids(foreign, "?ordering=-updated_at") == [points[-1].pk]
    own = logged_in(world.dept_chemicals)
    assert points[-1].pk not in _ids(own, "?ordering=updated_at")
    assert _ids(own, "?ordering=-updated_at&kind=equipment") == [points[1].pk]
