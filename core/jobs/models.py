"""What the background work leaves behind: each run of a job, and each
claimed period slot of the schedule."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.base.models import choice_field, created_stamp, one_per, optional_moment


class JobRun(models.Model):
    """One attempt of one job, with its outcome: what the administrator reads."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        RETRYING = "retrying", _("Failed, will retry")
        FAILED = "failed", _("Failed")

        @classmethod
        def finished(cls) -> list[str]:
            return [cls.SUCCEEDED, cls.RETRYING, cls.FAILED]

    task_path = models.CharField(_("job"), max_length=200)
    task_result_id = models.CharField(_("task result id"), max_length=64, blank=True)
    backend = models.CharField(_("backend"), max_length=32, blank=True)
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    max_attempts = models.PositiveSmallIntegerField(_("maximum attempts"), default=1)
    status = choice_field(_("status"), Status, default=Status.RUNNING)
    error = models.TextField(_("error"), blank=True)
    traceback = models.TextField(_("traceback"), blank=True)
    started_at = created_stamp(_("started at"))
    finished_at = optional_moment(_("finished at"))

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["-started_at", "-id"], name="jobs_run_recent_idx"),
            models.Index(
                fields=["status", "-started_at", "-id"], name="jobs_run_status_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_path} #{self.attempt}"


class ScheduledRun(models.Model):
    """A schedule entry's period slot, claimed once: the unique row is what
    keeps two schedulers, or a rerun, from enqueuing a slot twice."""

    name = models.CharField(_("scheduled job"), max_length=100)
    slot = models.DateTimeField(_("period start"))
    task_path = models.CharField(_("job"), max_length=200)
    claimed_at = created_stamp(_("enqueued at"))

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [one_per("name", "slot", name="jobs_one_run_per_slot")]

    def __str__(self) -> str:
        return f"{self.name} @ {self.slot:%Y-%m-%d %H:%M}"
