"""The simulator's walk and the demo's sensors."""

from __future__ import annotations

import random

import pytest
from django.core.management import call_command

from core.monitoring.demo import ensure_demo_monitoring
from core.monitoring.models import Alarm, Reading, SensorPoint
from core.monitoring.simulate import Walker

pytestmark = pytest.mark.django_db


def test_the_walk_stays_normal_and_sometimes_crosses(mon):
    rng = random.Random(4)
    walker = Walker.for_sensor(mon.sensor, rng)
    calm = [walker.step(rng, 0.0) for _ in range(200)]
    assert all(20 < v < 80 for v in calm)
    wild = [walker.step(rng, 0.05) for _ in range(2000)]
    assert max(wild) > 80


def test_demo_sensors_once(mon):
    SensorPoint.objects.all().delete()
    assert ensure_demo_monitoring() >= 1
    count = SensorPoint.objects.count()
    assert ensure_demo_monitoring() == 0 and SensorPoint.objects.count() == count


def test_the_simulator_goes_on_when_the_server_is_down(mon):
    # HTTP needs the web server; here the walk itself is exercised with
    # one tick over an unreachable URL: it warns and goes on.
    call_command(
        "monitoring_simulate",
        "--ticks",
        "1",
        "--every",
        "0",
        "--url",
        "http://127.0.0.1:9/api/v1/readings/",
        "--seed",
        "1",
    )
    assert not Reading.objects.exists() and not Alarm.objects.exists()
