"""The audit log screen: django-auditlog's record, read-only, for the committee
office and superusers (the roles with ``auditlog.view_logentry``)."""

from __future__ import annotations

import django_filters
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column

from core.audit.actors import ActorChooserFilter
from core.audit.admin_views import (
    ChangesColumn,
    LogEntryIndexView,
    LogEntryInspectView,
    actor_display,
    object_type_display,
)
from core.base.admin_views import ScopedModelViewSet


def _audited_content_types(request):
    return ContentType.objects.filter(
        pk__in=[
            content_type.pk
            for content_type in ContentType.objects.get_for_models(
                *auditlog.get_models()
            ).values()
        ]
    ).order_by("app_label", "model")


class LogEntryFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label=_("action"), choices=LogEntry.Action.choices
    )
    content_type = django_filters.ModelChoiceFilter(
        label=_("object type"), queryset=_audited_content_types
    )
    actor = ActorChooserFilter(label=_("who"))
    timestamp = django_filters.DateFromToRangeFilter(
        label=_("when"), widget=DateRangePickerWidget
    )

    class Meta:
        model = LogEntry
        fields = ["action", "content_type", "actor", "timestamp"]


class LogEntryViewSet(ScopedModelViewSet):
    """Every write to an audited model, newest first, with what changed."""

    model = LogEntry
    name = "audit_log"
    url_prefix = "audit/log"
    icon = "history"
    menu_label = _("Audit log")
    menu_name = "audit-log"
    menu_order = 900
    add_to_admin_menu = True
    index_view_class = LogEntryIndexView
    inspect_view_class = LogEntryInspectView
    inspect_view_enabled = True
    list_display = [
        "object_repr",
        Column("content_type", label=_("object type"), accessor=object_type_display),
        Column("actor", label=_("who"), accessor=actor_display),
        Column("action", label=_("action"), accessor="get_action_display"),
        "timestamp",
        ChangesColumn(),
    ]
    filterset_class = LogEntryFilterSet
    search_fields = ["object_repr"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_fields = [
        "timestamp",
        "actor",
        "remote_addr",
        "action",
        "content_type",
        "object_repr",
        "object_pk",
        "changes",
        "cid",
    ]
    # Never used (the policy allows only "view"), but Wagtail builds the views.
    form_fields = ["object_repr"]

    def get_queryset(self, request):
        return LogEntry.objects.select_related("actor", "content_type").order_by(
            "-timestamp", "-pk"
        )
