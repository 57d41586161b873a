"""The API's risk point list is written by hand from plain rows
(core.risks.api_rows): the same JSON as the serializer, in a fixed number of
queries, and ``?search=`` matches any part, case-insensitively, literally."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer

from core.organizations.scope import scope_for
from core.risks.api import RiskPointSerializer
from core.risks.models import ControlMeasure, RiskEvent, RiskPoint
from core.risks.selectors import risk_point_list
from core.risks.services import (
    AssessmentData,
    EventData,
    MeasureData,
    RiskPointData,
    risk_point_create,
)
from tests.core.risks.test_cursor_pages import POINTS, api

pytestmark = pytest.mark.django_db


def serializer_rows(user) -> list[dict]:
    """What the serializer writes for every point the user sees, in order."""
    points = risk_point_list(scope=scope_for(user), with_events=True)
    data = RiskPointSerializer(points, many=True).data
    return json.loads(JSONRenderer().render(data))


@pytest.fixture
def varied(world, reactor, site_b):
    """Points that exercise every branch of a row: a named analysis unit,
    an event without assessment, an inactive event and measure, a point with
    no unit, no position, no control and no events."""
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(
            name="2号储罐",
            kind="equipment",
            events=[
                EventData(
                    name="储罐超压",
                    analysis_unit="罐顶呼吸阀",
                    accident_types=["09", "08"],
                    measures=[
                        MeasureData(kind="engineering", description="安全阀"),
                        MeasureData(kind="management", description="巡检"),
                    ],
                    assessment=AssessmentData(
                        method="lec", inputs={"L": 6, "E": 6, "C": 40}
                    ),
                ),
                EventData(name="已撤销的事件", accident_types=["01"]),
            ],
        ),
    )
    RiskEvent.objects.filter(risk_point=point, name="已撤销的事件").update(
        is_active=False
    )
    ControlMeasure.objects.filter(risk_point=point, description="巡检").update(
        is_active=False
    )
    RiskPoint.objects.create(enterprise=world.enterprise_a, name="空点", kind="area")
    return point


def test_the_rows_are_the_serializers_row_for_row(world, varied):
    for user in (world.committee, world.manager_a, world.manager_b):
        response = api(user).get(POINTS)
        assert response.status_code == 200
        assert response.json()["results"] == serializer_rows(user)
    rows = api(world.manager_a).get(POINTS).json()["results"]
    tank = next(row for row in rows if row["name"] == "2号储罐")
    [event] = tank["events"]  # the inactive event is not shown
    assert event["analysis_unit"] == "罐顶呼吸阀"
    assert event["accident_types"] == ["08", "09"]  # by code
    assert [m["description"] for m in event["measures"]] == ["安全阀"]
    assert event["latest_assessment"]["value"] == 1440
    empty = next(row for row in rows if row["name"] == "空点")
    assert empty["events"] == [] and empty["unit"] is None
    assert empty["control"]["responsible_person"] is None


def test_filtered_and_enterprise_pages_keep_the_shape(world, varied):
    client = api(world.committee)
    body = client.get(POINTS, {"enterprise": world.enterprise_a.pk}).json()
    expected = [
        row
        for row in serializer_rows(world.committee)
        if row["enterprise"] == world.enterprise_a.pk
    ]
    assert body["results"] == sorted(expected, key=lambda row: (row["name"], row["id"]))
    level = client.get(POINTS, {"level": "major"}).json()["results"]
    assert level and all(row["level"] == "major" for row in level)


def test_queries_do_not_grow_with_the_points(world, varied, django_assert_num_queries):
    client = api(world.committee)
    client.get(POINTS)  # the user's scope and content types
    with CaptureQueriesContext(connection) as few:
        client.get(POINTS)
    for index in range(25):
        risk_point_create(
            user=world.manager_b,
            enterprise=world.enterprise_b,
            data=RiskPointData(
                name=f"点{index:02d}",
                kind="area",
                events=[
                    EventData(
                        name="事件",
                        accident_types=["04"],
                        measures=[MeasureData(kind="training", description="培训")],
                        assessment=AssessmentData(method="ls", inputs={"L": 2, "S": 2}),
                    )
                ],
            ),
        )
    with django_assert_num_queries(len(few)):
        body = client.get(POINTS).json()
    assert len(body["results"]) == 29


def test_search_matches_any_part_case_insensitively_and_literally(world):
    for name in ("Reactor R-101", "反应釜 REACTOR", "50% 液位", "500 液位", "罐_A"):
        RiskPoint.objects.create(enterprise=world.enterprise_a, name=name, kind="area")
    RiskPoint.objects.create(
        enterprise=world.enterprise_a,
        name="描述",
        kind="area",
        description="含 reactor",
    )
    client = api(world.committee)

    def found(text):
        rows = client.get(POINTS, {"search": text}).json()["results"]
        return sorted(row["name"] for row in rows)

    assert found("reactor") == ["Reactor R-101", "反应釜 REACTOR", "描述"]
    assert found("50%") == ["50% 液位"]  # % is a character, not a wildcard
    assert found("罐_") == ["罐_A"]
    assert found("0_") == []
    assert (
        api(world.manager_b).get(POINTS, {"search": "reactor"}).json()["results"] == []
    )
