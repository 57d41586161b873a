"""Realistic readings for the demo's sensors (``manage.py monitoring_simulate``).

Each sensor walks randomly around the middle of its normal band with a
little noise; now and then (``excursion`` chance per tick) it climbs past
its high limit (sometimes its high-high) for a while and comes back, so the
demo shows alarms, their hysteresis and the hazards they open.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from core.monitoring.models import SensorPoint


@dataclass
class Walker:
    sensor_id: int
    enterprise_id: int
    device_id: int | None
    low: float
    high: float
    peak: float
    value: float
    excursion_left: int = 0

    @classmethod
    def for_sensor(cls, sensor: SensorPoint, rng: random.Random) -> Walker:
        limits = [
            v
            for v in (sensor.low_low, sensor.low, sensor.high, sensor.high_high)
            if v is not None
        ]
        high = sensor.high if sensor.high is not None else max(limits)
        low = sensor.low if sensor.low is not None else min(0.0, high * 0.2)
        if sensor.low is None and sensor.low_low is None:
            low = high * 0.2
        peak = sensor.high_high if sensor.high_high is not None else high * 1.2
        middle = (low + high) / 2
        return cls(
            sensor.pk,
            sensor.enterprise_id,
            sensor.device_id,
            low,
            high,
            peak,
            middle + rng.uniform(-0.1, 0.1) * (high - low),
        )

    def step(self, rng: random.Random, excursion: float) -> float:
        span = self.high - self.low or 1.0
        middle = (self.low + self.high) / 2
        if self.excursion_left == 0 and rng.random() < excursion:
            self.excursion_left = rng.randint(6, 14)
        if self.excursion_left > 0:
            self.excursion_left -= 1
            worst = (
                self.peak * 1.02
                if rng.random() < 0.3
                else self.high + 0.3 * (self.peak - self.high)
            )
            target = worst if self.excursion_left > 2 else middle
        else:
            target = middle
        self.value += 0.3 * (target - self.value) + rng.gauss(0, span * 0.01)
        return round(self.value, 3)
