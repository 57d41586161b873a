"""The job runs in the Wagtail admin: recent and failed runs with their
errors, read-only, for the committee office and superusers (``jobs.view_jobrun``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.base.admin_views import (
    ScopedIndexView,
    ScopedModelViewSet,
    choice_filterset,
)
from core.jobs.models import JobRun

JobRunFilterSet = choice_filterset(JobRun, "status", JobRun.Status.choices, _("status"))


class JobRunViewSet(ScopedModelViewSet):
    """Every attempt of every background job, newest first."""

    model = JobRun
    name = "job_runs"
    url_prefix = "jobs/runs"
    icon = "clipboard-list"
    menu_label = _("Background jobs")
    menu_name = "job-runs"
    menu_order = 910
    add_to_admin_menu = True
    index_view_class = ScopedIndexView
    inspect_view_enabled = True
    list_display = [
        "task_path",
        "status",
        "attempt",
        "max_attempts",
        "error",
        "started_at",
        "finished_at",
    ]
    filterset_class = JobRunFilterSet
    search_fields = ["task_path", "error"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_fields = [
        "task_path",
        "status",
        "attempt",
        "max_attempts",
        "arguments",
        "backend",
        "task_result_id",
        "started_at",
        "finished_at",
        "error",
        "traceback",
    ]
    # Never used (the policy allows only "view"), but Wagtail builds the views.
    form_fields = ["task_path"]

    def get_queryset(self, request):
        return JobRun.objects.order_by("-started_at", "-pk")
