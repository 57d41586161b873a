"""The documents' admin screens: the supervisors' handbook list and download."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.base.admin_hooks import read_only_in_admin
from core.base.urls import paths_under
from core.documents.models import HandbookVersion
from core.documents.viewsets import HandbookAdminViewSet, handbook_admin_download
from core.organizations.menu_hooks import register_scope_menu_item
from core.organizations.models import Role

# Supervisors read handbooks; the enterprise generates its own in the portal.
read_only_in_admin(HandbookVersion)
hooks.register("register_admin_viewset", HandbookAdminViewSet)


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

    return paths_under(
        "scope-handbooks/",
        "documents_",
        [
            ("", ScopeHandbookView.as_view(), "scope_handbooks"),
            ("request/", scope_handbook_request_view, "scope_handbook_request"),
            ("<int:pk>/download/", scope_handbook_download, "scope_handbook_download"),
        ],
    )


register_scope_menu_item(
    _("Industry and territory handbooks"),
    "documents_scope_handbooks",
    icon_name="doc-full",
    order=321,
)


# -- the handbook's sections, set by an industry's department -----------------


@hooks.register("register_admin_urls")
def register_section_urls():
    from core.documents.section_views import SectionIndexView, SectionSettingsView

    return paths_under(
        "handbook-sections/",
        "documents_",
        [
            ("", SectionIndexView.as_view(), "section_index"),
            ("<int:industry_id>/", SectionSettingsView.as_view(), "section_settings"),
        ],
    )


register_scope_menu_item(
    _("Handbook sections"),
    "documents_section_index",
    icon_name="list-ul",
    order=322,
    shown=lambda scope: scope.role == Role.INDUSTRY_DEPARTMENT,
)
