"""The organizations app's own admin pieces: the enterprise policy, the home
panel, and the base of the admin pages other apps build on the user's scope.

The scoped view classes every app's viewsets use live in ``core.base.admin_views``
(the base layer, which imports no app: a page that needs ``scope_for`` is here).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from core.organizations import selectors
from core.organizations.models import Enterprise
from core.organizations.scope import Scope, scope_for


def government_scope(request) -> Scope:
    """The scope of a government user; anyone else is refused (403). For an
    admin view function; a page class says it with ``ScopedAdminPage``."""
    scope = scope_for(request.user)
    if not scope.is_government:
        raise PermissionDenied
    return scope


class ScopedAdminPage(WagtailAdminTemplateMixin, TemplateView):
    """An admin page of the user's scope (``self.scope``). In this order: a
    user the page does not ``permit`` is refused (403), then ``load`` finds
    what the page shows in the scope (404 when it is not there)."""

    def permitted(self, scope: Scope) -> bool:
        """Who may open the page: government users, unless it says otherwise."""
        return scope.is_government

    def load(self, scope: Scope, **kwargs) -> None:
        """Find what the page shows (``kwargs``: the URL's) in ``scope``."""

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_for(request.user)
        if not self.permitted(self.scope):
            raise PermissionDenied
        self.load(self.scope, **kwargs)
        return super().dispatch(request, *args, **kwargs)


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
