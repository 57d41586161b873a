"""Writes of monitoring: devices and their keys, sensor points, and the
people's side of alarms (acknowledge, clear); the hazard an alarm opens.

Each service takes the acting user as the keyword-only ``actor``, checks
inside with the one scope, runs in one transaction and raises ``Refused``
(403) or ``Invalid`` (400, messages by field) with nothing changed. The
readings' side (a device, no user) is ``core.monitoring.ingest``.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.base.errors import Invalid, Problems, Refused
from core.monitoring.broker import mosquitto_hash
from core.monitoring.models import Alarm, AlarmKind, Device, SensorPoint
from core.organizations.models import Enterprise
from core.organizations.scope import Scope, scope_for
from core.organizations.selectors import enterprise_managers

KEY_PREFIX = "sgd"
LIMIT_FIELDS = ("low_low", "low", "high", "high_high")
MAX_MIN_DURATION = 24 * 3600
DEFAULT_ACK_TIMEOUT = 30 * 60  # seconds


def ack_timeout() -> int:
    """Seconds an alarm may stay unacknowledged before it opens a hazard
    (``SAFEGRID_MONITORING_ACK_TIMEOUT``)."""
    return int(
        getattr(settings, "SAFEGRID_MONITORING_ACK_TIMEOUT", DEFAULT_ACK_TIMEOUT)
    )


def _require_manager(scope: Scope, enterprise_id: int) -> None:
    if scope.can_manage_safety_records(enterprise_id):
        return
    if scope.is_government:
        raise Refused(_("Government users do not set up an enterprise's sensors."))
    raise Refused(_("Only the enterprise's safety manager sets up its sensors."))


# -- device keys --------------------------------------------------------------------


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_key() -> tuple[str, str, str]:
    """``(key, prefix, hash)``: the key is ``sgd_<prefix>_<secret>``."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(24)
    return f"{KEY_PREFIX}_{prefix}_{secret}", prefix, _hash(secret)


def _broker_changed() -> None:
    """Rewrite the broker's password and ACL files once committed."""
    from core.monitoring.broker import refresh_broker_auth

    transaction.on_commit(refresh_broker_auth)


def device_for_key(key: str) -> tuple[Device | None, str]:
    """The device a key names and, when it cannot write, why (else ``""``).

    The device is returned even for a wrong or revoked key (its prefix is
    public) so the refusal is counted on it.
    """
    parts = str(key or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None, _("No device key, or not one of ours.")
    device = Device.objects.filter(key_prefix=parts[1]).first()
    if device is None:
        return None, _("Unknown device key.")
    if not hmac.compare_digest(device.key_hash, _hash(parts[2])):
        return device, _("Wrong device key.")
    if device.revoked_at is not None:
        return device, _("This device key was revoked.")
    return device, ""


@dataclass(frozen=True)
class IssuedKey:
    device: Device
    key: str  # shown once; only its hash is stored


@transaction.atomic
def device_create(*, actor, enterprise: Enterprise, name: str) -> IssuedKey:
    """Register a device of ``enterprise`` and issue its key (shown once)."""
    _require_manager(scope_for(actor), enterprise.pk)
    name = str(name or "").strip()
    if not name or len(name) > 120:
        raise Invalid.at(("name",), _("Name the device (at most 120 characters)."))
    key, prefix, digest = _new_key()
    device = Device.objects.create(
        enterprise=enterprise,
        name=name,
        key_prefix=prefix,
        key_hash=digest,
        mqtt_hash=mosquitto_hash(key),
    )
    _broker_changed()
    return IssuedKey(device=device, key=key)


@transaction.atomic
def device_rotate_key(*, actor, device: Device) -> IssuedKey:
    """Issue a new key (the old one stops working at once); also un-revokes."""
    _require_manager(scope_for(actor), device.enterprise_id)
    key, prefix, digest = _new_key()
    device = Device.objects.select_for_update().get(pk=device.pk)
    device.key_prefix, device.key_hash = prefix, digest
    device.mqtt_hash = mosquitto_hash(key)
    device.key_issued_at = timezone.now()
    device.revoked_at = None
    device.save(
        update_fields=[
            "key_prefix",
            "key_hash",
            "mqtt_hash",
            "key_issued_at",
            "revoked_at",
        ]
    )
    _broker_changed()
    return IssuedKey(device=device, key=key)


@transaction.atomic
def device_revoke(*, actor, device: Device) -> Device:
    """Revoke the device's key: its readings are refused from now on."""
    _require_manager(scope_for(actor), device.enterprise_id)
    device = Device.objects.select_for_update().get(pk=device.pk)
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.save(update_fields=["revoked_at"])
        _broker_changed()
    return device


# -- sensor points ----------------------------------------------------------------------


def pack_parameters() -> dict[str, Any]:
    """The monitored parameters the enabled packs declare, by key."""
    from plugins.manager import get_plugin_manager

    return {
        parameter.key: parameter
        for _pack, parameter in get_plugin_manager().collect(
            "safegrid_monitoring_parameters"
        )
    }


def _number(value: Any, field: str, problems: Problems) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        problems.add(field, _("Enter a number."))
        return None
    if isinstance(value, bool) or not math.isfinite(number):
        problems.add(field, _("Enter a finite number."))
        return None
    return number


def _sensor_values(data: dict[str, Any], problems: Problems) -> dict[str, Any]:
    values: dict[str, Any] = {}
    name = str(data.get("name") or "").strip()
    if not name or len(name) > 120:
        problems.add("name", _("Name the sensor (at most 120 characters)."), "required")
    values["name"] = name[:120]
    key = str(data.get("parameter_key") or "").strip()
    parameter = str(data.get("parameter") or "").strip()
    unit = str(data.get("unit") or "").strip()
    if key:
        declared = pack_parameters().get(key)
        if declared is None:
            problems.add(
                "parameter_key",
                _("Choose a parameter of an enabled industry pack, or name your own."),
            )
        else:
            parameter = parameter or declared.name.zh_hans
            unit = unit or declared.unit
    if not parameter or len(parameter) > 120:
        problems.add("parameter", _("Name the measured parameter."), "required")
    if not unit or len(unit) > 20:
        problems.add("unit", _("Give the unit (at most 20 characters)."), "required")
    values.update(parameter_key=key, parameter=parameter[:120], unit=unit[:20])
    limits = [(f, _number(data.get(f), f, problems)) for f in LIMIT_FIELDS]
    values.update(dict(limits))
    given = [(f, v) for f, v in limits if v is not None]
    if not given:
        problems.add("high", _("Give at least one limit."), "required")
    for (_lower_field, lower), (field, upper) in zip(given, given[1:], strict=False):
        if not lower < upper:
            problems.add(
                field,
                _("The limits must rise: low-low < low < high < high-high."),
            )
    deadband = _number(data.get("deadband"), "deadband", problems) or 0.0
    if deadband < 0:
        problems.add("deadband", _("The deadband cannot be negative."))
    values["deadband"] = max(deadband, 0.0)
    for field, default, top in (
        ("min_duration", 0, MAX_MIN_DURATION),
        ("no_data_after", 300, 7 * 24 * 3600),
    ):
        raw = data.get(field)
        number = _number(raw, field, problems)
        if number is None:
            values[field] = default
        elif number != int(number) or not 0 <= number <= top:
            problems.add(
                field,
                _("Enter whole seconds from 0 to %(top)d.") % {"top": top},
            )
        else:
            values[field] = int(number)
    if values.get("no_data_after") == 0:
        problems.add("no_data_after", _("Enter at least one second."))
    return values


def _checked_set_up(
    actor, enterprise_id: int, data: dict[str, Any], device: Device | None
) -> dict[str, Any]:
    """A sensor's set-up from ``data``, once ``actor`` manages the enterprise
    and ``device`` (if any) is one of its own; raises with every problem."""
    _require_manager(scope_for(actor), enterprise_id)
    problems = Problems()
    values = _sensor_values(data, problems)
    if device is not None and device.enterprise_id != enterprise_id:
        problems.add("device", _("Choose a device of this enterprise."))
    problems.raise_any()
    return values


@transaction.atomic
def sensor_create(
    *, actor, risk_point, device: Device | None = None, data: dict[str, Any]
) -> SensorPoint:
    """Register a sensor point on ``risk_point`` (its enterprise's manager).

    ``data``: name, parameter_key (a pack's) or parameter and unit, the
    limits low_low < low < high < high_high (at least one), deadband,
    min_duration and no_data_after in seconds.
    """
    values = _checked_set_up(actor, risk_point.enterprise_id, data, device)
    sensor = SensorPoint.objects.create(
        enterprise_id=risk_point.enterprise_id,
        risk_point=risk_point,
        device=device,
        **values,
    )
    _broker_changed()
    return sensor


@transaction.atomic
def sensor_update(
    *, actor, sensor: SensorPoint, data: dict[str, Any], device: Device | None = None
) -> SensorPoint:
    """Change a sensor's set-up; the state is evaluated anew from the next
    reading on."""
    values = _checked_set_up(actor, sensor.enterprise_id, data, device)
    for field, value in values.items():
        setattr(sensor, field, value)
    if device is not None:
        sensor.device = device
    sensor.pending_state, sensor.pending_since = "", None
    sensor.save()
    _broker_changed()
    return sensor


# -- alarms: people's side --------------------------------------------------------------


def _require_member(scope: Scope, alarm: Alarm) -> None:
    if scope.can_write_for_enterprise(alarm.enterprise_id):
        return
    if scope.is_government:
        raise Refused(_("Government users do not acknowledge an enterprise's alarms."))
    raise Refused(_("You may not handle this enterprise's alarms."))


def _open_alarm_locked(actor, alarm: Alarm) -> Alarm:
    """The alarm, locked for the change, once ``actor`` may handle it and it
    is not cleared yet (a cleared alarm is closed for good)."""
    _require_member(scope_for(actor), alarm)
    alarm = Alarm.objects.select_for_update().get(pk=alarm.pk)
    if alarm.cleared_at is not None:
        raise Invalid.at(("alarm",), _("This alarm is already cleared."), "state")
    return alarm


@transaction.atomic
def alarm_acknowledge(*, actor, alarm: Alarm, comment: str = "") -> Alarm:
    """Someone of the enterprise has seen the alarm (who and when)."""
    alarm = _open_alarm_locked(actor, alarm)
    if alarm.acknowledged_at is None:
        alarm.acknowledged_at = timezone.now()
        alarm.acknowledged_by = actor
        alarm.comment = str(comment or "")[:500]
        alarm.save(update_fields=["acknowledged_at", "acknowledged_by", "comment"])
    return alarm


@transaction.atomic
def alarm_clear(*, actor, alarm: Alarm, comment: str = "") -> Alarm:
    """Close an acknowledged alarm whose condition has gone (who and when)."""
    alarm = _open_alarm_locked(actor, alarm)
    if alarm.active:
        raise Invalid.at(
            ("alarm",),
            _("The value is still beyond the limit: it cannot be cleared yet."),
            "state",
        )
    now = timezone.now()
    if alarm.acknowledged_at is None:
        alarm.acknowledged_at, alarm.acknowledged_by = now, actor
    alarm.cleared_at, alarm.cleared_by = now, actor
    if comment:
        alarm.comment = str(comment)[:500]
    alarm.save()
    return alarm


# -- alarms: the hazard they open -------------------------------------------------------


def _recipients(enterprise_id: int):
    """The enterprise's safety managers and its supervising departments."""
    from core.hazards.services import supervisors_of

    enterprise = Enterprise.objects.get(pk=enterprise_id)
    managers = list(enterprise_managers(enterprise_id))
    return managers + [u for u in supervisors_of(enterprise) if u not in managers]


def alarm_open_hazard(*, alarm_id: int, reason: str) -> int | None:
    """Open a hazard on the alarm's risk point and notify the enterprise's
    managers and supervising departments; once per alarm (the row is locked,
    and an alarm that has a hazard opens none). Called inside the
    ingestion's or the periodic job's transaction; a system act, no actor.
    """
    from core.hazards.models import Hazard, HowFound
    from core.hazards.services import hazard_opened
    from core.notifications.services import notify

    alarm = (
        Alarm.objects.select_for_update()
        .select_related("sensor", "sensor__risk_point")
        .get(pk=alarm_id)
    )
    if alarm.hazard_id is not None:
        return None
    sensor = alarm.sensor
    description = _(
        "Monitoring alarm on %(point)s: %(sensor)s (%(parameter)s) %(kind)s, "
        "value %(value)s %(unit)s (limits %(limits)s). %(reason)s"
    ) % {
        "point": sensor.risk_point.name,
        "sensor": sensor.name,
        "parameter": sensor.parameter,
        "kind": alarm.get_kind_display(),
        "value": "—" if alarm.peak_value is None else f"{alarm.peak_value:g}",
        "unit": sensor.unit,
        "limits": " / ".join(
            "—" if v is None else f"{v:g}" for v in sensor.limits().values()
        ),
        "reason": reason,
    }
    hazard = Hazard.objects.create(
        enterprise_id=alarm.enterprise_id,
        risk_point_id=sensor.risk_point_id,
        description=description[:2000],
        location=sensor.risk_point.name[:200],
        # A failed control (the monitored parameter left its limits).
        how_found=HowFound("control_failure"),
    )
    hazard_opened(
        hazard,
        actor=None,
        comment=_("Opened by a monitoring alarm."),
        alarm=alarm.pk,
        sensor=sensor.pk,
        kind=alarm.kind,
    )
    alarm.hazard = hazard
    alarm.save(update_fields=["hazard"])
    url = reverse("hazards:detail", args=[hazard.pk])
    for user in _recipients(alarm.enterprise_id):
        notify(
            user,
            gettext_noop(
                "Monitoring alarm at %(enterprise)s: %(sensor)s — a hazard was opened."
            ),
            hazard,
            url,
            params={
                "enterprise": sensor.enterprise.name,
                "sensor": sensor.name,
            },
        )
    return hazard.pk


def opens_hazard_at_once(kind: str) -> bool:
    """High-high and low-low alarms open a hazard as soon as they are raised."""
    return kind in (AlarmKind.HIGH_HIGH, AlarmKind.LOW_LOW)


__all__ = [
    "IssuedKey",
    "ack_timeout",
    "alarm_acknowledge",
    "alarm_clear",
    "alarm_open_hazard",
    "device_create",
    "device_for_key",
    "device_revoke",
    "device_rotate_key",
    "opens_hazard_at_once",
    "pack_parameters",
    "sensor_create",
    "sensor_update",
]
