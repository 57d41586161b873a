"""A malformed schedule stops start-up with a clear message."""

from __future__ import annotations

from django.core.checks import Error, register


@register("safegrid")
def check_schedule(app_configs=None, **kwargs) -> list[Error]:
    from core.jobs.schedule import load_schedule

    return [
        Error(
            f"{problem} (from {entry.source})",
            hint="Fix SAFEGRID_SCHEDULE or the plugin's safegrid_scheduled_jobs.",
            id="safegrid.E023",
        )
        for entry in load_schedule()
        for problem in entry.problems()
    ]
