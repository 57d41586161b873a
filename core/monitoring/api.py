"""The monitoring API.

* ``POST /api/v1/readings/`` — a device's batch, authenticated with its key
  (``Authorization: Device sgd_…``), not a user.
* ``GET /api/v1/sensors/``, ``GET /api/v1/sensors/{id}/``,
  ``GET /api/v1/sensors/{id}/readings/?from=&to=&interval=`` — scoped.
* ``GET /api/v1/alarms/``, ``GET /api/v1/alarms/{id}/``,
  ``POST /api/v1/alarms/{id}/acknowledge/`` — scoped; writes through the
  services (the permission check inside).
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.viewsets import ScopedReadViewSet, read_schema
from core.base.errors import Invalid
from core.base.filters import IdFilter, SelectorFilterSet
from core.base.pagination import SHORT_COUNT_LIMIT, KeysetPagination
from core.base.plain_rows import PlainRowsList, RowWriter, name_by_key
from core.base.serializers import ReadSerializer, related
from core.monitoring import selectors
from core.monitoring.ingest import MAX_BATCH, count_refusal, ingest, parse_ts
from core.monitoring.models import SENSOR_FIELDS, Alarm, AlarmKind, SensorPoint
from core.monitoring.services import alarm_acknowledge, alarm_clear, device_for_key
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for

MAX_BODY = 256 * 1024  # bytes: 1,000 readings take ~80 kB
MAX_RANGE = datetime.timedelta(days=400)


class IngestBodySerializer(serializers.Serializer):
    readings = serializers.ListField(
        child=serializers.DictField(), max_length=MAX_BATCH
    )


class IngestResultSerializer(serializers.Serializer):
    accepted = serializers.IntegerField()
    refused = serializers.IntegerField()
    results = serializers.ListField(child=serializers.DictField())


def _refusal(reason: str, code: int) -> Response:
    return Response({"detail": reason}, status=code)


class ReadingIngestView(APIView):
    """A device posts a batch of readings of its own sensors."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes: list = []  # the body is read and checked here

    @extend_schema(
        summary=gettext_lazy("Post a device's readings"),
        description=gettext_lazy(
            'Authorization: Device <key>. Body {"readings": [{"sensor": id, '
            '"ts": ISO 8601 or epoch seconds, "value": number}]}, at most '
            "1000 readings and 256 kB. Each reading is accepted or refused "
            "with a code and a reason; the good ones are stored even when "
            "others are refused. 401 for a missing, wrong or revoked key."
        ),
        request=IngestBodySerializer,
        responses={200: IngestResultSerializer},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        scheme, _sep, key = header.partition(" ")
        if scheme.lower() != "device" or not key.strip():
            return _refusal(_("Send the device key: Authorization: Device <key>."), 401)
        device, problem = device_for_key(key.strip())
        if device is None or problem:
            if device is not None:
                count_refusal(device, problem)
            return _refusal(problem, 401)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            count_refusal(device, "body too large")
            return _refusal(_("The body is larger than 256 kB."), 413)
        try:
            raw = request._request.read(MAX_BODY + 1)
            if len(raw) > MAX_BODY:
                count_refusal(device, "body too large")
                return _refusal(_("The body is larger than 256 kB."), 413)
            body = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        except (ValueError, UnicodeDecodeError):
            count_refusal(device, "not JSON")
            return _refusal(_("The body is not JSON."), 400)
        readings = body.get("readings") if isinstance(body, dict) else body
        if not isinstance(readings, list):
            count_refusal(device, "no readings list")
            return _refusal(_('Send {"readings": [...]}.'), 400)
        if len(readings) > MAX_BATCH:
            count_refusal(device, "batch too long", len(readings))
            return _refusal(
                _("At most %(n)d readings in one batch.") % {"n": MAX_BATCH}, 400
            )
        result = ingest(items=readings, device=device)
        return Response(result.as_dict())


def _no_constant(name: str) -> float:
    # NaN and Infinity are not JSON; kept as a marker so the item is refused
    # with its own reason instead of the whole batch.
    return float(name.replace("Infinity", "inf"))


# -- sensors -------------------------------------------------------------------------


class SensorSerializer(ReadSerializer):
    enterprise_name = related("enterprise.name")
    risk_point_name = related("risk_point.name")

    class Meta:
        model = SensorPoint
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "risk_point",
            "risk_point_name",
            *SENSOR_FIELDS,
            "active",
            "state",
            "last_value",
            "last_ts",
        ]


class SensorFilter(SelectorFilterSet):
    enterprise = IdFilter(label=gettext_lazy("enterprise"))
    risk_point = IdFilter(label=gettext_lazy("risk point"))
    id_filters = ("enterprise", "risk_point")

    class Meta:
        model = SensorPoint
        fields = ["enterprise", "risk_point"]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        scope = scope_for(self.request.user)
        return selectors.sensor_list(scope=scope, **self.values())


class SensorPagination(KeysetPagination):
    # In the selector's order: (enterprise, name, id), index sensor_ent_name.
    page_size = 100


class HistorySerializer(serializers.Serializer):
    sensor = serializers.IntegerField()
    unit = serializers.CharField()
    interval = serializers.CharField(allow_null=True)
    limits = serializers.DictField(child=serializers.FloatField(allow_null=True))
    points = serializers.ListField(child=serializers.DictField())

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateTimeField()
        fields["to"] = serializers.DateTimeField()
        return fields


def _time_param(request: Request, name: str) -> datetime.datetime | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    parsed = parse_ts(raw)
    if parsed is None:
        raise Invalid.at(
            (name,), _("Give the time as ISO 8601 or epoch seconds."), "request"
        )
    return parsed


@read_schema(
    gettext_lazy("List the sensors in the caller's scope"),
    gettext_lazy("One sensor"),
)
class SensorViewSet(ScopedReadViewSet):
    """Sensor points on risk points, with their limits and current state."""

    serializer_class = SensorSerializer
    filterset_class = SensorFilter
    pagination_class = SensorPagination
    selector = selectors.sensor_list

    @extend_schema(
        summary=gettext_lazy("A sensor's readings over a time range"),
        description=gettext_lazy(
            "from, to: ISO 8601 or epoch seconds (default: the last 24 hours); "
            "interval: minute, hour or day for min/max/mean buckets (the "
            "thinned past is served from the stored aggregates); without it "
            "the raw readings, at most 20000."
        ),
        parameters=[
            OpenApiParameter("from", str, required=False),
            OpenApiParameter("to", str, required=False),
            OpenApiParameter(
                "interval", str, required=False, enum=list(selectors.INTERVALS)
            ),
        ],
        responses={200: HistorySerializer},
    )
    @action(detail=True, methods=["get"])
    def readings(self, request: Request, pk: str | None = None) -> Response:
        sensor = self.get_object()
        end = _time_param(request, "to") or timezone.now()
        start = _time_param(request, "from") or end - datetime.timedelta(days=1)
        interval = request.query_params.get("interval") or None
        if interval is not None and interval not in selectors.INTERVALS:
            raise Invalid.at(("interval",), _("Choose minute, hour or day."), "request")
        if start >= end:
            raise Invalid.at(("from",), _("'from' must be before 'to'."), "request")
        if end - start > MAX_RANGE:
            raise Invalid.at(("from",), _("At most 400 days at once."), "request")
        points = selectors.sensor_history(
            sensor=sensor, start=start, end=end, interval=interval
        )
        return Response(
            {
                "sensor": sensor.pk,
                "unit": sensor.unit,
                "from": start,
                "to": end,
                "interval": interval,
                "limits": sensor.limits(),
                "points": points,
            }
        )


# -- alarms --------------------------------------------------------------------------


class AlarmSerializer(ReadSerializer):
    sensor_name = related("sensor.name")
    risk_point = related("sensor.risk_point_id", serializers.IntegerField)
    risk_point_name = related("sensor.risk_point.name")
    enterprise_name = related("enterprise.name")
    acknowledged_by = serializers.SerializerMethodField()
    cleared_by = serializers.SerializerMethodField()

    class Meta:
        model = Alarm
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "sensor",
            "sensor_name",
            "risk_point",
            "risk_point_name",
            "category",
            "kind",
            "active",
            "value",
            "peak_value",
            "raised_at",
            "returned_at",
            "acknowledged_at",
            "acknowledged_by",
            "cleared_at",
            "cleared_by",
            "comment",
            "hazard",
        ]

    def get_acknowledged_by(self, alarm: Alarm) -> str | None:
        user = alarm.acknowledged_by
        return user.get_username() if user is not None else None

    def get_cleared_by(self, alarm: Alarm) -> str | None:
        user = alarm.cleared_by
        return user.get_username() if user is not None else None


class AlarmFilter(SelectorFilterSet):
    enterprise = IdFilter(label=gettext_lazy("enterprise"))
    sensor = IdFilter(label=gettext_lazy("sensor"))
    open = filters.BooleanFilter(label=gettext_lazy("open (not cleared)"))
    acknowledged = filters.BooleanFilter(label=gettext_lazy("acknowledged"))
    id_filters = ("enterprise", "sensor")

    class Meta:
        model = Alarm
        fields = ["enterprise", "sensor", "open", "acknowledged"]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        scope = scope_for(self.request.user)
        return selectors.alarm_list(scope=scope, **self.values())


class AlarmPagination(KeysetPagination):
    # In the selector's order: newest first, indexes alarm_recent/alarm_ent.
    page_size = 50
    # A department's scope is a sub-query: planned together with the five
    # joins of a row it cost more than the page (docs/performance.md).
    join_page_only = True
    # Exact up to 1,000 alarms, then "1,000+" with the planner's estimate:
    # the count reads at most 1,001 index entries whatever the scope's size.
    count_limit = SHORT_COUNT_LIMIT


def _alarm_sources() -> dict[str, Any]:
    """The page's names read by key per row (``name_by_key``): its 50 rows
    joined to sensors, points, enterprises and users by ``id IN (…)`` may be
    planned as hash joins over each whole table."""
    user = get_user_model()
    username = user.USERNAME_FIELD
    return {
        "enterprise_name": name_by_key(Enterprise, "enterprise_id"),
        "sensor_name": name_by_key(SensorPoint, "sensor_id"),
        "risk_point": name_by_key(SensorPoint, "sensor_id", "risk_point_id"),
        "risk_point_name": name_by_key(SensorPoint, "sensor_id", "risk_point__name"),
        "acknowledged_by": name_by_key(user, "acknowledged_by_id", username),
        "cleared_by": name_by_key(user, "cleared_by_id", username),
    }


#: The list's rows, written from plain rows in ``AlarmSerializer``'s shape.
ALARM_ROWS = RowWriter(AlarmSerializer, _alarm_sources)


class AlarmActionSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )


@read_schema(
    gettext_lazy("List the alarms in the caller's scope"),
    gettext_lazy("One alarm"),
    list_description=gettext_lazy(
        "Newest first (cursor pagination); filters enterprise, sensor, "
        "open, acknowledged. Kinds: %(kinds)s."
    )
    % {"kinds": ", ".join(AlarmKind.values)},
)
class AlarmViewSet(PlainRowsList, ScopedReadViewSet):
    """Alarms of sensors: limit crossings and silent sensors; the list's page
    is written from plain rows (``ALARM_ROWS``)."""

    row_writer = ALARM_ROWS
    serializer_class = AlarmSerializer
    filterset_class = AlarmFilter
    pagination_class = AlarmPagination
    selector = selectors.alarm_list

    def _act(self, request: Request, service) -> Response:
        alarm = self.get_object()
        body = AlarmActionSerializer(data=request.data)
        if not body.is_valid():
            raise Invalid.at(("comment",), _("At most 500 characters."), "request")
        service(actor=request.user, alarm=alarm, comment=body.validated_data["comment"])
        fresh = self.get_queryset().get(pk=alarm.pk)
        return Response(AlarmSerializer(fresh, context={"request": request}).data)

    @extend_schema(
        summary=gettext_lazy("Acknowledge an alarm"),
        description=gettext_lazy(
            "Someone of the alarm's enterprise; 403 for government users, 404 "
            "outside the caller's scope."
        ),
        request=AlarmActionSerializer,
        responses={200: AlarmSerializer},
    )
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, alarm_acknowledge)

    @extend_schema(
        summary=gettext_lazy("Clear an alarm whose condition has gone"),
        request=AlarmActionSerializer,
        responses={200: AlarmSerializer},
    )
    @action(detail=True, methods=["post"])
    def clear(self, request: Request, pk: str | None = None) -> Response:
        return self._act(request, alarm_clear)


__all__ = ["AlarmViewSet", "ReadingIngestView", "SensorViewSet", "status"]
