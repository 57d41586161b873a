"""The admin hazards list filters by enterprise with the typing chooser,
within the scope: an enterprise outside it selects nothing."""

import pytest

from tests.core.supervision.test_map import hazard

pytestmark = pytest.mark.django_db
URL = "/admin/hazards/"


def test_the_hazard_list_filters_by_an_enterprise_chosen_by_typing(world, client):
    hazard(world, world.enterprise_a, location="甲罐区")
    hazard(world, world.enterprise_b, location="乙工地")
    client.force_login(world.committee)
    page = client.get(URL, {"enterprise": world.enterprise_b.pk})
    assert page.status_code == 200
    body = page.content.decode()
    assert "enterprise-chooser" in body  # the search-as-you-type widget
    rows = [h.enterprise_id for h in page.context["object_list"]]
    assert rows == [world.enterprise_b.pk]
    # dept-chem does not see B: the filter is invalid and ignored, and B's
    # hazard is not in its list anyway.
    client.force_login(world.dept_chemicals)
    page = client.get(URL, {"enterprise": world.enterprise_b.pk})
    assert page.status_code == 200
    assert {h.enterprise_id for h in page.context["object_list"]} == {
        world.enterprise_a.pk
    }
    assert "乙建筑有限公司" not in page.content.decode()
