"""The organizations screens and the home-page summary in the Wagtail admin."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_hooks import read_only_in_admin
from core.base.scope_cache import scope_key
from core.organizations.admin_views import (
    EnterprisePermissionPolicy,
    EnterpriseSummaryPanel,
)
from core.organizations.autocomplete import enterprise_autocomplete
from core.organizations.models import Enterprise, Industry
from core.organizations.scope import scope_for
from core.organizations.viewsets import OrganizationsViewSetGroup

# Registered at import, before any view asks Wagtail for these models' policy
# (Wagtail would otherwise create its default, model-permission-only one).
register_permission_policy(Enterprise, EnterprisePermissionPolicy(Enterprise))
# Industries are synced from the enabled packs, never edited by hand.
read_only_in_admin(Industry)
hooks.register("register_admin_viewset", OrganizationsViewSetGroup)


@hooks.register("sidebar_key_parts")
def scope_in_sidebar_key(request):
    # The role's own menu items follow the scope (core.base.sidebar).
    return scope_key(scope_for(request.user))


@hooks.register("construct_homepage_panels")
def add_enterprise_summary_panel(request, panels):
    if scope_for(request.user).is_government:
        panels.append(EnterpriseSummaryPanel(request))


@hooks.register("register_admin_urls")
def register_enterprise_autocomplete():
    # The enterprises of the user's scope matching what is typed, for the
    # lists' enterprise filters (core.organizations.autocomplete).
    return [
        path(
            "enterprises/autocomplete/",
            enterprise_autocomplete,
            name="safegrid_enterprise_autocomplete",
        )
    ]
