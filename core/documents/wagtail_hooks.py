"""The documents' admin screens: the supervisors' handbook list and download."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.base.admin_views import ReadOnlyPermissionPolicy
from core.documents.models import HandbookVersion
from core.documents.viewsets import HandbookAdminViewSet, handbook_admin_download

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
