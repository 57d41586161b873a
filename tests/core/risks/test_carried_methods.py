"""The methods a risk point carries (``RiskPoint.methods``): kept by every
write of its events and assessments, and what ``?method=`` selects."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as live_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.risks.excel import risk_list_import
from core.risks.models import RiskEvent, RiskPoint
from core.risks.services import (
    AssessmentData,
    EventData,
    RiskPointData,
    risk_event_assess,
    risk_point_create,
    risk_point_create_from_library,
    risk_point_update,
)
from tests.core.risks.conftest import reactor_data
from tests.core.risks.test_excel import GOOD_ROWS, workbook_with
from tests.core.risks.test_filters import api_names
from tests.core.risks.test_views import bulk_points
from tests.dummy_pack import plugin as dummy

pytestmark = pytest.mark.django_db


def methods_of(point: RiskPoint) -> str:
    return RiskPoint.objects.values_list("methods", flat=True).get(pk=point.pk)


def by_method(user, point: RiskPoint) -> set[str]:
    """The methods for which the API's list has ``point``."""
    return {
        method
        for method in ("lec", "ls", "mes", "direct")
        if point.name in api_names(user, method=method)
    }


def test_the_code_is_each_method_once_sorted_between_commas():
    assert RiskPoint.methods_code([]) == ""
    assert RiskPoint.methods_code(["", "lec"]) == ",lec,"
    assert RiskPoint.methods_code(["ls", "lec", "ls"]) == ",lec,ls,"


def test_create_assess_reassess_and_remove_keep_the_methods(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    fire, poisoning = point.events.order_by("order")
    assert methods_of(point) == ",lec,"  # the second event is not assessed
    assert by_method(world.manager_a, point) == {"lec"}

    # A second event assessed with another method: both.
    risk_event_assess(
        user=world.manager_a, event=poisoning, method="ls", inputs={"L": 2, "S": 2}
    )
    assert methods_of(point) == ",lec,ls,"
    assert by_method(world.manager_a, point) == {"lec", "ls"}

    # Re-assessed with another method: only the latest assessment counts.
    risk_event_assess(
        user=world.manager_a, event=fire, method="mes", inputs={"M": 3, "E": 6, "S": 1}
    )
    assert methods_of(point) == ",ls,mes,"
    assert by_method(world.manager_a, point) == {"ls", "mes"}

    # An event removed (deactivated): its method goes with it.
    fire.refresh_from_db()
    data = reactor_data(world)
    data.events = [
        EventData(
            id=fire.pk,
            name=fire.name,
            accident_types=["08"],
        )
    ]
    risk_point_update(user=world.manager_a, risk_point=point, data=data)
    assert not RiskEvent.objects.get(pk=poisoning.pk).is_active
    assert methods_of(point) == ",mes,"

    # A new event with its first assessment, written with the point.
    data.events.append(
        EventData(
            name="高处坠落",
            accident_types=["06"],
            assessment=AssessmentData(method="lec", inputs={"L": 1, "E": 1, "C": 1}),
        )
    )
    risk_point_update(user=world.manager_a, risk_point=point, data=data)
    assert methods_of(point) == ",lec,mes,"
    assert by_method(world.manager_a, point) == {"lec", "mes"}
    point.refresh_from_db()
    assert point.level  # the level is kept by the same write


def test_a_library_copy_carries_no_method_until_assessed(world, enable_packs):
    enable_packs(extra=[("dummy", dummy)])
    point = risk_point_create_from_library(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        pack="dummy",
        key="dummy_tank",
    )
    assert methods_of(point) == ""  # a suggestion is not an assessment
    assert api_names(world.manager_a, method="dummy_grade") == set()
    fire = point.events.order_by("order").first()
    risk_event_assess(
        user=world.manager_a, event=fire, method="lec", inputs={"L": 1, "E": 1, "C": 1}
    )
    assert methods_of(point) == ",lec,"


def test_an_excel_import_carries_the_methods(world):
    result = risk_list_import(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        file=workbook_with(GOOD_ROWS),
    )
    assert result.ok, [str(p) for p in result.problems]
    assert methods_of(RiskPoint.objects.get(name="1号储罐")) == ",lec,ls,"
    assert methods_of(RiskPoint.objects.get(name="装卸作业")) == ",mes,"
    assert api_names(world.manager_a, method="ls") == {"1号储罐"}
    assert api_names(world.manager_a, method="mes") == {"装卸作业"}


def test_a_method_is_matched_whole(world):
    risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    # (Method keys are lower case; SQLite's LIKE ignores ASCII case.)
    for method in ("le", "ec", "lec,", ",lec", "lec,ls", "%", "_ec"):
        assert api_names(world.manager_a, method=method) == set(), method
    assert api_names(world.manager_a, method="lec") == {"1号反应釜"}


def test_the_filter_is_scoped(world, reactor, site_b):
    # B's point is LS: A's manager never sees it, whatever the filter.
    assert api_names(world.manager_a, method="ls") == set()
    assert api_names(world.manager_b, method="ls") == {"乙塔吊作业区"}
    assert api_names(world.manager_b, method="lec") == set()
    # The chemicals department sees A (chemicals), not B (construction).
    assert api_names(world.dept_chemicals, method="lec") == {"1号反应釜"}
    assert api_names(world.dept_chemicals, method="ls") == set()
    assert api_names(world.committee, method="ls") == {"乙塔吊作业区"}


def test_the_filter_costs_the_same_queries_at_two_sizes(world):
    api = APIClient()
    api.force_authenticate(world.committee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = api.get("/api/v1/risk-points/", {"method": "lec"})
        assert response.status_code == 200
        return len(captured), response.json()

    bulk_points(world, 60)
    api.get("/api/v1/risk-points/", {"method": "lec"})  # warm the content types
    small, first = queries()
    bulk_points(world, 600)
    large, second = queries()
    assert small == large
    assert len(first["results"]) == len(second["results"]) == 50
    assert second["count"] == 660


def test_the_migration_carries_the_methods_of_existing_points(world, reactor, site_b):
    RiskPoint.objects.update(methods="")
    migration = importlib.import_module("core.risks.migrations.0010_riskpoint_methods")
    migration.carry_methods(live_apps, None)
    assert methods_of(reactor) == ",lec,"
    assert methods_of(site_b) == ",ls,"
    assert RiskPoint.objects.filter(methods="").count() == 0


def test_an_unassessed_point_carries_no_method(world):
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(
            name="无评价",
            kind="area",
            events=[EventData(name="未评价事件", accident_types=["08"])],
        ),
    )
    assert methods_of(point) == ""
    assert api_names(world.manager_a, method="lec") == set()
