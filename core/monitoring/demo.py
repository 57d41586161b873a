"""Demo sensors (``load_demo``): each demo enterprise with risk points gets
a device and sensors on its highest-level risk points, with the parameters
its pack declares for them where it declares any (a tank's level and
temperature otherwise). Created through the services by the enterprise's
own manager; a second run creates nothing."""

from __future__ import annotations

from typing import Any

from core.monitoring.models import Device, SensorPoint
from core.monitoring.services import device_create, pack_parameters, sensor_create
from core.organizations.selectors import enterprise_managers
from core.risks.models import RiskPoint

#: (name, parameter, unit, low-low, low, high, high-high, deadband)
GENERIC = (
    ("液位", "液位", "%", 10.0, 20.0, 80.0, 90.0, 2.0),
    ("温度", "温度", "℃", None, 0.0, 45.0, 60.0, 1.0),
    ("可燃气体浓度", "可燃气体浓度", "%LEL", None, None, 20.0, 50.0, 2.0),
)
LEVEL_ORDER = {"major": 0, "large": 1, "general": 2, "low": 3, "": 4}
PER_ENTERPRISE = 3


def _manager(enterprise_id: int) -> Any:
    return enterprise_managers(enterprise_id).first()


def ensure_demo_monitoring() -> int:
    """Register the demo sensors where missing; returns how many were made."""
    made = 0
    parameters = pack_parameters()
    enterprise_ids = (
        RiskPoint.objects.values_list("enterprise_id", flat=True)
        .distinct()
        .order_by("enterprise_id")
    )
    for enterprise_id in list(enterprise_ids):
        if SensorPoint.objects.filter(enterprise_id=enterprise_id).exists():
            continue
        user = _manager(enterprise_id)
        if user is None:
            continue
        points = sorted(
            RiskPoint.objects.filter(enterprise_id=enterprise_id),
            key=lambda p: (LEVEL_ORDER.get(p.level, 4), p.pk),
        )[:PER_ENTERPRISE]
        if not points:
            continue
        device = Device.objects.filter(enterprise_id=enterprise_id).first()
        if device is None:
            device = device_create(
                actor=user, enterprise=points[0].enterprise, name="在线监测网关"
            ).device
        for index, point in enumerate(points):
            made += _sensors_for(user, device, point, index, parameters)
    return made


def _sensors_for(user, device, point, index: int, parameters: dict) -> int:
    source_key = (point.source or "").split(":")[-1]
    declared = [
        p for p in parameters.values() if source_key and source_key in p.risk_points
    ][:2]
    made = 0
    for parameter in declared:
        values = sorted(t.value for t in parameter.thresholds)
        if not values:
            continue
        high = values[0]
        high_high = values[1] if len(values) > 1 else high * 1.5 or 1.0
        if not high < high_high:
            continue
        sensor_create(
            actor=user,
            risk_point=point,
            device=device,
            data={
                "name": f"{point.name[:40]}·{parameter.name.zh_hans[:40]}",
                "parameter_key": parameter.key,
                "high": high,
                "high_high": high_high,
                "deadband": round((high_high - high) * 0.05, 3),
                "min_duration": 10,
                "no_data_after": 300,
            },
        )
        made += 1
    if made:
        return made
    name, parameter, unit, low_low, low, high, high_high, band = GENERIC[
        index % len(GENERIC)
    ]
    sensor_create(
        actor=user,
        risk_point=point,
        device=device,
        data={
            "name": f"{point.name[:40]}·{name}",
            "parameter": parameter,
            "unit": unit,
            "low_low": low_low,
            "low": low,
            "high": high,
            "high_high": high_high,
            "deadband": band,
            "min_duration": 10,
            "no_data_after": 300,
        },
    )
    return 1
