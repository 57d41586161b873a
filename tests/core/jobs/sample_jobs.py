"""Jobs the tests enqueue (module level, as every job must be)."""

from core.jobs import job
from core.jobs.models import JobRun


@job
def add(a: int, b: int) -> int:
    return a + b


@job(max_attempts=3, retry_delay=0)
def fails_until(succeed_on: int) -> str:
    """Raises on every attempt before ``succeed_on`` (counted from its runs)."""
    attempts = JobRun.objects.filter(task_path=__name__ + ".fails_until").count()
    if attempts < succeed_on:
        raise RuntimeError(f"attempt {attempts} failed")
    return f"succeeded on attempt {attempts}"


@job(max_attempts=2, retry_delay=0)
def always_fails() -> None:
    raise ValueError("储罐液位数据缺失")


@job(max_attempts=2, retry_delay=600)
def fails_later_retry() -> None:
    raise RuntimeError("try again later")
