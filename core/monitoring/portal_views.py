"""The portal's monitoring pages: the sensors with current values and
alarms (refreshed by ``static/monitoring/js/live.js`` polling ``live.json``),
a sensor's history chart (ECharts, ``history.json``), and acknowledging or
clearing an alarm. Every page goes through ``enterprise_portal`` and the
scope; writes through ``core.monitoring.services``."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.base.errors import Invalid, Refused
from core.monitoring import selectors
from core.monitoring.ingest import parse_ts
from core.monitoring.models import Alarm, LimitState, SensorPoint
from core.monitoring.services import alarm_acknowledge, alarm_clear
from core.portal.frame import enterprise_portal, render_portal

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


@enterprise_portal
@require_GET
def sensor_board(request, *, scope, enterprise):
    data = _live(scope, enterprise)
    sensors = selectors.sensor_list(scope=scope, enterprise=enterprise.pk)[:BOARD_LIMIT]
    alarms = selectors.alarm_list(scope=scope, enterprise=enterprise.pk, open=True)[
        :BOARD_LIMIT
    ]
    return render_portal(
        request,
        "monitoring/board.html",
        scope=scope,
        enterprise=enterprise,
        context={"sensors": sensors, "alarms": alarms, "live": data},
    )


@enterprise_portal
@require_GET
def sensor_live(request, *, scope, enterprise):
    return JsonResponse(_live(scope, enterprise))


@enterprise_portal
@require_GET
def sensor_detail(request, pk, *, scope, enterprise):
    sensor = _sensor(scope, enterprise, pk)
    return render_portal(
        request,
        "monitoring/sensor.html",
        scope=scope,
        enterprise=enterprise,
        context={
            "sensor": sensor,
            "ranges": list(RANGES),
            "alarms": selectors.alarm_list(scope=scope, sensor=sensor.pk)[:20],
        },
    )


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


__all__ = ["Alarm"]
