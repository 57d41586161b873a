"""Defining and enqueuing jobs.

A job is a Django task (``django_tasks``: ``django.tasks`` from Django 6)
wrapped in a small retry policy: an attempt that raises is recorded as a
``JobRun`` with its error and enqueued again, ``retry_delay × attempt``
seconds later, until ``max_attempts``; the last failure stays on the
administrator's list of job runs. Because an attempt may run again, and a
scheduled slot may run after a missed one, every job is written idempotent
(docs/architecture.md, "Background work").
"""

from __future__ import annotations

import traceback as traceback_module
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, task

#: The keyword argument that carries the attempt number between retries.
ATTEMPT_KWARG = "_safegrid_attempt"
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_RETRY_DELAY = 60  # seconds; multiplied by the attempt number


def enqueue_on_commit(task_obj: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue ``task_obj(*args, **kwargs)`` once the current transaction
    commits (at once outside a transaction), so a worker never runs a job
    for data that was rolled back or that it cannot see yet."""
    transaction.on_commit(lambda: task_obj.enqueue(*args, **kwargs))


def job(
    function: Callable[..., Any] | None = None,
    *,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    retry_delay: float = DEFAULT_RETRY_DELAY,
    **task_options: Any,
) -> Any:
    """Make a module-level function a job: ``@job`` or ``@job(max_attempts=5)``.

    ``task_options`` are django-tasks' (``queue_name``, ``priority``,
    ``backend``). The result is a django-tasks ``Task``: ``.enqueue(...)``,
    ``.using(...)``; arguments must be JSON-serialisable.
    """

    def decorate(func: Callable[..., Any]) -> Any:
        def run(context: TaskContext, *args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT_KWARG, 1))
            return _run_attempt(
                func, context, attempt, max_attempts, retry_delay, args, kwargs
            )

        # Not functools.wraps: django-tasks reads the signature through
        # __wrapped__ and must see ``context`` first. The names make the
        # task's import path the original function's (the module attribute
        # is the Task).
        run.__module__ = func.__module__
        run.__name__ = func.__name__
        run.__qualname__ = func.__qualname__
        run.__doc__ = func.__doc__
        return task(takes_context=True, **task_options)(run)

    return decorate(function) if function is not None else decorate


def _run_attempt(
    func: Callable[..., Any],
    context: TaskContext,
    attempt: int,
    max_attempts: int,
    retry_delay: float,
    args: tuple,
    kwargs: dict,
) -> Any:
    from core.jobs.models import JobRun

    result = context.task_result
    task_path = f"{func.__module__}.{func.__qualname__}"
    record = JobRun.objects.create(
        task_path=task_path,
        task_result_id=str(result.id)[:64],
        backend=result.backend,
        arguments={"args": list(args), "kwargs": kwargs},
        attempt=attempt,
        max_attempts=max_attempts,
    )
    try:
        value = func(*args, **kwargs)
    except Exception as exc:
        retry = attempt < max_attempts
        record.status = JobRun.Status.RETRYING if retry else JobRun.Status.FAILED
        record.error = f"{type(exc).__name__}: {exc}"[:2000]
        record.traceback = traceback_module.format_exc()
        record.finished_at = timezone.now()
        record.save(update_fields=["status", "error", "traceback", "finished_at"])
        if retry:
            task_obj = import_string(task_path)
            options: dict[str, Any] = {"backend": result.backend}
            if retry_delay > 0:
                options["run_after"] = timezone.now() + timedelta(
                    seconds=retry_delay * attempt
                )
            task_obj.using(**options).enqueue(
                *args, **kwargs, **{ATTEMPT_KWARG: attempt + 1}
            )
        raise
    record.status = JobRun.Status.SUCCEEDED
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "finished_at"])
    return value
