"""Risk points to show on the risk pages, written through the services."""

from __future__ import annotations

import pytest

from core.organizations.models import Person, Unit
from core.risks.services import (
    AssessmentData,
    ControlData,
    EventData,
    FactorData,
    MeasureData,
    RiskPointData,
    risk_point_create,
)


def reactor_data(world, name="1号反应釜", **overrides) -> RiskPointData:
    """A point of enterprise A: two events, one assessed (LEC 3 × 6 × 7 =
    126, general), placed on the site plan."""
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    data = {
        "name": name,
        "kind": "equipment",
        "unit": workshop,
        "position": {"type": "point", "x": 0.25, "y": 0.5},
        "factors": [FactorData(code="210104", description="法兰密封不良")],
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


@pytest.fixture
def reactor(world):
    """Enterprise A's assessed risk point (general)."""
    return risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )


@pytest.fixture
def site_b(world):
    """Enterprise B's risk point (major): never visible to A's users."""
    return risk_point_create(
        user=world.manager_b,
        enterprise=world.enterprise_b,
        data=RiskPointData(
            name="乙塔吊作业区",
            kind="area",
            events=[
                EventData(
                    name="塔吊倾覆",
                    accident_types=["04"],
                    assessment=AssessmentData(method="ls", inputs={"L": 5, "S": 5}),
                )
            ],
        ),
    )
