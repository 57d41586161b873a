"""The dummy pack's scheduled job (its runs are read from ``JobRun``)."""

from core.jobs import job


@job
def dummy_heartbeat(note: str = "") -> str:
    return f"alive {note}".strip()
