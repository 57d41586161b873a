"""Dashboards: the admin home of each government role and the portal home
of an enterprise; figures scoped; a bounded number of queries whatever the
data size; no leftover English page-editing panels."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.hazards.models import HazardGrade, HazardStatus
from core.inspections.models import InspectionTask, TaskSource, TaskStatus
from core.organizations.scope import scope_for
from core.supervision.dashboards import dashboard_figures
from tests.core.forms.conftest import (  # noqa: F401 - fixtures used here
    chem_department,
    published,
)
from tests.core.supervision.test_map import hazard, point
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    point(world.enterprise_a, "major")
    point(world.enterprise_b, "general")
    point(world.enterprise_b, "")
    hazard(world, world.enterprise_a, grade=HazardGrade.MAJOR)
    hazard(
        world,
        world.enterprise_b,
        HazardStatus.RECTIFYING,
        deadline=timezone.localdate() - datetime.timedelta(days=2),
    )
    hazard(
        world,
        world.enterprise_b,
        HazardStatus.CLOSED,
        deadline=timezone.localdate(),
        closed_at=timezone.now(),
    )
    return world


def test_figures_are_scoped(data):
    committee = dashboard_figures(scope=scope_for(data.committee))
    assert committee["enterprises"]["total"] == 2
    assert {x["key"]: x["count"] for x in committee["risk_levels"]} == {
        "major": 1,
        "significant": 0,
        "general": 1,
        "low": 0,
    }
    assert committee["risk_unassessed"] == 1
    assert committee["hazards"]["open"] == 2
    assert committee["hazards"]["overdue"] == 1
    assert committee["trends"]["reported"][-1] == 3
    assert committee["trends"]["closed"][-1] == 1
    assert len(committee["months"]) == 12
    ranked = committee["rankings"]["enterprises"]
    assert ranked[0]["id"] == data.enterprise_a.pk  # its hazard is major
    assert {r["name"] for r in committee["rankings"]["territories"]} == {
        "一街道",
        "二街道",
    }
    chem = dashboard_figures(scope=scope_for(data.dept_chemicals))
    assert chem["enterprises"]["total"] == 1
    assert chem["hazards"]["open"] == 1 and chem["hazards"]["overdue"] == 0
    assert [r["code"] for r in chem["rankings"]["industries"]] == ["chemicals"]
    street = dashboard_figures(scope=scope_for(data.street1_office))
    assert [r["name"] for r in street["rankings"]["territories"]] == ["一街道"]
    own = dashboard_figures(
        scope=scope_for(data.manager_b), enterprise=data.enterprise_b.pk
    )
    assert "rankings" not in own and own["hazards"]["open"] == 1


def test_mechanism_established_is_computed(data, published):  # noqa: F811
    figures = dashboard_figures(scope=scope_for(data.committee))
    assert figures["enterprises"]["established"] == 0
    now = timezone.now()
    InspectionTask.objects.create(
        enterprise=data.enterprise_a,
        source=TaskSource.CONTROL,
        origin="test",
        title="罐区巡检",
        period_start=now - datetime.timedelta(days=1),
        period_end=now,
        due_at=now,
        status=TaskStatus.DONE,
        done_at=now,
        version=published[1],
    )
    figures = dashboard_figures(scope=scope_for(data.committee))
    assert figures["enterprises"]["established"] == 1
    assert figures["enterprises"]["established_rate"] == 50.0
    assert figures["inspections"]["done"] == 1
    assert figures["trends"]["inspections_done"][-1] == 1


def _queries(django_assert_max_num_queries, client, url, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "role", ["committee", "dept_chemicals", "street1_office", "superuser"]
)
def test_admin_home_is_the_dashboard_with_bounded_queries(
    data, client, role, django_assert_max_num_queries
):
    client.force_login(getattr(data, role))
    client.get("/admin/")
    small = _queries(django_assert_max_num_queries, client, "/admin/", 60)
    for _n in range(15):
        extra = EnterpriseFactory(jurisdiction=data.grid1, industries=[data.chemicals])
        point(extra, "significant")
        hazard(data, extra)
    response = client.get("/admin/")
    body = response.content.decode()
    assert 'id="sg-dashboard-figures"' in body and "echarts.min.js" in body
    assert "supervision-dashboard" in body
    # No page search box, no Wagtail page-editing panels.
    assert 'role="search"' not in body.split("w-dashboard", 1)[1]
    assert all(
        type(panel).__module__.startswith("core.")
        for panel in response.context["panels"]
    )
    large = _queries(django_assert_max_num_queries, client, "/admin/", 60)
    assert large == small


def test_portal_home_shows_the_enterprise_dashboard(data, client):
    client.force_login(data.manager_a)
    response = client.get("/portal/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="enterprise-dashboard"' in body
    assert "echarts.min.js" in body and "rankings" not in body
    # Its own figures only: one open hazard, enterprise B's are not counted.
    figures = response.context["figures"]
    assert figures["hazards"]["open"] == 1


def test_government_roles_do_not_get_the_portal_dashboard(data, client):
    client.force_login(data.committee)
    assert client.get("/portal/").status_code in (302, 403)
