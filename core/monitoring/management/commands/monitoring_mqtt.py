"""Run the MQTT subscriber: ``manage.py monitoring_mqtt`` (its own process).

Subscribes to ``<prefix>/+/+`` with QoS 1 in a persistent session and
stores the readings through the same ingestion as the HTTP endpoint;
reconnects by itself after a broker restart (core/monitoring/mqtt.py).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from core.monitoring.mqtt import Subscriber, mqtt_settings


class Command(BaseCommand):
    help = "Subscribe to the sensors' MQTT topics and store their readings."

    def add_arguments(self, parser) -> None:
        defaults = mqtt_settings()
        parser.add_argument("--host", default=defaults["host"])
        parser.add_argument("--port", type=int, default=defaults["port"])
        parser.add_argument("--client-id", default=defaults["client_id"])
        parser.add_argument(
            "--seconds", type=float, default=None, help="Stop after this long."
        )
        parser.add_argument(
            "--no-pipeline",
            action="store_true",
            help="Store each batch before receiving the next (no worker thread).",
        )

    def handle(self, *args, **options) -> None:
        subscriber = Subscriber(
            host=options["host"],
            port=options["port"],
            client_id=options["client_id"],
            pipeline=not options["no_pipeline"],
        )
        self.stdout.write(
            f"Subscribing to {subscriber.config['prefix']}/+/+ on "
            f"{options['host']}:{options['port']} as {options['client_id']}"
        )
        try:
            subscriber.run(timeout=options["seconds"])
        except KeyboardInterrupt:
            pass
        finally:
            subscriber.disconnect()
            self.stdout.write(
                f"{subscriber.messages} messages, {subscriber.refused} refused, "
                f"{subscriber.reconnects} reconnects"
            )
