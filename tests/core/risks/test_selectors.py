"""The risk list and overview: scoped, filtered, bounded whatever the size."""

import pytest
from django.core.paginator import Paginator

from core.organizations.models import Unit
from core.organizations.scope import scope_for
from core.risks.models import (
    AccidentType,
    Assessment,
    RiskAnalysisUnit,
    RiskEvent,
    RiskPoint,
)
from core.risks.selectors import risk_overview, risk_point_list

pytestmark = pytest.mark.django_db

LEVELS = ["major", "significant", "general", "low", ""]


@pytest.fixture
def ten_thousand(world):
    """10,000 risk points in enterprise A (bulk-created), 300 of them with an
    assessed event, and two points of enterprise B."""
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    company = Unit.objects.get(enterprise=world.enterprise_a, name="甲化工")
    points = RiskPoint.objects.bulk_create(
        RiskPoint(
            enterprise=world.enterprise_a,
            name=f"风险点{i:05d}",
            kind="equipment" if i % 2 else "area",
            unit=workshop if i % 3 else company,
            level=LEVELS[i % 5],
        )
        for i in range(10_000)
    )
    RiskPoint.objects.bulk_create(
        RiskPoint(
            enterprise=world.enterprise_b, name=f"乙{i}", kind="area", level="major"
        )
        for i in range(2)
    )
    assessed = [p for p in points if p.level][:300]
    units = RiskAnalysisUnit.objects.bulk_create(
        RiskAnalysisUnit(risk_point=p, is_default=True) for p in assessed
    )
    events = RiskEvent.objects.bulk_create(
        RiskEvent(risk_point=p, analysis_unit=u, name="事件")
        for p, u in zip(assessed, units, strict=True)
    )
    fire = AccidentType.objects.get(code="08")
    RiskEvent.accident_types.through.objects.bulk_create(
        RiskEvent.accident_types.through(riskevent_id=e.pk, accidenttype_id=fire.pk)
        for e in events
    )
    for i, point in enumerate(assessed):
        point.methods = RiskPoint.methods_code(["ls" if i % 2 else "lec"])
    RiskPoint.objects.bulk_update(assessed, ["methods"])
    assessments = Assessment.objects.bulk_create(
        Assessment(
            risk_point=p,
            event=e,
            method="ls" if i % 2 else "lec",
            inputs={},
            value=1,
            level=p.level,
        )
        for i, (p, e) in enumerate(zip(assessed, events, strict=True))
    )
    for event, assessment in zip(events, assessments, strict=True):
        event.latest_assessment = assessment
    RiskEvent.objects.bulk_update(events, ["latest_assessment"])
    return world


def test_list_and_overview_are_bounded_with_10000_points(
    ten_thousand, django_assert_max_num_queries
):
    world = ten_thousand
    scope = scope_for(world.manager_a)
    with django_assert_max_num_queries(6):
        page = Paginator(risk_point_list(scope=scope, with_events=True), 50).get_page(1)
        rows = [
            (
                p.name,
                p.enterprise.name,
                [e.latest_assessment.level for e in p.events.all()],
            )
            for p in page
        ]
    assert page.paginator.count == 10_000
    assert len(rows) == 50
    with django_assert_max_num_queries(1):
        overview = risk_overview(scope=scope)
    assert overview == {
        "total": 10_000,
        "major": 2_000,
        "significant": 2_000,
        "general": 2_000,
        "low": 2_000,
        "unassessed": 2_000,
    }


def test_filters_are_bounded_and_scoped(ten_thousand, django_assert_max_num_queries):
    world = ten_thousand
    scope = scope_for(world.dept_chemicals)
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    with django_assert_max_num_queries(4):
        page = Paginator(
            risk_point_list(
                scope=scope, level="major", kind="equipment", unit=workshop.pk
            ),
            50,
        ).get_page(3)
        names = [p.name for p in page]
    assert len(names) == 50
    assert page.paginator.count == len(
        [i for i in range(10_000) if i % 5 == 0 and i % 2 and i % 3]
    )
    with django_assert_max_num_queries(2):
        by_method = risk_overview(scope=scope, method="ls")
    assert by_method["total"] == 150


def test_unit_filter_includes_the_subtree_and_refuses_foreign_units(world):
    from core.risks.services import EventData, RiskPointData, risk_point_create

    company = Unit.objects.get(enterprise=world.enterprise_a, name="甲化工")
    team = Unit.objects.get(enterprise=world.enterprise_a, name="一班")
    risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(
            name="班组点",
            kind="operation",
            unit=team,
            events=[EventData(name="e", accident_types=["03"])],
        ),
    )
    scope = scope_for(world.manager_a)
    assert [p.name for p in risk_point_list(scope=scope, unit=company)] == ["班组点"]
    foreign = Unit.add_root(enterprise=world.enterprise_b, name="乙", kind="company")
    assert list(risk_point_list(scope=scope, unit=foreign)) == []
    assert risk_overview(scope=scope_for(world.manager_b), unit=team)["total"] == 0
    assert [p.name for p in risk_point_list(scope=scope, level="unassessed")] == [
        "班组点"
    ]
