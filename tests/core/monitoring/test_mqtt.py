"""Against the real Mosquitto on 127.0.0.1:1883 (CI starts it): publish →
ingest → alarm → hazard, and a broker restart mid-run loses nothing that was
acknowledged and duplicates nothing.

Skipped when no broker listens locally; CI (``CI`` set) requires it. The
restart stops Mosquitto with SIGTERM (it saves its persistent store) and
starts it again with the same configuration; where that cannot be done (not
root, no pid file) the subscriber's connection is dropped and re-opened
instead, with messages published meanwhile.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid

import pytest

from core.hazards.models import Hazard
from core.monitoring.models import Alarm, AlarmKind, Reading
from core.monitoring.mqtt import Subscriber, mqtt_settings, topic_for

pytestmark = pytest.mark.django_db
HOST, PORT = "127.0.0.1", 1883
PID_FILE = "/run/mosquitto/mosquitto.pid"
CONF = "/etc/mosquitto/mosquitto.conf"


def broker_up() -> bool:
    try:
        with socket.create_connection((HOST, PORT), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def broker():
    if not broker_up():
        if os.environ.get("CI"):
            pytest.fail("Mosquitto is not listening on 127.0.0.1:1883 in CI")
        pytest.skip("no MQTT broker on 127.0.0.1:1883")


def publisher():
    import paho.mqtt.client as mqtt

    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2, client_id=f"pub-{uuid.uuid4().hex[:8]}"
    )
    client.reconnect_delay_set(0.2, 2)
    client.connect(HOST, PORT)
    client.loop_start()
    return client


def publish(client, topic, items):
    infos = [client.publish(topic, json.dumps(item), qos=1) for item in items]
    for info in infos:
        info.wait_for_publish(timeout=10)
        assert info.is_published()  # the broker acknowledged it (PUBACK)


def forget_session(client_id: str) -> None:
    """Drop a test subscriber's persistent session from the broker."""
    import paho.mqtt.client as mqtt

    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True
    )
    try:
        client.connect(HOST, PORT)
        client.loop(timeout=0.5)
        client.disconnect()
    except OSError:
        pass


def wait_subscribed(sub: Subscriber) -> None:
    sub.run(stop=lambda: sub.subscribed, timeout=10)
    assert sub.subscribed


def test_publish_ingest_alarm_hazard(mon, broker):
    sub = Subscriber(client_id=f"sg-test-{uuid.uuid4().hex[:8]}")
    wait_subscribed(sub)
    pub = publisher()
    try:
        items = [
            {"ts": mon.at(i * 10), "value": v}
            for i, v in enumerate([50, 60, 85, 95, 96])
        ]
        publish(pub, topic_for(mon.sensor), items)
        # a foreign enterprise's topic for this sensor is refused
        publish(
            pub,
            f"{mqtt_settings()['prefix']}/{mon.world.enterprise_b.pk}/{mon.sensor.pk}",
            [{"ts": mon.at(999), "value": 1}],
        )
        publish(pub, topic_for(mon.sensor), ["not json"])
        sub.run(stop=lambda: sub.messages >= 7, timeout=15)
    finally:
        pub.loop_stop()
        pub.disconnect()
        sub.disconnect()
        forget_session(sub.config["client_id"])
    assert Reading.objects.filter(sensor=mon.sensor).count() == 5
    alarm = Alarm.objects.get(sensor=mon.sensor)
    assert alarm.kind == AlarmKind.HIGH_HIGH
    assert Hazard.objects.get() == alarm.hazard
    assert sub.refused == 2


def restart_broker() -> bool:
    if os.geteuid() != 0 or not os.path.exists(PID_FILE):
        return False
    with open(PID_FILE) as handle:
        pid = int(handle.read().strip() or 0)
    if pid <= 0:
        return False
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        if not broker_up():
            break
        time.sleep(0.1)
    for _ in range(50):  # the old process must be gone before the new binds
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    # A fixed command line of the system's broker, no outside input.
    subprocess.run([binary, "-d", "-c", CONF], check=True)  # noqa: S603
    for _ in range(100):
        if broker_up():
            return True
        time.sleep(0.1)
    raise AssertionError("Mosquitto did not come back")


def test_a_broker_restart_loses_nothing_and_duplicates_nothing(mon, broker):
    client_id = f"sg-test-{uuid.uuid4().hex[:8]}"
    sub = Subscriber(client_id=client_id)
    wait_subscribed(sub)
    topic = topic_for(mon.sensor)
    batch = [{"ts": mon.at(i), "value": 50 + (i % 5)} for i in range(60)]
    pub = publisher()
    try:
        publish(pub, topic, batch[:20])
        sub.run(stop=lambda: Reading.objects.count() >= 20, timeout=15)
        # The broker restarts under the connected subscriber (or, where it
        # cannot be restarted here, the subscriber's connection drops); its
        # persistent session keeps what is published meanwhile.
        restarted = restart_broker()
        if restarted:
            # the publisher reconnects by itself (loop_start); wait for it
            deadline = time.monotonic() + 15
            while not pub.is_connected() and time.monotonic() < deadline:
                time.sleep(0.1)
        else:
            sub.client.disconnect()
        publish(pub, topic, batch[20:40])
        publish(pub, topic, batch[40:] + batch[:5])  # 5 redelivered duplicates
        sub.run(stop=lambda: Reading.objects.count() >= 60, timeout=30)
        sub.run(timeout=1)  # let the duplicates arrive too
    finally:
        pub.loop_stop()
        pub.disconnect()
        sub.disconnect()
        forget_session(sub.config["client_id"])
    times = list(Reading.objects.filter(sensor=mon.sensor).values_list("ts", flat=True))
    assert len(times) == 60 == len(set(times))
    assert sub.messages >= 65
    if restarted:
        assert sub.reconnects >= 1  # it came back by itself, same session


@pytest.mark.django_db(transaction=True)
def test_the_pipelined_subscriber_stores_in_order_and_acknowledges(mon):
    """``manage.py monitoring_mqtt``'s mode: a worker thread stores the
    batches (its own connection) while the network loop receives; against a
    broker of the test's own with 1000 messages in flight."""
    from core.monitoring.broker import mosquitto_binary, start_mosquitto

    if mosquitto_binary() is None:
        pytest.skip("mosquitto is not installed")
    config = "allow_anonymous true\nmax_inflight_messages 1000\n"
    with start_mosquitto(config) as broker:
        sub = Subscriber(
            client_id=f"sg-pipe-{uuid.uuid4().hex[:8]}", port=broker.port, pipeline=True
        )
        wait_subscribed(sub)
        import paho.mqtt.client as mqtt

        pub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="")
        pub.connect(HOST, broker.port)
        pub.loop_start()
        # 600 readings: normal, then high-high for the last 100.
        items = [{"ts": mon.at(i), "value": 95 if i >= 500 else 50} for i in range(600)]
        publish(pub, topic_for(mon.sensor), items)
        # (the worker writes: this thread only counts messages, then drains)
        sub.run(stop=lambda: sub.messages >= 600, timeout=60)
        sub.disconnect()
        pub.loop_stop()
        pub.disconnect()
    assert Reading.objects.filter(sensor=mon.sensor).count() == 600
    assert sub.messages == 600 and sub.refused == 0
    mon.sensor.refresh_from_db()
    assert mon.sensor.state == "high_high"
    assert Alarm.objects.get(sensor=mon.sensor).kind == AlarmKind.HIGH_HIGH
