"""The demo's risk points: pack library entries copied into the two account
enterprises by their managers, placed on the site plan and assessed, all
through the risks' services (``demo_load`` calls ``ensure_demo_risk_points``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from core.demo.plan import demo_account_specs, demo_plan
from core.organizations.models import Enterprise, Person, Role, Unit
from core.risks.models import ControlMeasure, RiskEvent, RiskPoint
from core.risks.selectors import risk_library
from core.risks.services import (
    ControlData,
    EventData,
    FactorData,
    MeasureData,
    RiskPointData,
    risk_event_assess,
    risk_point_create_from_library,
    risk_point_update,
)


@dataclass(frozen=True)
class DemoRiskPoint:
    """A risk library entry copied into a demo enterprise, placed and assessed.

    A library copy carries only suggested assessments (an enterprise
    assesses its own conditions), so the demo records its own: one
    ``(method, inputs)`` per event, the last repeated for further events. Most
    follow the packs' suggestions; a few are raised or lowered so the overview
    shows every colour.
    """

    key: str
    unit: str  # name of a unit in the enterprise's tree ("" = none)
    assessments: tuple[tuple[str, dict[str, int]], ...]
    inspection: tuple[int, str]  # every, InspectionUnit
    position: tuple[float, float] | None = None  # (x, y) on the site plan, 0-1


def _ls(likelihood: int, severity: int) -> tuple[str, dict[str, int]]:
    return ("ls", {"L": likelihood, "S": severity})


def _lec(likelihood: int, exposure: int, consequence: int) -> tuple[str, dict]:
    return ("lec", {"L": likelihood, "E": exposure, "C": consequence})


# Index of the demo enterprise (enterprise-1 / enterprise-2) → its risk points.
DEMO_RISK_POINTS = {
    0: (
        DemoRiskPoint(
            "tank_farm", "储运车间", (_ls(4, 5), _ls(2, 5)), (1, "hour"), (0.72, 0.34)
        ),
        DemoRiskPoint(
            "hazardous_process_reactor",
            "合成车间",
            (_ls(3, 5), _ls(2, 5)),
            (1, "hour"),
            (0.30, 0.42),
        ),
        DemoRiskPoint(
            "loading_unloading",
            "装卸岗",
            (_lec(3, 6, 15), _lec(1, 6, 40)),
            (1, "day"),
            (0.82, 0.66),
        ),
        DemoRiskPoint(
            "chemical_warehouse", "储运车间", (_ls(3, 4), _ls(2, 4)), (1, "day")
        ),
        DemoRiskPoint("hot_work", "", (_lec(3, 6, 15), _lec(3, 6, 3)), (1, "hour")),
        DemoRiskPoint(
            "substation", "公用工程车间", (_lec(1, 3, 40), _ls(2, 4)), (1, "day")
        ),
        DemoRiskPoint(
            "pumps_compressors", "动力班", (_ls(2, 4), _lec(1, 6, 7)), (2, "hour")
        ),
    ),
    1: (
        DemoRiskPoint(
            "deep_excavation",
            "第一项目部",
            (_lec(3, 6, 40), _lec(1, 6, 15)),
            (1, "day"),
            (0.25, 0.55),
        ),
        DemoRiskPoint(
            "tower_crane",
            "机械班组",
            (_lec(1, 6, 40), _lec(1, 6, 15)),
            (1, "day"),
            (0.48, 0.30),
        ),
        DemoRiskPoint(
            "scaffold", "主体施工班组", (_lec(1, 6, 40), _lec(3, 6, 7)), (1, "day")
        ),
        DemoRiskPoint(
            "edges_openings", "第二项目部", (_lec(1, 6, 15), _lec(1, 6, 7)), (1, "day")
        ),
        DemoRiskPoint(
            "hot_work", "电焊工岗", (_lec(1, 6, 15), _lec(3, 6, 3)), (1, "day")
        ),
        DemoRiskPoint(
            "construction_machinery", "钢筋工岗", (_lec(1, 6, 7),), (1, "week")
        ),
    ),
}


def _demo_manager(username: str) -> Any:
    """The demo account ``username`` if it manages an enterprise, else None."""
    return (
        get_user_model()
        .objects.filter(
            username=username,
            membership__role=Role.ENTERPRISE_MANAGER,
            membership__enterprise__isnull=False,
        )
        .select_related("membership__enterprise")
        .first()
    )


def ensure_demo_risk_points() -> None:
    """Give the two account enterprises risk points from the packs' library.

    Each is created by its own manager (only an enterprise's manager may write
    its risk records); a point whose library entry the enterprise already
    copied is skipped, so a second run changes nothing.
    """
    plan = demo_plan()
    for index, points in DEMO_RISK_POINTS.items():
        spec = demo_account_specs(plan)
        username = next(s.username for s in spec if s.enterprise == index)
        user = _demo_manager(username)
        if user is None:
            continue
        enterprise = user.membership.enterprise
        library = {
            item.entry.key: item.pack
            for item in risk_library(industry_codes=[plan.enterprises[index].industry])
        }
        for point in points:
            pack = library.get(point.key)
            if pack is None:
                continue  # the pack no longer offers it
            if RiskPoint.objects.filter(
                enterprise=enterprise, source=f"{pack}:{point.key}"
            ).exists():
                continue
            _create_demo_risk_point(user, enterprise, pack, point)


def _create_demo_risk_point(
    user: Any, enterprise: Enterprise, pack: str, spec: DemoRiskPoint
) -> RiskPoint:
    unit = (
        Unit.objects.filter(enterprise=enterprise, name=spec.unit).first()
        if spec.unit
        else None
    )
    point = risk_point_create_from_library(
        actor=user, enterprise=enterprise, pack=pack, key=spec.key, unit=unit
    )
    # The library copy has no responsible unit, person or position; the demo
    # sets its own inspection period.
    holder = None
    if unit is not None:
        holder = (
            Person.objects.filter(
                enterprise=enterprise, posts__path__startswith=unit.path
            )
            .order_by("pk")
            .first()
        )
    every, period = spec.inspection
    point = risk_point_update(
        user=user,
        risk_point=point,
        data=_point_data(
            point,
            position=(
                {"type": "point", "x": spec.position[0], "y": spec.position[1]}
                if spec.position
                else None
            ),
            control=ControlData(
                level=point.control_level,
                responsible_unit=unit
                or Unit.get_root_nodes().filter(enterprise=enterprise).first(),
                responsible_person=holder or getattr(user, "person", None),
                inspection_every=every,
                inspection_unit=period,
            ),
        ),
    )
    events = RiskEvent.objects.filter(risk_point=point, is_active=True).order_by(
        "order", "pk"
    )
    for number, event in enumerate(events):
        method, inputs = spec.assessments[min(number, len(spec.assessments) - 1)]
        risk_event_assess(user=user, event=event, method=method, inputs=inputs)
    return point


def _point_data(
    point: RiskPoint, *, position: dict | None, control: ControlData
) -> RiskPointData:
    """``point`` as it is (parts by id), with a new position and control."""
    factors = [
        FactorData(
            code=factor.factor_class.code,
            description=factor.description,
            analysis_unit=factor.analysis_unit.name,
            id=factor.pk,
        )
        for factor in point.hazard_factors.select_related(
            "factor_class", "analysis_unit"
        ).order_by("pk")
    ]
    events = [
        EventData(
            name=event.name,
            accident_types=[a.code for a in event.accident_types.all()],
            consequence=event.consequence,
            analysis_unit=event.analysis_unit.name,
            hazard_factors=list(
                dict.fromkeys(f.factor_class.code for f in event.hazard_factors.all())
            ),
            measures=[
                MeasureData(kind=m.kind, description=m.description, id=m.pk)
                for m in ControlMeasure.objects.filter(
                    event=event, is_active=True
                ).order_by("order", "pk")
            ],
            id=event.pk,
        )
        for event in point.events.filter(is_active=True)
        .select_related("analysis_unit")
        .prefetch_related("accident_types", "hazard_factors__factor_class")
        .order_by("order", "pk")
    ]
    return RiskPointData(
        name=point.name,
        kind=point.kind,
        unit=point.unit_id,
        description=point.description,
        position=position,
        factors=factors,
        events=events,
        control=control,
    )
