"""The monitoring's periodic jobs (``core.monitoring.default_plugin``).

* ``monitoring.check_sensors`` (every minute): "no data" alarms for silent
  sensors, and a hazard for an alarm left unacknowledged too long.
* ``monitoring.thin_readings`` (daily 02:30): raw readings older than
  ``SAFEGRID_MONITORING_RAW_DAYS`` become hourly aggregates.

Both are idempotent (docs/architecture.md, "Background work"): a second run
finds nothing to do.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Sum
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.utils.translation import gettext as _

from core.jobs.base import job

DEFAULT_RAW_DAYS = 30
HOUR = 3600


def raw_days() -> int:
    return int(getattr(settings, "SAFEGRID_MONITORING_RAW_DAYS", DEFAULT_RAW_DAYS))


@job
def check_sensors() -> dict[str, int]:
    """Raise "no data" alarms and open hazards for alarms unacknowledged
    beyond ``SAFEGRID_MONITORING_ACK_TIMEOUT``."""
    from core.monitoring.models import Alarm, AlarmCategory, AlarmKind, SensorPoint
    from core.monitoring.services import ack_timeout, alarm_open_hazard

    now = timezone.now()
    silent = 0
    # Sensors without an open "no data" alarm: the three conditions on the
    # same alarm (an exclude() across the relation would not require that).
    open_silence = Alarm.objects.filter(
        sensor=OuterRef("pk"),
        category=AlarmCategory.NO_DATA,
        cleared_at__isnull=True,
        active=True,
    )
    candidates = SensorPoint.objects.filter(active=True).filter(~Exists(open_silence))
    for sensor in candidates.only(
        "pk", "enterprise_id", "last_ts", "created_at", "no_data_after"
    ).iterator():
        since = sensor.last_ts or sensor.created_at
        if (now - since).total_seconds() < sensor.no_data_after:
            continue
        with transaction.atomic():
            alarm = (
                Alarm.objects.select_for_update()
                .filter(
                    sensor_id=sensor.pk,
                    category=AlarmCategory.NO_DATA,
                    cleared_at__isnull=True,
                )
                .first()
            )
            if alarm is None:
                try:
                    with transaction.atomic():
                        Alarm.objects.create(
                            enterprise_id=sensor.enterprise_id,
                            sensor_id=sensor.pk,
                            category=AlarmCategory.NO_DATA,
                            kind=AlarmKind.NO_DATA,
                            raised_at=now,
                        )
                except IntegrityError:  # another run raised it meanwhile
                    continue
                silent += 1
            elif not alarm.active:
                alarm.active, alarm.returned_at = True, None
                alarm.save(update_fields=["active", "returned_at"])
                silent += 1
    opened = 0
    late = Alarm.objects.filter(
        cleared_at__isnull=True,
        acknowledged_at__isnull=True,
        hazard__isnull=True,
        raised_at__lte=now - datetime.timedelta(seconds=ack_timeout()),
    ).values_list("pk", flat=True)
    for alarm_id in list(late[:500]):
        with transaction.atomic():
            if alarm_open_hazard(
                alarm_id=alarm_id,
                reason=_("The alarm was not acknowledged in time."),
            ):
                opened += 1
    return {"no_data": silent, "hazards": opened}


@job
def thin_readings() -> dict[str, int]:
    """Fold raw readings older than the retention into hourly aggregates and
    delete them, one sensor per transaction. Whole hours only; a late
    reading of an hour already folded is merged into its aggregate."""
    from core.monitoring.models import Reading, ReadingAggregate

    cutoff = timezone.now() - datetime.timedelta(days=raw_days())
    cutoff = cutoff.replace(minute=0, second=0, microsecond=0)
    sensors = (
        Reading.objects.filter(ts__lt=cutoff)
        .values_list("sensor_id", flat=True)
        .distinct()
        .order_by("sensor_id")
    )
    folded = deleted = 0
    for sensor_id in list(sensors):
        with transaction.atomic():
            old = Reading.objects.filter(sensor_id=sensor_id, ts__lt=cutoff)
            buckets = (
                old.annotate(hour=TruncHour("ts", tzinfo=datetime.UTC))
                .values("hour")
                .annotate(
                    n=Count("id"), lo=Min("value"), hi=Max("value"), total=Sum("value")
                )
                .order_by("hour")
            )
            for bucket in buckets:
                aggregate, created = (
                    ReadingAggregate.objects.select_for_update().get_or_create(
                        sensor_id=sensor_id,
                        interval=HOUR,
                        start=bucket["hour"],
                        defaults={
                            "count": bucket["n"],
                            "minimum": bucket["lo"],
                            "maximum": bucket["hi"],
                            "total": bucket["total"],
                        },
                    )
                )
                if not created:
                    aggregate.count += bucket["n"]
                    aggregate.minimum = min(aggregate.minimum, bucket["lo"])
                    aggregate.maximum = max(aggregate.maximum, bucket["hi"])
                    aggregate.total += bucket["total"]
                    aggregate.save()
                folded += 1
            deleted += old.delete()[0]
    return {"aggregates": folded, "deleted": deleted}


__all__ = ["check_sensors", "thin_readings"]
