"""``Scope.filter_by_key`` selects exactly the rows of ``Scope.filter`` for
every role, a department's written as ``enterprise_id IN (ids)`` from the industry
links alone (no enterprise table)."""

import pytest

from core.organizations.scope import scope_for
from core.risks.models import RiskPoint
from tests.factories import WORLD_ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", WORLD_ROLES)
def test_the_same_rows_as_filter(world, who):
    for enterprise in (world.enterprise_a, world.enterprise_b):
        RiskPoint.objects.create(enterprise=enterprise, name="点", kind="area")
    scope = scope_for(getattr(world, who))
    rows = RiskPoint.objects.all()
    expected = set(scope.filter(rows).values_list("pk", flat=True))
    assert set(scope.filter_by_key(rows).values_list("pk", flat=True)) == expected
    if who.startswith("dept_"):
        sql = str(scope.filter_by_key(rows).query).upper()
        assert "JOIN" not in sql and 'ORGANIZATIONS_ENTERPRISE"' not in sql


def test_foreign_scopes_see_nothing_of_the_other(world):
    a = RiskPoint.objects.create(enterprise=world.enterprise_a, name="甲", kind="area")
    b = RiskPoint.objects.create(enterprise=world.enterprise_b, name="乙", kind="area")
    rows = RiskPoint.objects.all()
    assert list(scope_for(world.dept_construction).filter_by_key(rows)) == [b]
    assert list(scope_for(world.dept_chemicals).filter_by_key(rows)) == [a]
    assert list(scope_for(world.street1_office).filter_by_key(rows)) == [a]
