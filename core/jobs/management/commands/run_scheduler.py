"""Enqueue the due periodic jobs: once (``--once``, e.g. from cron) or in a loop."""

from __future__ import annotations

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from core.jobs.schedule import run_due


class Command(BaseCommand):
    help = "Enqueue the periodic jobs of SAFEGRID_SCHEDULE whose period slot is due."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument(
            "--interval", type=float, default=30, help="Seconds between passes."
        )

    def handle(self, *, once: bool, interval: float, **options) -> None:
        self.running = True

        def stop(signum, frame) -> None:
            self.running = False

        if not once:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        while True:
            for name in run_due():
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            slept = 0.0
            while self.running and slept < interval:
                time.sleep(0.5)
                slept += 0.5
            if not self.running:
                return
            # A long-running process: drop a broken or expired connection
            # before the next pass (never in --once, which may run inside a
            # caller's transaction).
            close_old_connections()
