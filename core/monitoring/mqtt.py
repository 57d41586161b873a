"""The MQTT side of ingestion: a subscriber run as its own process
(``manage.py monitoring_mqtt``), and the topic layout devices publish to.

* Topic per enterprise and sensor: ``<prefix>/<enterprise id>/<sensor id>``
  (prefix ``SAFEGRID_MQTT_TOPIC_PREFIX``, default ``safegrid``); payload JSON
  ``{"ts": ISO 8601 or epoch seconds, "value": number}`` (or a list of them).
  A sensor is written only through its own enterprise's topic; the broker
  authenticates the publishers (Mosquitto password file and ACL pattern,
  docs/monitoring.md).
* Messages are stored in batches (what arrived within 50 ms, at most
  ``BATCH``; Mosquitto keeps 20 unacknowledged messages in flight per
  client by default), one transaction each, then acknowledged.
* QoS 1 with a persistent session (MQTT 3.1.1 ``clean_session=False``, a
  fixed client id), and manual acknowledgement: a message is acknowledged
  (PUBACK) only after its readings are committed, so a crash or a broker
  restart loses nothing the broker delivered; what is delivered again is
  stored once (``ingest`` is idempotent on ``(sensor, ts)``).
* After the connection drops (a broker restart), ``run`` reconnects with a
  back-off from 0.5 to 30 seconds and resubscribes; the broker replays the
  session's queued messages.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection

from core.monitoring.ingest import ingest
from core.monitoring.models import SensorPoint

logger = logging.getLogger(__name__)
#: At most this many messages are stored in one transaction.
BATCH = 500


def mqtt_settings() -> dict[str, Any]:
    return {
        "host": getattr(settings, "SAFEGRID_MQTT_HOST", "127.0.0.1"),
        "port": int(getattr(settings, "SAFEGRID_MQTT_PORT", 1883)),
        "prefix": getattr(settings, "SAFEGRID_MQTT_TOPIC_PREFIX", "safegrid"),
        "client_id": getattr(settings, "SAFEGRID_MQTT_CLIENT_ID", "safegrid-ingest"),
        "username": getattr(settings, "SAFEGRID_MQTT_USERNAME", None),
        "password": getattr(settings, "SAFEGRID_MQTT_PASSWORD", None),
    }


def topic_for(sensor: SensorPoint, prefix: str | None = None) -> str:
    prefix = prefix or mqtt_settings()["prefix"]
    return f"{prefix}/{sensor.enterprise_id}/{sensor.pk}"


def parse_topic(topic: str, prefix: str) -> tuple[int, int] | None:
    parts = topic.split("/")
    if len(parts) != 3 or parts[0] != prefix:
        return None
    try:
        return int(parts[1]), int(parts[2])
    except ValueError:
        return None


class Subscriber:
    """One MQTT connection feeding ``ingest``.

    ``run`` drives the network loop in the calling thread (so the handler
    uses that thread's database connection) until ``stop()`` returns true.
    """

    def __init__(self, *, pipeline: bool = False, **overrides: Any) -> None:
        """``pipeline``: store the batches in a worker thread (its own
        database connection, one batch after another, in order) while this
        thread goes on receiving; each batch is still acknowledged only
        after its commit. Off by default (the tests' database transaction is
        this thread's); ``manage.py monitoring_mqtt`` turns it on."""
        import paho.mqtt.client as mqtt

        self.config = {**mqtt_settings(), **overrides}
        self.pipeline = pipeline
        self._batches: queue.Queue[list[Any] | None] = queue.Queue(maxsize=2)
        self._worker: threading.Thread | None = None
        self._failed = threading.Event()
        self.client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2,
            client_id=self.config["client_id"],
            clean_session=False,
            protocol=mqtt.MQTTv311,
            manual_ack=True,
        )
        if self.config["username"]:
            self.client.username_pw_set(
                self.config["username"], self.config["password"]
            )
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.on_subscribe = self._on_subscribe
        self.subscribed = False
        self.connected = False
        self.messages = 0
        self.refused = 0
        self.reconnects = 0
        self._sensors: dict[int, SensorPoint] = {}
        self._pending: list[Any] = []
        self._pending_at = 0.0

    # -- callbacks -----------------------------------------------------------------
    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            logger.warning("MQTT connection refused: %s", reason_code)
            return
        self.connected = True
        client.subscribe(f"{self.config['prefix']}/+/+", qos=1)

    def _on_subscribe(self, client, userdata, mid, reason_codes, properties) -> None:
        self.subscribed = True

    def _on_message(self, client, userdata, message) -> None:
        # Stored and acknowledged in batches by ``flush`` (run's loop).
        if not self._pending:
            self._pending_at = time.monotonic()
        self._pending.append(message)

    # -- the work -----------------------------------------------------------------
    def _sensor(self, enterprise_id: int, sensor_id: int) -> SensorPoint | None:
        sensor = self._sensors.get(sensor_id)
        if sensor is None:
            sensor = (
                SensorPoint.objects.filter(pk=sensor_id, active=True)
                .only("pk", "enterprise_id", "device_id")
                .first()
            )
            if sensor is not None:
                self._sensors[sensor_id] = sensor
        if sensor is None or sensor.enterprise_id != enterprise_id:
            return None
        return sensor

    def _items(self, topic: str, payload: bytes) -> list[Any] | None:
        """The readings of one message, or None when its topic names no
        sensor of that enterprise."""
        self.messages += 1
        ids = parse_topic(topic, self.config["prefix"])
        sensor = self._sensor(*ids) if ids else None
        try:
            body = json.loads(payload.decode("utf-8"), parse_constant=float)
        except (ValueError, UnicodeDecodeError):
            body = None
        items = body if isinstance(body, list) else [body]
        if sensor is None:
            self.refused += len(items)
            logger.info("MQTT message on %s: unknown sensor", topic)
            return None
        return [
            {**item, "sensor": sensor.pk} if isinstance(item, dict) else item
            for item in items[:1000]
        ]

    def handle(self, topic: str, payload: bytes) -> int:
        """Store the readings of one message; returns how many were accepted."""
        items = self._items(topic, payload)
        if not items:
            return 0
        result = ingest(items=items, sensors=self._sensors)
        self.refused += result.refused
        return result.accepted

    def flush(self) -> None:
        """Store the pending messages in one ingestion (one transaction),
        then acknowledge them; on failure acknowledge none and drop the
        connection, so the broker delivers them again. With the pipeline,
        hand them to the worker (waiting while two batches are queued)."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        if self.pipeline:
            self._start_worker()
            self._batches.put(pending)
            return
        if not self._store(pending):
            close_old_connections()
            self.client.disconnect()

    def _store(self, pending: list[Any]) -> bool:
        items: list[Any] = []
        for message in pending:
            items.extend(self._items(message.topic, message.payload) or [])
        try:
            if items:
                result = ingest(items=items, sensors=self._sensors)
                self.refused += result.refused
        except Exception:
            logger.exception("MQTT messages not stored; they will be redelivered")
            return False
        for message in pending:
            self.client.ack(message.mid, message.qos)
        return True

    def _start_worker(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(
                target=self._work, name="mqtt-store", daemon=True
            )
            self._worker.start()

    def _work(self) -> None:
        try:
            while True:
                pending = self._batches.get()
                try:
                    if pending is None:
                        return
                    # After a failure nothing more is acknowledged until the
                    # connection is re-opened: the broker redelivers it all.
                    if not self._failed.is_set() and not self._store(pending):
                        self._failed.set()
                        close_old_connections()
                finally:
                    self._batches.task_done()
        finally:
            connection.close()

    def drain(self) -> None:
        """Wait until the worker has stored (and acknowledged) every batch."""
        if self._worker is not None and self._worker.is_alive():
            self._batches.join()

    def _stop_worker(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            self._batches.put(None)
            self._worker.join(timeout=60)
        self._worker = None

    # -- the loop -----------------------------------------------------------------
    def connect(self) -> None:
        self.client.connect(self.config["host"], self.config["port"], keepalive=30)

    def run(
        self, stop: Callable[[], bool] = lambda: False, timeout: float | None = None
    ) -> None:
        """Process messages until ``stop()`` or ``timeout`` seconds; reconnect
        with back-off whenever the connection drops."""
        import paho.mqtt.client as mqtt

        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.5
        if not self.client.is_connected():
            self._try_connect()
        while not stop():
            if deadline is not None and time.monotonic() > deadline:
                break
            code = self.client.loop(timeout=0.05 if self._pending else 0.2)
            if self._failed.is_set():
                # A batch failed in the worker: drop the connection (what
                # was not acknowledged comes again) once the queue is empty.
                self._pending = []
                self.drain()
                self._failed.clear()
                self.client.disconnect()
                code = mqtt.MQTT_ERR_NO_CONN
            if len(self._pending) >= BATCH or (
                self._pending and time.monotonic() - self._pending_since() > 0.05
            ):
                self.flush()
            if code == mqtt.MQTT_ERR_SUCCESS:
                delay = 0.5
                continue
            self.flush()
            self.connected = self.subscribed = False
            time.sleep(delay)
            delay = min(delay * 2, 30.0)
            self._try_connect(again=True)
        self.flush()
        self.drain()

    def _pending_since(self) -> float:
        return self._pending_at

    def _try_connect(self, again: bool = False) -> None:
        try:
            if again:
                self.reconnects += 1
                self.client.reconnect()
            else:
                self.connect()
        except OSError as error:
            logger.info("MQTT broker not reachable yet: %s", error)

    def disconnect(self) -> None:
        self.flush()
        self.drain()
        # The last acknowledgements go out before the connection closes.
        self.client.loop(timeout=0.1)
        self._stop_worker()
        self.client.disconnect()
        self.client.loop(timeout=0.2)
        self.connected = self.subscribed = False
