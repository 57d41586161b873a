"""A department's risk point list finds its page on the bare table and reads
the page's rows by key (``KeysetPagination.join_page_only`` with
``risk_point_values_by_key``): the same rows, names and order as the list
read in one query, filters kept, pages neither skipping nor repeating, a
foreign department refused."""

import pytest
from rest_framework.test import APIClient

from core.organizations.models import Person
from core.risks.api_rows import risk_point_values, risk_point_values_by_key
from core.risks.models import RiskPoint
from tests.core.risks.test_cursor_pages import expected_order, read_all

pytestmark = pytest.mark.django_db

POINTS = "/api/v1/risk-points/"


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def points(world):
    a, b = world.enterprise_a, world.enterprise_b
    made = [
        RiskPoint.objects.create(
            enterprise=a,
            name=f"罐{i % 30:03d}",
            kind="area",
            level="general" if i % 3 else "major",
            description="储罐泄漏" if i % 4 == 0 else "",
        )
        for i in range(70)
    ]
    made += [
        RiskPoint.objects.create(enterprise=b, name=f"罐{i:03d}", kind="area")
        for i in range(5)
    ]
    return made


def test_pages_in_order_with_ties_by_key(world, points):
    own = [p for p in points if p.enterprise_id == world.enterprise_a.pk]
    client = api(world.dept_chemicals)
    seen, pages = read_all(client, POINTS)
    assert pages == 2
    assert seen == expected_order(own)
    assert read_all(client, POINTS)[0] == seen  # stable


def test_filters_return_the_right_rows(world, points):
    client = api(world.dept_chemicals)
    general = [p for p in points[:70] if p.level == "general"]
    assert read_all(client, POINTS + "?level=general")[0] == expected_order(general)
    found = [p for p in points[:70] if "泄漏" in p.description]
    seen, _pages = read_all(client, POINTS + "?search=泄漏")
    assert seen == expected_order(found)


def test_rows_read_by_key_are_the_rows_read_joined(world, points):
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    RiskPoint.objects.filter(pk=points[0].pk).update(
        responsible_person=person, unit=world.post_a, responsible_unit=world.post_a
    )
    keys = [p.pk for p in points]
    joined = {
        row["id"]: row
        for row in risk_point_values(RiskPoint.objects.filter(pk__in=keys))
    }
    by_key = {
        row["id"]: row
        for row in risk_point_values_by_key(RiskPoint.objects.filter(pk__in=keys))
    }
    assert by_key == joined
    assert by_key[points[0].pk]["responsible_person__name"] == "张三"


def test_a_foreign_department_sees_none_of_them(world, points):
    client = api(world.dept_construction)
    seen, _pages = read_all(client, POINTS + "?level=general")
    assert seen == []
    seen, _pages = read_all(client, POINTS)
    assert set(seen) == {p.pk for p in points[70:]}
