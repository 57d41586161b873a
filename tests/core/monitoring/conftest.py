"""A monitored risk point for the monitoring tests: enterprise A's tank with
a device and a level sensor (limits 10 / 20 / 80 / 90)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from core.monitoring.models import Device, SensorPoint
from core.monitoring.services import device_create, sensor_create
from core.risks.models import RiskPoint


@dataclass
class MonitoringWorld:
    world: Any
    point: RiskPoint
    device: Device
    key: str
    sensor: SensorPoint

    def at(self, seconds: float) -> str:
        """A reading time ``seconds`` after a fixed start a minute ago."""
        return (self.start + datetime.timedelta(seconds=seconds)).isoformat()

    @property
    def start(self) -> datetime.datetime:
        return self._start

    def sensor_with(self, **data) -> SensorPoint:
        values = {"name": "液位2", "parameter": "液位", "unit": "%", "high": 80}
        values.update(data)
        return sensor_create(
            actor=self.world.manager_a,
            risk_point=self.point,
            device=self.device,
            data=values,
        )


@pytest.fixture
def mon(world):
    point = RiskPoint.objects.create(
        enterprise=world.enterprise_a, name="甲醇储罐", kind="equipment"
    )
    issued = device_create(
        actor=world.manager_a, enterprise=world.enterprise_a, name="储罐区RTU"
    )
    sensor = sensor_create(
        actor=world.manager_a,
        risk_point=point,
        device=issued.device,
        data={
            "name": "储罐液位",
            "parameter": "液位",
            "unit": "%",
            "low_low": 10,
            "low": 20,
            "high": 80,
            "high_high": 90,
            "deadband": 2,
            "min_duration": 0,
        },
    )
    m = MonitoringWorld(world, point, issued.device, issued.key, sensor)
    m._start = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=30)
    return m
