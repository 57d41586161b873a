"""Write Mosquitto's password file and ACL file from the devices:
``manage.py monitoring_broker_auth --password-file … --acl-file …``.

Each device that is not revoked logs in as ``sgd_<key prefix>`` with its
device key and may publish only to its own sensors' topics; the ingestion
process (``SAFEGRID_MQTT_USERNAME`` / ``SAFEGRID_MQTT_PASSWORD``) may read
them all. With ``--pid-file`` the broker reloads the files (SIGHUP). The
services rewrite the files by themselves when the ``SAFEGRID_MQTT_*_FILE``
settings are set (core/monitoring/broker.py, docs/monitoring.md).
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.monitoring.broker import configured_subscriber, write_auth_files


class Command(BaseCommand):
    help = "Write the MQTT broker's per-device password file and ACL file."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--password-file",
            default=getattr(settings, "SAFEGRID_MQTT_PASSWORD_FILE", ""),
        )
        parser.add_argument(
            "--acl-file", default=getattr(settings, "SAFEGRID_MQTT_ACL_FILE", "")
        )
        parser.add_argument(
            "--pid-file",
            default=getattr(settings, "SAFEGRID_MQTT_BROKER_PID_FILE", ""),
            help="The broker's pid file: it is told to reload the files.",
        )

    def handle(self, *args, **options) -> None:
        if not options["password_file"] or not options["acl_file"]:
            raise CommandError("Give --password-file and --acl-file.")
        count = write_auth_files(
            password_file=options["password_file"],
            acl_file=options["acl_file"],
            subscriber=configured_subscriber(),
            pid_file=options["pid_file"] or None,
        )
        self.stdout.write(
            f"{count.devices} devices, {count.topics} sensor topics written to "
            f"{options['password_file']} and {options['acl_file']}"
        )
