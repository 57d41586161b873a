"""Online monitoring of major risk points: devices, sensor points, readings,
their aggregates, and alarms (docs/monitoring.md).

Writes go through ``core.monitoring.services`` (and ``ingest``); nothing here
holds business logic.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    NamedPerEnterprise,
    choice_field,
    enterprise_key,
    one_per,
    optional_key,
    optional_moment,
    parent_key,
    user_stamp,
)


class LimitState(models.TextChoices):
    """Where a value stands against the four limits (ordered by severity)."""

    LOW_LOW = "low_low", _("Low-low")
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    HIGH_HIGH = "high_high", _("High-high")


#: The signed severity of each state: the further from 0, the worse.
SEVERITY = {
    LimitState.LOW_LOW: -2,
    LimitState.LOW: -1,
    LimitState.NORMAL: 0,
    LimitState.HIGH: 1,
    LimitState.HIGH_HIGH: 2,
}


class AlarmKind(models.TextChoices):
    LOW_LOW = "low_low", _("Low-low alarm")
    LOW = "low", _("Low alarm")
    HIGH = "high", _("High alarm")
    HIGH_HIGH = "high_high", _("High-high alarm")
    NO_DATA = "no_data", _("No data")


class AlarmCategory(models.TextChoices):
    LIMIT = "limit", _("Limit crossed")
    NO_DATA = "no_data", _("Sensor silent")


class MonitoringPart(NamedPerEnterprise):
    """A named part of an enterprise's monitoring set-up (a device, a sensor
    point), listed by enterprise, then name."""

    name = models.CharField(_("name"), max_length=120)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta(NamedPerEnterprise.Meta):
        abstract = True


class Device(MonitoringPart):
    """A data source of an enterprise (a transmitter, an RTU, a gateway)
    holding one credential.

    Only the key's hash is stored: the key is shown once, when it is issued
    or rotated. ``key_prefix`` (public, unique) finds the row; the secret
    part is compared with its SHA-256 in constant time (the key carries 192
    random bits, so a slow password hash adds nothing; docs/monitoring.md).
    """

    enterprise = enterprise_key("monitoring_devices")
    key_prefix = models.CharField(_("key prefix"), max_length=16, unique=True)
    key_hash = models.CharField(_("key hash"), max_length=64, editable=False)
    key_issued_at = models.DateTimeField(_("key issued at"), default=timezone.now)
    #: The key's hash in the MQTT broker's password format (core.monitoring.broker).
    mqtt_hash = models.CharField(
        _("broker password hash"), max_length=200, blank=True, editable=False
    )
    revoked_at = optional_moment(_("revoked at"))
    accepted_count = models.PositiveBigIntegerField(_("readings accepted"), default=0)
    refused_count = models.PositiveBigIntegerField(_("readings refused"), default=0)
    last_refusal = models.CharField(_("last refusal"), max_length=200, blank=True)
    last_seen_at = optional_moment(_("last seen at"))

    class Meta(MonitoringPart.Meta):
        verbose_name = _("monitoring device")
        verbose_name_plural = _("monitoring devices")

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


#: A sensor's set-up values: what the service writes (``_sensor_values``), the
#: portal form edits and the API shows.
SENSOR_FIELDS = (
    "name",
    "parameter_key",
    "parameter",
    "unit",
    "low_low",
    "low",
    "high",
    "high_high",
    "deadband",
    "min_duration",
    "no_data_after",
)


class SensorPoint(MonitoringPart):
    """A monitored parameter on a risk point, with its four limits.

    ``enterprise`` repeats the risk point's, so the scope filters sensors,
    readings' owners and alarms with one condition. The limit state and the
    pending change (hysteresis ``deadband`` and ``min_duration``) are kept
    on the row: evaluating a reading reads and writes this one row.
    """

    enterprise = enterprise_key("sensor_points")
    risk_point = parent_key("risks.RiskPoint", "sensor_points", _("risk point"))
    device = optional_key(Device, "sensors", _("device"))
    parameter_key = models.CharField(
        _("pack parameter"),
        max_length=80,
        blank=True,
        help_text=_("A monitored parameter an enabled industry pack declares."),
    )
    parameter = models.CharField(_("parameter"), max_length=120)
    unit = models.CharField(_("unit"), max_length=20)
    low_low = models.FloatField(_("low-low limit"), null=True, blank=True)
    low = models.FloatField(_("low limit"), null=True, blank=True)
    high = models.FloatField(_("high limit"), null=True, blank=True)
    high_high = models.FloatField(_("high-high limit"), null=True, blank=True)
    deadband = models.FloatField(
        _("deadband"),
        default=0,
        help_text=_("How far back past a limit a value must go to return to normal."),
    )
    min_duration = models.PositiveIntegerField(
        _("minimum duration (s)"),
        default=0,
        help_text=_("How long a new state must last before it counts."),
    )
    no_data_after = models.PositiveIntegerField(
        _("no data after (s)"),
        default=300,
        help_text=_("A sensor silent this long raises a no-data alarm."),
    )
    active = models.BooleanField(_("active"), default=True)
    state = choice_field(_("state"), LimitState, default=LimitState.NORMAL)
    pending_state = choice_field(_("pending state"), LimitState, blank=True)
    pending_since = optional_moment(_("pending since"))
    last_value = models.FloatField(_("last value"), null=True, blank=True)
    last_ts = optional_moment(_("last reading at"))

    class Meta(MonitoringPart.Meta):
        verbose_name = _("sensor point")
        verbose_name_plural = _("sensor points")
        indexes = [
            models.Index(fields=["enterprise", "name", "id"], name="sensor_ent_name"),
            models.Index(fields=["active", "last_ts"], name="sensor_active_last"),
        ]

    def limits(self) -> dict[str, float | None]:
        return {
            "low_low": self.low_low,
            "low": self.low,
            "high": self.high,
            "high_high": self.high_high,
        }


class Reading(models.Model):
    """One measured value: a sensor, a time, a float — nothing else.

    The unique ``(sensor, ts)`` makes a redelivered reading one row, and its
    B-tree serves every query of one sensor over a time range (an index
    range scan in time order). A BRIN index on ``ts`` alone would be
    smaller but cannot find one sensor's rows among many sensors'
    interleaved ones; see docs/monitoring.md, "Storage".
    """

    id = models.BigAutoField(primary_key=True)
    sensor = parent_key(SensorPoint, "readings", _("sensor"))
    ts = models.DateTimeField(_("time"))
    value = models.FloatField(_("value"))

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        constraints = [one_per("sensor", "ts", name="reading_one_per_ts")]

    def __str__(self) -> str:
        return f"{self.sensor_id}@{self.ts.isoformat()}={self.value}"


class ReadingAggregate(models.Model):
    """Min, max, mean and count of a sensor's readings over one interval,
    kept for years after the retention job deleted the raw readings."""

    sensor = parent_key(SensorPoint, "aggregates", _("sensor"))
    interval = models.PositiveIntegerField(_("interval (s)"))
    start = models.DateTimeField(_("start"))
    count = models.PositiveIntegerField(_("count"))
    minimum = models.FloatField(_("minimum"))
    maximum = models.FloatField(_("maximum"))
    total = models.FloatField(_("sum"))

    class Meta:
        verbose_name = _("reading aggregate")
        verbose_name_plural = _("reading aggregates")
        constraints = [
            one_per("sensor", "interval", "start", name="aggregate_one_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.sensor_id}@{self.start.isoformat()}/{self.interval}s"

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0


class Alarm(models.Model):
    """An alarm of a sensor: raised, acknowledged, returned to normal,
    cleared — each with who and when.

    At most one open (not cleared) alarm per sensor and category: a limit
    alarm that worsens (high → high-high) is the same alarm with a worse
    ``kind``; one that returns and comes back before it is cleared is
    raised again on the same row.
    """

    enterprise = enterprise_key("alarms")
    sensor = parent_key(SensorPoint, "alarms", _("sensor"))
    category = choice_field(_("category"), AlarmCategory)
    kind = choice_field(_("kind"), AlarmKind)
    active = models.BooleanField(
        _("condition present"),
        default=True,
        help_text=_("The value is still beyond the limit (or the sensor silent)."),
    )
    value = models.FloatField(_("value when raised"), null=True, blank=True)
    peak_value = models.FloatField(_("worst value"), null=True, blank=True)
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    returned_at = optional_moment(_("returned to normal at"))
    acknowledged_at = optional_moment(_("acknowledged at"))
    acknowledged_by = user_stamp(_("acknowledged by"))
    cleared_at = optional_moment(_("cleared at"))
    cleared_by = user_stamp(_("cleared by"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    hazard = optional_key("hazards.Hazard", "alarms", _("hazard opened"))

    class Meta:
        verbose_name = _("alarm")
        verbose_name_plural = _("alarms")
        ordering = ["-raised_at", "-id"]
        indexes = [
            models.Index(fields=["enterprise", "-raised_at", "-id"], name="alarm_ent"),
            models.Index(fields=["-raised_at", "-id"], name="alarm_recent"),
            models.Index(fields=["cleared_at", "acknowledged_at"], name="alarm_open"),
        ]
        constraints = [
            one_per(
                "sensor",
                "category",
                condition=models.Q(cleared_at__isnull=True),
                name="alarm_one_open_per_sensor",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.sensor_id}"

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None
