"""What happens when a workflow is approved.

Wagtail's default publishes the latest revision as the approving user and
checks that user's page permissions. The reviewers of an enterprise's risk
notice are its industry departments, chosen by the scope inside
``IndustryReviewTask`` (no Wagtail page permission is given to them: they
never edit the enterprise's text), so for those pages the task's own check
stands and the page permission check is skipped. Any other page keeps
Wagtail's behaviour.
"""

from __future__ import annotations

from wagtail.workflows import publish_workflow_state as wagtail_publish


def publish_workflow_state(workflow_state, user=None):
    from core.notices.models import EnterpriseRiskNoticePage

    page = workflow_state.content_object
    if isinstance(getattr(page, "specific", page), EnterpriseRiskNoticePage):
        page.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    wagtail_publish(workflow_state, user=user)
