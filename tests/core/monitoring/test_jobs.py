"""The periodic jobs, run for real through the database backend, twice."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from freezegun import freeze_time

from core.hazards.models import Hazard
from core.jobs.worker import run_pending
from core.monitoring import tasks
from core.monitoring.ingest import ingest
from core.monitoring.models import Alarm, AlarmKind, Reading, ReadingAggregate
from core.monitoring.selectors import sensor_history

pytestmark = pytest.mark.django_db(transaction=False)


def run(task):
    task.enqueue()
    run_pending()


def test_a_silent_sensor_raises_no_data_once_and_data_returns_it(mon):
    ingest(
        device=mon.device,
        items=[{"sensor": mon.sensor.pk, "ts": mon.at(0), "value": 50}],
    )
    with freeze_time(timezone.now() + datetime.timedelta(hours=1)):
        run(tasks.check_sensors)
        run(tasks.check_sensors)
        alarm = Alarm.objects.get(kind=AlarmKind.NO_DATA)
        assert alarm.active
        ingest(
            device=mon.device,
            items=[
                {"sensor": mon.sensor.pk, "ts": timezone.now().isoformat(), "value": 50}
            ],
        )
    alarm.refresh_from_db()
    assert not alarm.active and alarm.returned_at


@override_settings(SAFEGRID_MONITORING_ACK_TIMEOUT=600)
def test_an_unacknowledged_alarm_opens_a_hazard_after_the_timeout(mon):
    ingest(
        device=mon.device,
        items=[{"sensor": mon.sensor.pk, "ts": mon.at(0), "value": 85}],
    )
    run(tasks.check_sensors)  # raised 30 minutes ago > 10 minutes
    run(tasks.check_sensors)
    alarm = Alarm.objects.get(kind=AlarmKind.HIGH)
    assert alarm.hazard is not None
    assert Hazard.objects.count() == 1


@override_settings(SAFEGRID_MONITORING_RAW_DAYS=1)
def test_thinning_folds_old_readings_into_hourly_aggregates(mon):
    old = timezone.now() - datetime.timedelta(days=3)
    old = old.replace(minute=0, second=0, microsecond=0)
    Reading.objects.bulk_create(
        [
            Reading(sensor=mon.sensor, ts=old + datetime.timedelta(minutes=m), value=v)
            for m, v in ((1, 10.0), (2, 20.0), (3, 30.0), (61, 5.0))
        ]
    )
    recent = Reading.objects.create(sensor=mon.sensor, ts=timezone.now(), value=1)
    run(tasks.thin_readings)
    run(tasks.thin_readings)
    assert list(Reading.objects.values_list("pk", flat=True)) == [recent.pk]
    first = ReadingAggregate.objects.get(start=old)
    assert (first.count, first.minimum, first.maximum, first.mean) == (3, 10, 30, 20)
    assert ReadingAggregate.objects.count() == 2
    series = sensor_history(
        sensor=mon.sensor,
        start=old - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(minutes=1),
        interval="hour",
    )
    assert [p["count"] for p in series][:2] == [3, 1]


def test_a_dead_sensor_in_limit_alarm_with_an_old_silence_still_raises_no_data(mon):
    """An old, cleared "no data" alarm and an open limit alarm on the same
    sensor must not hide that it went silent (the conditions are on one alarm)."""
    Alarm.objects.create(
        enterprise=mon.sensor.enterprise,
        sensor=mon.sensor,
        category="no_data",
        kind=AlarmKind.NO_DATA,
        active=False,
        cleared_at=timezone.now(),
    )
    Alarm.objects.create(
        enterprise=mon.sensor.enterprise,
        sensor=mon.sensor,
        category="limit",
        kind=AlarmKind.HIGH,
        value=85,
    )
    ingest(
        device=mon.device,
        items=[{"sensor": mon.sensor.pk, "ts": mon.at(0), "value": 85}],
    )
    with freeze_time(timezone.now() + datetime.timedelta(hours=1)):
        run(tasks.check_sensors)
    assert (
        Alarm.objects.filter(
            sensor=mon.sensor, kind=AlarmKind.NO_DATA, active=True
        ).count()
        == 1
    )
