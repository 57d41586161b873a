"""Publish simulated readings for the sensors: ``manage.py monitoring_simulate``.

Over HTTP by default (``POST /api/v1/readings/`` with each device's key; no
broker needed), or over MQTT with ``--mqtt``. The devices' keys are only
stored hashed, so the simulator issues fresh keys for the devices it drives
(through ``device_rotate_key``, as the enterprise's manager): run it against
demo data only. Waits for the web server when it is not up yet.
"""

from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.monitoring.demo import _manager
from core.monitoring.models import Device, SensorPoint
from core.monitoring.mqtt import mqtt_settings, topic_for
from core.monitoring.services import device_rotate_key
from core.monitoring.simulate import Walker


class Command(BaseCommand):
    help = "Publish realistic readings, with occasional excursions, for the sensors."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/api/v1/readings/")
        parser.add_argument("--mqtt", action="store_true", help="Publish over MQTT.")
        parser.add_argument("--every", type=float, default=5.0, help="Seconds a tick.")
        parser.add_argument(
            "--ticks", type=int, default=0, help="0: run until stopped."
        )
        parser.add_argument("--excursion", type=float, default=0.01)
        parser.add_argument("--seed", type=int, default=None)

    def handle(self, *args, **options) -> None:
        rng = random.Random(options["seed"])  # noqa: S311 - simulated values, no secret
        sensors = list(SensorPoint.objects.filter(active=True).order_by("pk"))
        walkers = [Walker.for_sensor(s, rng) for s in sensors]
        if not walkers:
            self.stdout.write("No sensor to simulate.")
            return
        keys = {} if options["mqtt"] else self._keys(walkers)
        client = self._mqtt() if options["mqtt"] else None
        self.stdout.write(
            f"Simulating {len(walkers)} sensors every {options['every']} s "
            f"over {'MQTT' if client else 'HTTP'}."
        )
        tick = 0
        try:
            while not options["ticks"] or tick < options["ticks"]:
                tick += 1
                now = timezone.now().isoformat()
                batches: dict[int, list] = {}
                for walker in walkers:
                    item = {"ts": now, "value": walker.step(rng, options["excursion"])}
                    if client is not None:
                        topic = f"{mqtt_settings()['prefix']}/{walker.enterprise_id}/"
                        client.publish(
                            topic + str(walker.sensor_id), json.dumps(item), qos=1
                        )
                    elif walker.device_id in keys:
                        batches.setdefault(walker.device_id, []).append(
                            {**item, "sensor": walker.sensor_id}
                        )
                for device_id, readings in batches.items():
                    self._post(options["url"], keys[device_id], readings)
                if not options["ticks"] or tick < options["ticks"]:
                    time.sleep(options["every"])
        except KeyboardInterrupt:
            pass
        finally:
            if client is not None:
                client.loop_stop()
                client.disconnect()

    def _keys(self, walkers: list[Walker]) -> dict[int, str]:
        keys = {}
        for device in Device.objects.filter(
            pk__in={w.device_id for w in walkers if w.device_id}
        ):
            user = _manager(device.enterprise_id)
            if user is not None:
                keys[device.pk] = device_rotate_key(actor=user, device=device).key
        return keys

    def _mqtt(self):
        import paho.mqtt.client as mqtt

        config = mqtt_settings()
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="")
        client.connect(config["host"], config["port"])
        client.loop_start()
        return client

    def _post(self, url: str, key: str, readings: list) -> None:
        request = urllib.request.Request(  # noqa: S310 - a configured http URL
            url,
            data=json.dumps({"readings": readings}).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Device {key}",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                response.read()
        except (urllib.error.URLError, OSError) as error:
            self.stderr.write(f"readings not sent ({error}); trying again next tick")


__all__ = ["topic_for"]
