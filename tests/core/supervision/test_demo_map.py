"""The demo district on the map: every territory has a boundary and every
enterprise lies inside its grid."""

import pytest

from core.demo.territory_map import ensure_demo_territory_map
from core.organizations.models import Enterprise, Jurisdiction
from core.supervision import geometry
from core.supervision.models import TerritoryBoundary
from tests.core.demo.test_world import demo  # noqa: F401 - fixture


@pytest.mark.django_db
def test_territories_have_boundaries_and_enterprises_lie_inside(demo):  # noqa: F811
    assert TerritoryBoundary.objects.count() == Jurisdiction.objects.count()
    shapes = dict(TerritoryBoundary.objects.values_list("jurisdiction_id", "geometry"))
    for enterprise in Enterprise.objects.all():
        where = (float(enterprise.longitude), float(enterprise.latitude))
        assert geometry.point_in_geometry(where, shapes[enterprise.jurisdiction_id])
        street = enterprise.jurisdiction.get_parent()
        assert geometry.point_in_geometry(where, shapes[street.pk])
    # A second run adds nothing and moves nothing.
    before = list(Enterprise.objects.values_list("latitude", "longitude"))
    assert ensure_demo_territory_map() == 0
    assert list(Enterprise.objects.values_list("latitude", "longitude")) == before
