"""The API's hazard list is written from plain rows (``HAZARD_ROWS``,
core.hazards.api): the same JSON as ``HazardSerializer`` row for row, every
optional field empty and filled, over every role's scope (a department's
page read by key), pages by cursor, and a fixed number of queries."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.hazards.api import HazardSerializer
from core.hazards.models import HazardGrade, HazardStatus
from core.hazards.selectors import hazard_list
from core.organizations.scope import scope_for
from core.risks.models import RiskPoint
from tests.core.base.api_pages import (
    SCOPED_USERS,
    assert_queries_do_not_grow,
    every_page,
    serialized,
)
from tests.factories import api_as as api

pytestmark = pytest.mark.django_db
S = HazardStatus
URL = "/api/v1/hazards/"


def serializer_rows(user, **filters) -> list[dict]:
    """What the serializer writes for every hazard the user sees, in order."""
    hazards = hazard_list(scope=scope_for(user), **filters)
    return serialized(HazardSerializer, hazards)


@pytest.fixture
def varied(hz):
    """Hazards that exercise every branch of a row: with and without a risk
    point, a responsible person, a deadline (passed, to come), closed,
    supervised, in both enterprises."""
    world = hz.world
    today = timezone.localdate()
    point = RiskPoint.objects.create(
        enterprise=world.enterprise_a, name="2号储罐", kind="equipment"
    )
    made = [
        hz.hazard(S.REPORTED),
        hz.hazard(S.REPORTED, grade=HazardGrade.MAJOR, risk_point=point),
        hz.hazard(
            S.RECTIFYING, deadline=today - datetime.timedelta(days=1), location="泵房"
        ),
        hz.hazard(S.CONFIRMED, risk_point=point, supervised=True),
        hz.hazard(S.CONFIRMED, deadline=None, responsible=None),
        hz.hazard(S.CLOSED, deadline=today - datetime.timedelta(days=3)),
        hz.hazard(S.AWAITING_ACCEPTANCE, hazard_type="fire"),
        hz.hazard(S.REJECTED),
        hz.hazard(S.RECTIFYING, enterprise=world.enterprise_b),
        hz.hazard(S.REPORTED, enterprise=world.enterprise_b, location="仓库"),
    ]
    # Two hazards reported at the same moment: the key orders them.
    moment = timezone.now() - datetime.timedelta(days=2)
    for hazard in made[:2]:
        type(hazard).objects.filter(pk=hazard.pk).update(reported_at=moment)
    return made


def test_the_rows_are_the_serializers_row_for_row(hz, varied):
    for role in SCOPED_USERS:
        user = hz.user(role)
        response = api(user).get(URL)
        assert response.status_code == 200, role
        assert response.json()["results"] == serializer_rows(user), role
    rows = {
        row["id"]: row for row in api(hz.world.committee).get(URL).json()["results"]
    }
    assert len(rows) == len(varied)
    overdue = rows[varied[2].pk]
    assert overdue["overdue"] is True and overdue["location"] == "泵房"
    assert overdue["deadline"] == varied[2].deadline.isoformat()
    assert rows[varied[0].pk]["risk_point"] is None
    assert rows[varied[0].pk]["risk_point_name"] is None
    assert rows[varied[0].pk]["responsible_name"] is None
    assert rows[varied[1].pk]["risk_point_name"] == "2号储罐"
    assert rows[varied[3].pk]["supervised"] is True
    assert rows[varied[3].pk]["responsible_name"] == hz.person.name
    assert rows[varied[4].pk]["deadline"] is None
    assert rows[varied[5].pk]["closed_at"] and rows[varied[5].pk]["overdue"] is False


def test_filtered_pages_keep_the_shape(hz, varied):
    for role in ("dept_chemicals", "committee", "manager_a"):
        user = hz.user(role)
        client = api(user)
        for params in (
            {"overdue": "true"},
            {"grade": "major"},
            {"status": "confirmed"},
            {"supervised": "false"},
            {"hazard_type": "fire"},
            {"enterprise": hz.world.enterprise_a.pk},
        ):
            filters = {
                "overdue": True if params.get("overdue") else None,
                "grade": params.get("grade"),
                "status": params.get("status"),
                "supervised": False if "supervised" in params else None,
                "hazard_type": params.get("hazard_type"),
                "enterprise": params.get("enterprise"),
            }
            expected = serializer_rows(user, **filters)
            assert client.get(URL, params).json()["results"] == expected, (
                role,
                params,
            )


def test_cursor_pages_are_the_serializers_rows_in_order(hz, varied):
    for _n in range(55):
        hz.hazard(S.CONFIRMED)
    for role in ("dept_chemicals", "committee", "manager_a"):
        user = hz.user(role)
        assert every_page(api(user), URL) == serializer_rows(user), role


def test_queries_do_not_grow_with_the_hazards(hz, varied, django_assert_num_queries):
    point = RiskPoint.objects.create(
        enterprise=hz.world.enterprise_a, name="3号储罐", kind="equipment"
    )

    def add_rows():
        for n in range(30):
            hz.hazard(S.CONFIRMED, risk_point=point if n % 2 else None)

    assert_queries_do_not_grow(
        [hz.user(role) for role in ("dept_chemicals", "committee")],
        URL,
        add_rows=add_rows,
        assert_num_queries=django_assert_num_queries,
        expected_rows=lambda user: len(serializer_rows(user)),
    )
