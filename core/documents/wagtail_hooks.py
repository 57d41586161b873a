"""The documents' admin screens: the supervisors' handbook list and download."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.documents.models import HandbookVersion
from core.documents.viewsets import HandbookAdminViewSet, handbook_admin_download
from core.organizations.menu import ScopeMenuItem
from core.organizations.models import Role

# Supervisors read handbooks; the enterprise generates its own in the portal.
register_permission_policy(HandbookVersion, ReadOnlyPermissionPolicy(HandbookVersion))


@hooks.register("register_admin_viewset")
def register_handbook_viewset():
    return HandbookAdminViewSet()


@hooks.register("register_admin_urls")
def register_handbook_download_url():
    return [
        path(
            "handbooks/<int:pk>/download/",
            handbook_admin_download,
            name="documents_admin_download",
        )
    ]


# -- industry and territory handbooks (government users) ----------------------


@hooks.register("register_admin_urls")
def register_scope_handbook_urls():
    from core.documents.scope_views import (
        ScopeHandbookView,
        scope_handbook_download,
        scope_handbook_request_view,
    )

    return [
        path(
            "scope-handbooks/",
            ScopeHandbookView.as_view(),
            name="documents_scope_handbooks",
        ),
        path(
            "scope-handbooks/request/",
            scope_handbook_request_view,
            name="documents_scope_handbook_request",
        ),
        path(
            "scope-handbooks/<int:pk>/download/",
            scope_handbook_download,
            name="documents_scope_handbook_download",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_scope_handbook_menu_item():
    return ScopeMenuItem(
        _("Industry and territory handbooks"),
        reverse("documents_scope_handbooks"),
        icon_name="doc-full",
        order=321,
    )


# -- the handbook's sections, set by an industry's department -----------------


@hooks.register("register_admin_urls")
def register_section_urls():
    from core.documents.section_views import SectionIndexView, SectionSettingsView

    return [
        path(
            "handbook-sections/",
            SectionIndexView.as_view(),
            name="documents_section_index",
        ),
        path(
            "handbook-sections/<int:industry_id>/",
            SectionSettingsView.as_view(),
            name="documents_section_settings",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_section_menu_item():
    return ScopeMenuItem(
        _("Handbook sections"),
        reverse("documents_section_index"),
        icon_name="list-ul",
        order=322,
        shown=lambda scope: scope.role == Role.INDUSTRY_DEPARTMENT,
    )
