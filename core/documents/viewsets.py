"""The supervisors' handbook screens in the Wagtail admin (read only).

Government users see the ready handbook versions of the enterprises in their
scope and download them; nobody generates or changes one here (the
enterprise generates its own in the portal). Rows out of scope are a 404 on
every URL (``ScopedModelViewSet``), the download included.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from core.base.admin_views import ScopedListViewSet, enterprise_column
from core.documents.models import HandbookVersion
from core.documents.portal_views import version_response
from core.documents.selectors import handbooks_for_supervisors
from core.organizations.scope import scope_for


class DownloadColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">PDF v{}</a>',
            reverse("documents_admin_download", args=[instance.pk]),
            instance.number,
        )


class HandbookAdminViewSet(ScopedListViewSet):
    model = HandbookVersion
    name = "handbooks_admin"
    url_prefix = "handbooks"
    icon = "doc-full"
    menu_label = _("Risk control handbooks")
    add_to_admin_menu = True
    menu_order = 320
    search_fields = ["enterprise__name"]
    inspect_view_enabled = False
    form_fields = ["note"]  # never shown: nobody edits here
    list_display = [
        enterprise_column(),
        "number",
        "page_count",
        "risk_point_count",
        "finished_at",
        DownloadColumn("download", label=_("download")),
    ]

    def get_queryset(self, request) -> QuerySet[HandbookVersion]:
        return handbooks_for_supervisors(scope=scope_for(request.user))


def handbook_admin_download(request, pk: int):
    """A ready version in the user's scope, as a PDF (404 otherwise)."""
    version = get_object_or_404(
        handbooks_for_supervisors(scope=scope_for(request.user)), pk=pk
    )
    return version_response(version)
