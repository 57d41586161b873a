"""The job runs in the Wagtail admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.jobs.models import JobRun
from core.jobs.viewsets import JobRunViewSet

# Registered before any view asks Wagtail for the policy: nobody edits a run.
register_permission_policy(JobRun, ReadOnlyPermissionPolicy(JobRun))


@hooks.register("register_admin_viewset")
def register_job_runs_viewset():
    return JobRunViewSet()
