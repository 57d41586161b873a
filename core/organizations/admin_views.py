"""The organizations app's own admin pieces: the enterprise policy and home panel.

The scoped view classes every app's viewsets use live in ``core.base.admin_views``.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy

from core.organizations import selectors
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for


class EnterprisePermissionPolicy(ModelPermissionPolicy):
    """The role's model permissions, narrowed by the user's scope.

    Adding and deleting enterprises is organisational set-up
    (``Scope.can_register_enterprises``); changing one needs
    ``Scope.can_edit_enterprise``; seeing one needs it to be in scope.
    """

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        if action in ("add", "delete"):
            return scope_for(user).can_register_enterprises()
        return True

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        scope = scope_for(user)
        if action == "change":
            return scope.can_edit_enterprise(instance) and scope.can_view_enterprise(
                instance
            )
        return scope.can_view_enterprise(instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Enterprise.objects.none()
        return scope_for(user).enterprises()


class EnterpriseSummaryPanel(Component):
    """Admin home panel: the enterprises in the user's scope, by industry and
    by territory, each count linking to the filtered enterprise list."""

    name = "enterprise_summary"
    template_name = "organizations/admin/enterprise_summary_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        scope = scope_for(self.request.user)
        return {
            "total": scope.enterprises().count(),
            "by_industry": selectors.enterprise_counts_by_industry(scope=scope),
            "by_territory": selectors.enterprise_counts_by_territory(scope=scope),
            "index_url": reverse("enterprises:index"),
        }
