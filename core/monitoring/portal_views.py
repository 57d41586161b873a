"""The portal's monitoring pages: the sensors with current values and
alarms (refreshed by ``static/monitoring/js/live.js`` polling ``live.json``),
a sensor's history chart (ECharts, ``history.json``), and acknowledging or
clearing an alarm. Every page goes through ``enterprise_portal`` and the
scope; writes through ``core.monitoring.services``."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from core.base.errors import Invalid, Refused, apply_errors
from core.base.filters import parse_id
from core.monitoring import selectors
from core.monitoring.broker import username_for
from core.monitoring.forms import DeviceForm, SensorForm
from core.monitoring.ingest import parse_ts
from core.monitoring.models import Alarm, Device, LimitState, SensorPoint
from core.monitoring.mqtt import topic_for
from core.monitoring.services import (
    alarm_acknowledge,
    alarm_clear,
    device_create,
    device_revoke,
    device_rotate_key,
    sensor_create,
    sensor_update,
)
from core.portal.frame import enterprise_portal, portal_page, render_portal

#: Shown on the board (one enterprise's sensors and open alarms).
BOARD_LIMIT = 200
RANGES = {"1h": 1, "6h": 6, "24h": 24, "7d": 24 * 7, "30d": 24 * 30}


def _sensor(scope, enterprise, pk: int) -> SensorPoint:
    sensor = (
        selectors.sensor_list(scope=scope, enterprise=enterprise.pk)
        .filter(pk=pk)
        .first()
    )
    if sensor is None:
        raise Http404
    return sensor


def _live(scope, enterprise) -> dict:
    sensors = list(
        selectors.sensor_list(scope=scope, enterprise=enterprise.pk)[:BOARD_LIMIT]
    )
    alarms = list(
        selectors.alarm_list(scope=scope, enterprise=enterprise.pk, open=True)[
            :BOARD_LIMIT
        ]
    )
    return {
        "sensors": [
            {
                "id": s.pk,
                "name": s.name,
                "point": s.risk_point.name,
                "parameter": s.parameter,
                "unit": s.unit,
                "value": s.last_value,
                "ts": s.last_ts.isoformat() if s.last_ts else None,
                "state": s.state,
                "state_label": str(LimitState(s.state).label),
            }
            for s in sensors
        ],
        "alarms": [
            {
                "id": a.pk,
                "sensor": a.sensor.name,
                "kind": a.kind,
                "kind_label": str(a.get_kind_display()),
                "active": a.active,
                "acknowledged": a.acknowledged_at is not None,
                "raised_at": a.raised_at.isoformat(),
                "hazard": a.hazard_id,
            }
            for a in alarms
        ],
        "at": timezone.now().isoformat(),
    }


@portal_page("monitoring/board.html")
@require_GET
def sensor_board(request, *, scope, enterprise):
    data = _live(scope, enterprise)
    sensors = selectors.sensor_list(scope=scope, enterprise=enterprise.pk)[:BOARD_LIMIT]
    alarms = selectors.alarm_list(scope=scope, enterprise=enterprise.pk, open=True)[
        :BOARD_LIMIT
    ]
    return {
        "sensors": sensors,
        "alarms": alarms,
        "live": data,
        "can_set_up": scope.can_manage_safety_records(enterprise.pk),
    }


@enterprise_portal
@require_GET
def sensor_live(request, *, scope, enterprise):
    return JsonResponse(_live(scope, enterprise))


@portal_page("monitoring/sensor.html")
@require_GET
def sensor_detail(request, pk, *, scope, enterprise):
    sensor = _sensor(scope, enterprise, pk)
    return {
        "sensor": sensor,
        "ranges": list(RANGES),
        "alarms": selectors.alarm_list(scope=scope, sensor=sensor.pk)[:20],
        "can_set_up": scope.can_manage_safety_records(enterprise.pk),
    }


@enterprise_portal
@require_GET
def sensor_history_json(request, pk, *, scope, enterprise):
    sensor = _sensor(scope, enterprise, pk)
    end = parse_ts(request.GET.get("to") or "") or timezone.now()
    span = RANGES.get(request.GET.get("range") or "24h")
    start = parse_ts(request.GET.get("from") or "")
    if span is None:
        return JsonResponse(
            {"detail": _("Choose one of the offered ranges.")}, status=400
        )
    if start is None:
        start = end - datetime.timedelta(hours=span)
    if start >= end or end - start > datetime.timedelta(days=400):
        return JsonResponse({"detail": _("Choose a valid range.")}, status=400)
    hours = (end - start).total_seconds() / 3600
    interval = None if hours <= 6 else "minute" if hours <= 48 else "hour"
    points = selectors.sensor_history(
        sensor=sensor, start=start, end=end, interval=interval
    )
    return JsonResponse(
        {
            "unit": sensor.unit,
            "limits": sensor.limits(),
            "interval": interval,
            "points": [{**p, "ts": p["ts"].isoformat()} for p in points],
        }
    )


@enterprise_portal
@require_POST
def alarm_act(request, pk, act, *, scope, enterprise):
    alarm = (
        selectors.alarm_list(scope=scope, enterprise=enterprise.pk)
        .filter(pk=pk)
        .first()
    )
    if alarm is None or act not in ("acknowledge", "clear"):
        raise Http404
    service = alarm_acknowledge if act == "acknowledge" else alarm_clear
    try:
        service(
            actor=request.user, alarm=alarm, comment=request.POST.get("comment", "")
        )
    except (Invalid, Refused) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request,
            _("Alarm acknowledged.") if act == "acknowledge" else _("Alarm cleared."),
        )
    return redirect("monitoring:list")


# -- set-up: devices and sensors (the enterprise's safety manager) ----------------


def _require_set_up(scope, enterprise) -> None:
    # The services check again; this keeps the forms from those who may not.
    if not scope.can_manage_safety_records(enterprise.pk):
        raise PermissionDenied(
            _("Only the enterprise's safety manager sets up its sensors.")
        )


def _device(enterprise, pk: int) -> Device:
    device = Device.objects.filter(enterprise=enterprise, pk=pk).first()
    if device is None:
        raise Http404
    return device


@portal_page("monitoring/devices.html", post_status=400)
@require_http_methods(["GET", "POST"])
def device_list(request, *, scope, enterprise):
    """The enterprise's devices, and registering one (its key shown once)."""
    _require_set_up(scope, enterprise)
    form = DeviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = device_create(
                actor=request.user,
                enterprise=enterprise,
                name=form.cleaned_data["name"],
            )
        except Invalid as error:
            apply_errors(form, error)
        else:
            return _key_page(request, scope, enterprise, issued, created=True)
    devices = Device.objects.filter(enterprise=enterprise).order_by("name", "pk")[
        :BOARD_LIMIT
    ]
    return {"devices": devices, "form": form}


def _key_page(request, scope, enterprise, issued, *, created: bool):
    device = issued.device
    sensors = list(device.sensors.filter(active=True).order_by("pk")[:BOARD_LIMIT])
    response = render_portal(
        request,
        "monitoring/device_key.html",
        scope=scope,
        enterprise=enterprise,
        context={
            "device": device,
            "key": issued.key,
            "created": created,
            "mqtt_user": username_for(device.key_prefix),
            "topics": [topic_for(sensor) for sensor in sensors],
        },
    )
    # The key is shown once: never kept by a cache.
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@enterprise_portal
@require_POST
def device_act(request, pk, act, *, scope, enterprise):
    """Rotate (a new key, shown once) or revoke a device's key."""
    _require_set_up(scope, enterprise)
    device = _device(enterprise, pk)
    if act == "rotate":
        issued = device_rotate_key(actor=request.user, device=device)
        return _key_page(request, scope, enterprise, issued, created=False)
    if act == "revoke":
        device_revoke(actor=request.user, device=device)
        messages.success(
            request,
            _("The key of “%(name)s” was revoked: its readings are refused.")
            % {"name": device.name},
        )
        return redirect("monitoring:devices")
    raise Http404


@portal_page("monitoring/sensor_form.html", post_status=400)
@require_http_methods(["GET", "POST"])
def sensor_form(request, pk=None, *, scope, enterprise):
    """Register a sensor point on a risk point, or change its set-up."""
    _require_set_up(scope, enterprise)
    sensor = None if pk is None else _sensor(scope, enterprise, pk)
    initial = None
    if sensor is not None:
        initial = {
            "name": sensor.name,
            "risk_point": sensor.risk_point_id,
            "device": sensor.device_id,
            "parameter_key": sensor.parameter_key,
            "parameter": sensor.parameter,
            "unit": sensor.unit,
            "low_low": sensor.low_low,
            "low": sensor.low,
            "high": sensor.high,
            "high_high": sensor.high_high,
            "deadband": sensor.deadband,
            "min_duration": sensor.min_duration,
            "no_data_after": sensor.no_data_after,
        }
    elif parse_id(request.GET.get("risk_point")):
        initial = {"risk_point": parse_id(request.GET.get("risk_point"))}
    form = SensorForm(request.POST or None, initial=initial, enterprise=enterprise)
    if sensor is not None:
        # A sensor stays on its risk point (its readings and alarms are there).
        form.fields["risk_point"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        device = form.cleaned_data.get("device")
        try:
            if sensor is None:
                saved = sensor_create(
                    actor=request.user,
                    risk_point=form.cleaned_data["risk_point"],
                    device=device,
                    data=data,
                )
            else:
                saved = sensor_update(
                    actor=request.user, sensor=sensor, data=data, device=device
                )
        except Invalid as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
            return redirect("monitoring:sensor", saved.pk)
    return {"form": form, "sensor": sensor}


__all__ = ["Alarm"]
