"""Monitoring benchmark: ingestion rates against the broker's own rate, and
a month of one sensor's history among many stored readings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sg_bench_monitoring \\
        .venv/bin/python scripts/benchmark_monitoring.py [--messages 3000]
        [--readings 10000000]

Measured in one run on this machine (docs/performance.md, "Monitoring"):

1. broker: raw MQTT publish → subscribe rate, QoS 1, one publisher and one
   subscriber through Mosquitto on 127.0.0.1:1883, no database;
2. mqtt: the same messages through ``core.monitoring.mqtt.Subscriber``
   (parse, store, evaluate alarms, acknowledge after commit);
3. http: ``POST /api/v1/readings/`` in batches of 500 through Django's full
   request stack (test client: no socket, no WSGI server);
4. query: with ``--readings`` rows stored over 100 sensors (PostgreSQL:
   generate_series, a minute apart), the time to read one sensor's month
   raw and hourly-aggregated (best of 5, warm cache).

Uses its own database (the URL above, created and migrated here); never the
development or test one. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safegrid_site.settings.dev")


def setup_django() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def world():
    from django.contrib.auth import get_user_model

    from core.monitoring.models import Device, SensorPoint
    from core.organizations.models import Enterprise, Membership, Role
    from core.risks.models import RiskPoint

    tag = uuid.uuid4().hex[:6]
    from core.organizations.models import Jurisdiction
    from tests.factories import jurisdiction, make_uscc

    district = jurisdiction(f"bench-{tag}", f"B{tag}", Jurisdiction.Level.DISTRICT)
    enterprise = Enterprise.objects.create(
        name=f"bench-{tag}",
        uscc=make_uscc(uuid.uuid4().int % 10**8),
        jurisdiction=district,
    )
    user = get_user_model().objects.create_user(f"bench-{tag}")
    Membership.objects.create(
        user=user, enterprise=enterprise, role=Role.ENTERPRISE_MANAGER
    )
    point = RiskPoint.objects.create(enterprise=enterprise, name="罐区", kind="area")
    from core.monitoring.services import device_create

    issued = device_create(actor=user, enterprise=enterprise, name="bench")
    sensor = SensorPoint.objects.create(
        enterprise=enterprise,
        risk_point=point,
        device=issued.device,
        name="液位",
        parameter="液位",
        unit="%",
        low=20,
        high=80,
        high_high=90,
        deadband=2,
    )
    assert isinstance(issued.device, Device)
    return sensor, issued.key


def values(n: int, start: datetime.datetime):
    # mostly normal, an excursion every 500 readings: alarms are evaluated
    for i in range(n):
        yield (start + datetime.timedelta(seconds=i), 85.0 if i % 500 > 490 else 50.0)


#: The benchmark's own broker: Mosquitto's default of 20 unacknowledged
#: messages in flight per client would bound each stored batch to 20.
BROKER_CONFIG = """
allow_anonymous true
max_inflight_messages 1000
max_queued_messages 100000
"""
PORT = 1883
PIPELINE = True


def _publisher():
    import paho.mqtt.client as mqtt

    pub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="")
    pub.max_inflight_messages_set(100)
    pub.connect("127.0.0.1", PORT)
    pub.loop_start()
    return pub


def raw_subscriber(port: int, topic: str, n: int) -> None:
    """The raw side, run as its own process like the ingestion: a paho
    subscriber (QoS 1) that says "ready", then "done" after ``n`` messages."""
    import paho.mqtt.client as mqtt

    got = 0
    sub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="")

    def on_message(client, userdata, message):
        nonlocal got
        got += 1

    sub.on_message = on_message
    sub.on_subscribe = lambda *args: print("ready", flush=True)
    sub.connect("127.0.0.1", port)
    sub.subscribe(topic, qos=1)
    deadline = time.monotonic() + 300
    while got < n and time.monotonic() < deadline:
        sub.loop(timeout=0.1)
    print("done", flush=True)
    sub.disconnect()


def broker_rate(n: int) -> float:
    """Publish → subscribe through the broker, subscriber in its own process."""
    import subprocess

    topic = f"bench/{uuid.uuid4().hex[:8]}"
    # A fixed command line: this script in its raw-subscriber role.
    child = subprocess.Popen(  # noqa: S603
        [sys.executable, __file__, "--raw-subscriber", str(PORT), topic, str(n)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    pub = _publisher()
    payload = json.dumps({"ts": "2026-01-01T00:00:00+00:00", "value": 50.0})
    began = time.perf_counter()
    for _ in range(n):
        pub.publish(topic, payload, qos=1)
    finished = child.stdout.readline().strip() == "done"
    took = time.perf_counter() - began
    child.wait(timeout=30)
    pub.loop_stop()
    pub.disconnect()
    assert finished
    return n / took


def mqtt_rate(n: int, sensor) -> float:
    """The same through ``manage.py monitoring_mqtt`` (its own process, as
    deployed): published → stored, parsed, evaluated and acknowledged."""
    import subprocess

    import paho.mqtt.client as mqtt
    from django.utils import timezone

    from core.monitoring.models import Reading
    from core.monitoring.mqtt import topic_for

    client_id = f"bench-{uuid.uuid4().hex[:8]}"
    command = [
        sys.executable,
        str(ROOT / "site" / "manage.py"),
        "monitoring_mqtt",
        "--port",
        str(PORT),
        "--client-id",
        client_id,
        "--seconds",
        "600",
    ]
    if not PIPELINE:
        command.append("--no-pipeline")
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
    pub = _publisher()
    start = timezone.now() - datetime.timedelta(days=2, seconds=n)
    stored = Reading.objects.filter(sensor=sensor)
    before = stored.count()
    # Ready once a first reading comes through (subscribed).
    deadline = time.monotonic() + 60
    warm = 0
    while stored.count() == before and time.monotonic() < deadline:
        ts = (start - datetime.timedelta(seconds=warm + 1)).isoformat()
        pub.publish(topic_for(sensor), json.dumps({"ts": ts, "value": 50}), qos=1)
        warm += 1
        time.sleep(0.2)
    time.sleep(0.5)
    before = stored.count()
    began = time.perf_counter()
    for ts, value in values(n, start):
        pub.publish(
            topic_for(sensor), json.dumps({"ts": ts.isoformat(), "value": value}), qos=1
        )
    deadline = time.monotonic() + 600
    while stored.count() - before < n and time.monotonic() < deadline:
        time.sleep(0.02)
    took = time.perf_counter() - began
    child.terminate()
    child.wait(timeout=30)
    pub.loop_stop()
    pub.disconnect()
    cleanup = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True
    )
    cleanup.connect("127.0.0.1", PORT)
    cleanup.disconnect()
    count = stored.count() - before
    print(f"  mqtt: {count} stored of {n} published in {took:.1f} s")
    return count / took


def http_rate(n: int, sensor, key: str, batch: int = 500) -> float:
    from django.test import Client
    from django.utils import timezone

    client = Client()
    start = timezone.now() - datetime.timedelta(days=1)
    items = [
        {"sensor": sensor.pk, "ts": ts.isoformat(), "value": v}
        for ts, v in values(n, start)
    ]
    accepted = 0
    began = time.perf_counter()
    for i in range(0, n, batch):
        response = client.post(
            "/api/v1/readings/",
            json.dumps({"readings": items[i : i + batch]}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Device {key}",
        )
        assert response.status_code == 200, response.content[:300]
        accepted += response.json()["accepted"]
    took = time.perf_counter() - began
    print(f"  http: {accepted} accepted of {n} in {took:.1f} s")
    return accepted / took


def query_month(total: int) -> None:
    from django.db import connection

    from core.monitoring.models import SensorPoint
    from core.monitoring.selectors import sensor_history

    if connection.vendor != "postgresql":
        print("  query: PostgreSQL only (set DATABASE_URL)")
        return
    template = SensorPoint.objects.order_by("-pk").first()
    assert template is not None
    sensors = []
    for i in range(100):
        template.pk = None
        template.name = f"bench-{i}"
        template.save()
        sensors.append(template.pk)
    per_sensor = total // len(sensors)
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO monitoring_reading (sensor_id, ts, value)
            SELECT s, timestamptz '2025-01-01' + make_interval(mins => g),
                   50 + 10 * sin(g / 60.0)
            FROM unnest(%s::int[]) AS s, generate_series(0, %s - 1) AS g
            """,
            [sensors, per_sensor],
        )
        cursor.execute("ANALYZE monitoring_reading")
    print(
        f"  query: {per_sensor * len(sensors):,} readings stored in "
        f"{time.perf_counter() - began:.0f} s"
    )
    sensor = SensorPoint.objects.get(pk=sensors[len(sensors) // 2])
    start = datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC)
    for interval in (None, "hour"):
        timings = []
        for _ in range(5):
            began = time.perf_counter()
            points = sensor_history(
                sensor=sensor, start=start, end=end, interval=interval
            )
            timings.append(time.perf_counter() - began)
        print(
            f"  query: one sensor's month, {interval or 'raw'}: {len(points)} points"
            f" in {min(timings) * 1000:.0f} ms (best of 5)"
        )


def mqtt_rounds(args, sensor) -> None:
    """The raw broker rate and the ingestion rate, measured alternately (the
    machine is shared: each ratio compares neighbouring measurements)."""
    ratios = []
    for round_ in range(1, args.rounds + 1):
        raw = broker_rate(args.messages)
        print(f"  [{round_}] broker: {raw:.0f} messages/s (raw, QoS 1)")
        mqtt = mqtt_rate(args.messages, sensor)
        ratios.append(mqtt / raw)
        print(f"  [{round_}] mqtt: {mqtt:.0f} readings/s ({mqtt / raw:.0%} of raw)")
    ratios.sort()
    print(
        f"  mqtt/raw over {len(ratios)} rounds: median "
        f"{ratios[len(ratios) // 2]:.0%}, range {ratios[0]:.0%}–{ratios[-1]:.0%}"
    )


def main() -> None:
    if sys.argv[1:2] == ["--raw-subscriber"]:
        raw_subscriber(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--readings", type=int, default=0)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="Broker and ingestion measured alternately this many times.",
    )
    parser.add_argument(
        "--system-broker",
        action="store_true",
        help="Use the broker on 127.0.0.1:1883 (its own configuration) "
        "instead of starting one with BROKER_CONFIG.",
    )
    parser.add_argument(
        "--no-pipeline",
        action="store_true",
        help="The subscriber stores each batch before receiving the next.",
    )
    args = parser.parse_args()
    global PIPELINE
    PIPELINE = not args.no_pipeline
    setup_django()
    sensor, key = world()
    print("monitoring benchmark")
    if args.system_broker:
        mqtt_rounds(args, sensor)
    else:
        from core.monitoring.broker import start_mosquitto

        global PORT  # noqa: PLW0603
        with start_mosquitto(BROKER_CONFIG) as broker:
            PORT = broker.port
            print(f"  a broker of its own on port {PORT}: {BROKER_CONFIG.split()}")
            mqtt_rounds(args, sensor)
    http = http_rate(args.messages * 2, sensor, key)
    print(f"  http: {http:.0f} readings/s (batches of 500)")
    if args.readings:
        query_month(args.readings)


if __name__ == "__main__":
    main()
