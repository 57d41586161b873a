"""The job runs in the Wagtail admin."""

from wagtail import hooks

from core.base.admin_hooks import read_only_in_admin
from core.jobs.models import JobRun
from core.jobs.viewsets import JobRunViewSet

# Nobody edits a run.
read_only_in_admin(JobRun)
hooks.register("register_admin_viewset", JobRunViewSet)
