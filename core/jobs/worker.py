"""Run the database backend's ready tasks in this process, in this thread.

The tests use it to run jobs for real (enqueued, claimed, run and recorded by
django-tasks-db's own ``Worker.run_task``). It is the worker loop without
``close_old_connections()``: that call closes a connection that is inside a
transaction (autocommit off), which is what a test's connection always is, so
the ``db_worker`` loop run inside a test closed the test's connection on
PostgreSQL ("the connection is closed"); SQLite's in-memory test database
ignores the close, which is why only PostgreSQL failed.
"""

from __future__ import annotations

from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction


def run_pending(
    backend: str = DEFAULT_TASK_BACKEND_ALIAS, *, max_tasks: int = 100
) -> int:
    """Run ready tasks of ``backend`` (a database backend) until none is
    left or ``max_tasks`` ran; return how many ran."""
    if not isinstance(task_backends[backend], DatabaseBackend):
        raise ValueError(f"{backend!r} is not a database task backend")
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=backend,
        startup_delay=False,
        max_tasks=None,
        worker_id=f"inprocess-{get_random_string(12)}",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < max_tasks:
        ready = DBTaskResult.objects.ready().filter(backend_name=backend)
        with exclusive_transaction(ready.db):
            result = ready.get_locked()
            if result is None:
                break
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran
