"""The demo's processes together: the web server, a worker and the scheduler.

Ctrl-C (or SIGTERM) stops all three; if one of them exits, the others are
stopped too. The worker is django-tasks-db's ``db_worker`` (the demo needs no
broker); with SAFEGRID_TASKS_BACKEND=rq it is django-rq's ``rqworker``.
"""

from __future__ import annotations

import signal
import subprocess  # noqa: S404  (our own manage.py, no shell)
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


def _readings_url(addrport: str) -> str:
    host, _sep, port = addrport.rpartition(":")
    if host in ("", "0.0.0.0", "[::]"):  # noqa: S104 - a listening address
        host = "127.0.0.1"
    return f"http://{host}:{port or 8000}/api/v1/readings/"


class Command(BaseCommand):
    help = "Run the web server, a task worker and the scheduler; Ctrl-C stops all."

    def add_arguments(self, parser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *, addrport: str, **options) -> None:
        manage = [sys.executable, sys.argv[0]]
        if getattr(settings, "SAFEGRID_TASKS_BACKEND", "db") == "rq":
            worker = ["rqworker", "default", "--job-class", "django_tasks_rq.Job"]
        else:
            worker = ["db_worker", "--queue-name", "*", "--no-reload"]
        commands = {
            "web": ["runserver", addrport],
            "worker": worker,
            "scheduler": ["run_scheduler"],
            # Live sensor readings over HTTP (core/monitoring; no broker).
            "simulator": ["monitoring_simulate", "--url", _readings_url(addrport)],
        }
        processes = {
            name: subprocess.Popen([*manage, *args])  # noqa: S603
            for name, args in commands.items()
        }
        self.stdout.write(
            "SafeGrid demo: web server, worker and scheduler started; "
            "Ctrl-C stops all three."
        )
        stopping = False

        def stop(signum, frame) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                exited = [n for n, p in processes.items() if p.poll() is not None]
                if exited:
                    self.stderr.write(
                        f"{', '.join(exited)} stopped; stopping the rest."
                    )
                    break
                time.sleep(0.5)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            for process in processes.values():
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
