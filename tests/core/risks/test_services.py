"""Risk point writes: whole, transactional, scope-checked, history kept."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.utils import translation

from core.organizations.models import Person, Unit
from core.organizations.scope import scope_for
from core.risks.models import (
    Assessment,
    ControlMeasure,
    HazardFactor,
    ImmutableError,
    RiskAnalysisUnit,
    RiskEvent,
    RiskPoint,
)
from core.risks.selectors import risk_point_history
from core.risks.services import (
    AssessmentData,
    ControlData,
    EventData,
    FactorData,
    MeasureData,
    RiskDataInvalid,
    RiskPointData,
    risk_event_assess,
    risk_point_create,
    risk_point_create_from_library,
    risk_point_update,
)
from tests.dummy_pack import plugin as dummy

pytestmark = pytest.mark.django_db


def reactor_data(world, **overrides):
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    data = {
        "name": "1号反应釜",
        "kind": "equipment",
        "unit": workshop,
        "position": {"type": "point", "x": 0.25, "y": 0.5},
        "factors": [
            FactorData(code="210104", description="法兰密封不良"),
            FactorData(code="120202", analysis_unit="投料"),
        ],
        "events": [
            EventData(
                name="物料泄漏引发火灾",
                accident_types=["08", "18"],
                hazard_factors=["210104"],
                measures=[
                    MeasureData(kind="monitoring", description="可燃气体检测报警"),
                    MeasureData(kind="emergency", description="泄漏应急处置卡"),
                ],
                assessment=AssessmentData(
                    method="lec", inputs={"L": 3, "E": 6, "C": 7}
                ),
            ),
            EventData(
                name="违章投料导致中毒",
                accident_types=["19"],
                analysis_unit="投料",
                hazard_factors=["120202"],
                measures=[MeasureData(kind="training", description="岗位培训")],
            ),
        ],
        "control": ControlData(
            level="workshop",
            responsible_unit=workshop,
            responsible_person=person,
            inspection_every=2,
            inspection_unit="hour",
        ),
    }
    data.update(overrides)
    return RiskPointData(**data)


def test_create_writes_everything_in_one_go(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    assert point.level == "general"  # D = 126
    assert point.control_level == "workshop"
    assert point.inspection_every == 2 and point.inspection_unit == "hour"
    units = list(RiskAnalysisUnit.objects.filter(risk_point=point))
    assert [(u.name, u.is_default) for u in units] == [("", True), ("投料", False)]
    fire, poisoning = point.events.order_by("order")
    assert sorted(fire.accident_types.values_list("code", flat=True)) == ["08", "18"]
    assert [f.factor_class.code for f in fire.hazard_factors.all()] == ["210104"]
    assert poisoning.analysis_unit.name == "投料"
    assert fire.measures.count() == 2
    assert fire.latest_assessment.value == 126
    assert poisoning.latest_assessment is None


def test_bad_data_reports_every_problem_and_writes_nothing(world):
    data = reactor_data(
        world,
        name="",
        kind="robot",
        factors=[FactorData(code="999")],
        events=[
            EventData(
                name="x",
                accident_types=["99"],
                measures=[MeasureData(kind="prayer", description="")],
                assessment=AssessmentData(method="lec", inputs={"L": 4, "E": 6}),
            )
        ],
        control=ControlData(responsible_unit=world.enterprise_b.pk * 1000),
    )
    with translation.override("en"), pytest.raises(RiskDataInvalid) as caught:
        risk_point_create(
            user=world.manager_a, enterprise=world.enterprise_a, data=data
        )
    paths = {e["path"] for e in caught.value.as_list()}
    assert paths == {
        "/name",
        "/kind",
        "/factors/0/code",
        "/events/0/accident_types/0",
        "/events/0/measures/0/kind",
        "/events/0/measures/0/description",
        "/events/0/assessment/inputs/L",
        "/events/0/assessment/inputs/C",
        "/control/responsible_unit",
    }
    assert RiskPoint.objects.count() == 0
    assert RiskEvent.objects.count() == 0


def test_a_position_must_be_a_point_or_polygon_on_the_plan(world):
    data = reactor_data(world, position={"type": "polygon", "points": [[0, 0], [2, 1]]})
    with translation.override("en"), pytest.raises(RiskDataInvalid) as caught:
        risk_point_create(
            user=world.manager_a, enterprise=world.enterprise_a, data=data
        )
    assert {e["path"] for e in caught.value.as_list()} == {
        "/position/points",
        "/position/points/1/0",
    }


def test_units_and_people_of_another_enterprise_are_refused(world):
    other = Unit.add_root(enterprise=world.enterprise_b, name="乙", kind="company")
    data = reactor_data(world, unit=other)
    with pytest.raises(RiskDataInvalid) as caught:
        risk_point_create(
            user=world.manager_a, enterprise=world.enterprise_a, data=data
        )
    assert [e["path"] for e in caught.value.as_list()] == ["/unit"]


@pytest.mark.parametrize(
    "who", ["manager_b", "staff_a", "committee", "dept_chemicals", "street1_office"]
)
def test_only_the_enterprise_manager_writes_risk_records(world, who):
    with pytest.raises(PermissionDenied):
        risk_point_create(
            user=getattr(world, who),
            enterprise=world.enterprise_a,
            data=reactor_data(world),
        )
    assert RiskPoint.objects.count() == 0


def test_reassessment_keeps_the_history(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    fire = point.events.get(name="物料泄漏引发火灾")
    first = fire.latest_assessment
    second = risk_event_assess(
        user=world.manager_a, event=fire, method="ls", inputs={"L": 4, "S": 5}
    )
    point.refresh_from_db()
    fire.refresh_from_db()
    assert point.level == "major"
    assert fire.latest_assessment == second
    assert list(fire.assessments.values_list("pk", flat=True)) == [second.pk, first.pk]
    first.refresh_from_db()
    assert (first.method, first.value, first.level) == ("lec", 126, "general")
    assert second.assessed_by == world.manager_a
    history = risk_point_history(scope=scope_for(world.manager_a), risk_point=point)
    kinds = [entry.kind for entry in history]
    assert kinds.count("assessment") == 2
    assert "change" in kinds  # created parts and the level change
    level_changes = [
        e
        for e in history
        if e.log_entry is not None and "level" in (e.log_entry.changes_dict or {})
    ]
    assert level_changes, "the change of the cached level is in the log"


def test_assessments_are_immutable(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    assessment = Assessment.objects.get(risk_point=point)
    assessment.note = "changed"
    with pytest.raises(ImmutableError):
        assessment.save()
    with pytest.raises(ImmutableError):
        assessment.delete()
    with pytest.raises(ImmutableError):
        Assessment.objects.filter(pk=assessment.pk).update(level="low")
    with pytest.raises(ImmutableError):
        Assessment.objects.filter(pk=assessment.pk).delete()


def test_direct_determination_raises_the_point_to_major(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    poisoning = point.events.get(name="违章投料导致中毒")
    assessment = risk_event_assess(
        user=world.manager_a,
        event=poisoning,
        method="ls",
        inputs={
            "L": 2,
            "S": 3,
            "direct_conditions": ["ten_or_more_people"],
            "direct_note": "投料时12人同时作业",
        },
    )
    assert (assessment.value, assessment.scored_level, assessment.level) == (
        6,
        "low",
        "major",
    )
    assert assessment.direct_reasons[0]["key"] == "ten_or_more_people"
    assert assessment.details["direct_note"] == "投料时12人同时作业"
    point.refresh_from_db()
    assert point.level == "major"


def test_invalid_assessment_changes_nothing(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    fire = point.events.get(name="物料泄漏引发火灾")
    with pytest.raises(RiskDataInvalid) as caught:
        risk_event_assess(
            user=world.manager_a, event=fire, method="lec", inputs={"L": 4}
        )
    assert {e["path"] for e in caught.value.as_list()} == {
        "/inputs/L",
        "/inputs/E",
        "/inputs/C",
    }
    with pytest.raises(RiskDataInvalid) as caught:
        risk_event_assess(user=world.manager_a, event=fire, method="nope", inputs={})
    assert [e["path"] for e in caught.value.as_list()] == ["/method"]
    assert Assessment.objects.count() == 1


def test_update_keeps_removed_events_and_measures_readable(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    fire = point.events.get(name="物料泄漏引发火灾")
    poisoning = point.events.get(name="违章投料导致中毒")
    kept_measure = fire.measures.get(kind="monitoring")
    factor = point.hazard_factors.get(factor_class__code="210104")
    data = reactor_data(
        world,
        name="1号反应釜（改造后）",
        factors=[FactorData(code="210104", description="法兰密封不良", id=factor.pk)],
        events=[
            EventData(
                id=fire.pk,
                name="物料泄漏引发火灾",
                accident_types=["08"],
                hazard_factors=["210104"],
                measures=[
                    MeasureData(
                        id=kept_measure.pk, kind="monitoring", description="双探头报警"
                    ),
                    MeasureData(kind="automation", description="紧急切断阀联锁"),
                ],
            )
        ],
    )
    risk_point_update(user=world.manager_a, risk_point=point, data=data)
    point.refresh_from_db()
    assert point.name == "1号反应釜（改造后）"
    poisoning.refresh_from_db()
    assert poisoning.is_active is False
    assert point.level == "general"  # from the fire's assessment only
    assert list(fire.accident_types.values_list("code", flat=True)) == ["08"]
    assert set(
        ControlMeasure.objects.filter(event=fire, is_active=True).values_list(
            "description", flat=True
        )
    ) == {"双探头报警", "紧急切断阀联锁"}
    assert ControlMeasure.objects.filter(event=fire, is_active=False).count() == 1
    assert HazardFactor.objects.filter(risk_point=point).count() == 1
    updates = LogEntry.objects.filter(
        additional_data__risk_point=point.pk, action=LogEntry.Action.UPDATE
    )
    assert updates.exists()


def test_update_refuses_parts_of_another_point(world):
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    other = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=reactor_data(world, name="2号反应釜"),
    )
    foreign_event = other.events.first()
    data = reactor_data(
        world, events=[EventData(id=foreign_event.pk, name="x", accident_types=["08"])]
    )
    with pytest.raises(RiskDataInvalid) as caught:
        risk_point_update(user=world.manager_a, risk_point=point, data=data)
    assert "/events/0/id" in {e["path"] for e in caught.value.as_list()}


def test_copy_from_the_risk_library(world, enable_packs):
    enable_packs(extra=[("dummy", dummy)])
    point = risk_point_create_from_library(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        pack="dummy",
        key="dummy_tank",
    )
    assert point.name == "测试储罐"
    assert point.source == "dummy:dummy_tank"
    assert point.control_level == "workshop"
    assert (point.inspection_every, point.inspection_unit) == (1, "shift")
    fire, overpressure = point.events.order_by("order")
    assert sorted(fire.accident_types.values_list("code", flat=True)) == ["08", "18"]
    # Each event keeps exactly its own measures and factors.
    assert sorted(fire.measures.values_list("kind", flat=True)) == [
        "emergency",
        "monitoring",
    ]
    assert list(overpressure.measures.values_list("kind", flat=True)) == ["engineering"]
    assert point.measures.count() == 3
    factors = {f.factor_class.code: f for f in point.hazard_factors.all()}
    assert sorted(factors) == ["2101", "210104"]
    assert factors["210104"].description == "法兰密封不良"
    assert set(fire.hazard_factors.all()) == set(factors.values())
    assert list(overpressure.hazard_factors.all()) == [factors["210104"]]
    # The suggestion is offered, not recorded: the enterprise assesses.
    assert fire.suggested_assessment == {
        "method": "dummy_grade",
        "inputs": {"state": "hot"},
        "check_conditions": ["dummy_big_site"],
    }
    assert overpressure.suggested_assessment == {}
    assert not point.assessments.exists()
    assert point.level == ""
    with pytest.raises(RiskDataInvalid):
        risk_point_create_from_library(
            actor=world.manager_a, enterprise=world.enterprise_a, pack="dummy", key="x"
        )


@pytest.mark.parametrize("who", ["staff_a", "dept_chemicals", "manager_b"])
def test_only_the_enterprise_manager_copies_from_the_library(world, enable_packs, who):
    enable_packs(extra=[("dummy", dummy)])
    with pytest.raises(PermissionDenied):
        risk_point_create_from_library(
            actor=getattr(world, who),
            enterprise=world.enterprise_a,
            pack="dummy",
            key="dummy_tank",
        )
    assert not RiskPoint.objects.exists()
