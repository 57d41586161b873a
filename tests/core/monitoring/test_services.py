"""Sensor set-up, device keys, and the alarm evaluation: hysteresis, minimum
duration, acknowledgement and clearing, the hazard an alarm opens."""

from __future__ import annotations

import pytest

from core.base.errors import Invalid, Refused
from core.hazards.models import Hazard
from core.monitoring.ingest import ingest, target_state
from core.monitoring.models import Alarm, AlarmKind, LimitState, Reading
from core.monitoring.services import (
    alarm_acknowledge,
    alarm_clear,
    device_for_key,
    device_revoke,
    device_rotate_key,
    sensor_create,
)
from core.notifications.models import Notification

pytestmark = pytest.mark.django_db


def feed(mon, values, sensor=None, step=10):
    sensor = sensor or mon.sensor
    return ingest(
        device=mon.device,
        items=[
            {"sensor": sensor.pk, "ts": mon.at(i * step), "value": v}
            for i, v in enumerate(values)
        ],
    )


def test_limits_must_rise_and_only_the_manager_sets_up(mon):
    with pytest.raises(Invalid) as error:
        mon.sensor_with(low=50, high=40)
    assert error.value.as_list()[0]["path"] == "/high"
    with pytest.raises(Invalid):
        mon.sensor_with(high=None, unit="")
    with pytest.raises(Invalid):
        mon.sensor_with(deadband=-1, min_duration=1.5)
    for user in ("staff_a", "dept_chemicals", "manager_b", "committee"):
        with pytest.raises(Refused):
            sensor_create(
                actor=getattr(mon.world, user),
                risk_point=mon.point,
                data={"name": "x", "parameter": "p", "unit": "u", "high": 1},
            )


def test_a_pack_parameter_fills_name_and_unit(mon, enable_packs):
    from core.monitoring.services import pack_parameters

    enable_packs("chemicals")
    key, parameter = next(iter(pack_parameters().items()))
    sensor = mon.sensor_with(parameter="", unit="", parameter_key=key)
    assert sensor.unit == parameter.unit and sensor.parameter
    with pytest.raises(Invalid):
        mon.sensor_with(parameter_key="no_such_parameter")


def test_keys_are_hashed_rotated_and_revoked(mon):
    assert mon.key not in mon.device.key_hash
    assert device_for_key(mon.key) == (mon.device, "")
    assert device_for_key(mon.key + "x")[1]
    assert device_for_key("nonsense")[0] is None
    new = device_rotate_key(actor=mon.world.manager_a, device=mon.device)
    assert device_for_key(mon.key)[0] is None  # the old prefix is gone
    assert device_for_key(new.key) == (mon.device, "")
    device_revoke(actor=mon.world.manager_a, device=mon.device)
    assert device_for_key(new.key)[1]
    with pytest.raises(Refused):
        device_revoke(actor=mon.world.manager_b, device=mon.device)


def test_hysteresis_keeps_a_hovering_value_in_one_state(mon):
    s = mon.sensor
    assert target_state(s, 80, LimitState.NORMAL) == LimitState.HIGH
    assert target_state(s, 79, LimitState.HIGH) == LimitState.HIGH  # deadband 2
    assert target_state(s, 77.9, LimitState.HIGH) == LimitState.NORMAL
    assert target_state(s, 9, LimitState.NORMAL) == LimitState.LOW_LOW
    feed(mon, [79, 80.5, 79.5, 80.2, 78.5, 81, 79])
    assert Alarm.objects.filter(sensor=s).count() == 1
    alarm = Alarm.objects.get(sensor=s)
    assert alarm.kind == AlarmKind.HIGH and alarm.active
    assert alarm.peak_value == 81


def test_minimum_duration_ignores_a_short_spike(mon):
    mon.sensor.min_duration = 30
    mon.sensor.save()
    feed(mon, [50, 85, 50, 50])  # 10 s above: ignored
    assert not Alarm.objects.exists()
    mon.sensor.refresh_from_db()
    assert mon.sensor.state == LimitState.NORMAL
    # a redelivered batch (same times) stores nothing and changes nothing
    again = feed(mon, [50, 85, 50, 50])
    assert again.accepted == 0 and Reading.objects.count() == 4


def test_minimum_duration_raises_after_it_lasted(mon):
    mon.sensor.min_duration = 30
    mon.sensor.save()
    feed(mon, [50, 85, 86, 87, 88, 60, 60, 60, 60], step=10)
    mon.sensor.refresh_from_db()
    alarm = Alarm.objects.get()
    assert alarm.kind == AlarmKind.HIGH
    # back to normal for 30 s: returned, still open until cleared
    assert not alarm.active and alarm.returned_at is not None
    assert mon.sensor.state == LimitState.NORMAL


def test_high_high_opens_a_hazard_and_notifies(mon):
    feed(mon, [50, 85, 95, 96])
    alarm = Alarm.objects.get()
    assert alarm.kind == AlarmKind.HIGH_HIGH and alarm.peak_value == 96
    hazard = Hazard.objects.get()
    assert alarm.hazard == hazard and hazard.risk_point == mon.point
    assert hazard.transitions.get().actor is None
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert {"manager-a", "dept-chem", "street-1"} <= recipients
    assert "manager-b" not in recipients
    feed(mon, [97, 98], step=1000)  # more readings: no second hazard
    assert Hazard.objects.count() == 1


def test_acknowledge_and_clear_with_who_and_when(mon):
    feed(mon, [85])
    alarm = Alarm.objects.get()
    for user in ("dept_chemicals", "committee"):
        with pytest.raises(Refused):
            alarm_acknowledge(actor=getattr(mon.world, user), alarm=alarm)
    with pytest.raises(Refused):
        alarm_acknowledge(actor=mon.world.manager_b, alarm=alarm)
    with pytest.raises(Invalid):
        alarm_clear(actor=mon.world.staff_a, alarm=alarm)  # still active
    alarm = alarm_acknowledge(actor=mon.world.staff_a, alarm=alarm, comment="现场确认")
    assert alarm.acknowledged_by == mon.world.staff_a and alarm.acknowledged_at
    ingest(
        device=mon.device,
        items=[{"sensor": mon.sensor.pk, "ts": mon.at(100), "value": 50}],
    )
    alarm = alarm_clear(actor=mon.world.manager_a, alarm=Alarm.objects.get())
    assert alarm.cleared_by == mon.world.manager_a and alarm.cleared_at
    feed(mon, [50], step=1)
    # a new excursion after clearing is a new alarm
    ingest(
        device=mon.device,
        items=[{"sensor": mon.sensor.pk, "ts": mon.at(200), "value": 15}],
    )
    assert Alarm.objects.filter(cleared_at__isnull=True).get().kind == AlarmKind.LOW
