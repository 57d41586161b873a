"""The supervisors' alarm list in the Wagtail admin: the alarms of the
enterprises in the user's scope (a department: its industries'; an office:
its territory's), newest first, read-only. Rows out of scope are a 404 on
every URL (``ScopedModelViewSet``)."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from core.base.admin_views import ScopedListViewSet, enterprise_column
from core.monitoring.models import Alarm, AlarmKind
from core.monitoring.selectors import alarm_list
from core.organizations.scope import scope_for


class AlarmFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=AlarmKind.choices, label=_("kind"))
    active = django_filters.BooleanFilter(label=_("condition present"))

    class Meta:
        model = Alarm
        fields = ["kind", "active"]


def _sensor(alarm: Alarm) -> str:
    return f"{alarm.sensor.name} · {alarm.sensor.risk_point.name}"


def _acknowledged(alarm: Alarm) -> str:
    user = alarm.acknowledged_by
    return user.get_username() if user is not None else "—"


class AlarmAdminViewSet(ScopedListViewSet):
    model = Alarm
    name = "alarms_admin"
    url_prefix = "alarms"
    icon = "warning"
    menu_label = _("Monitoring alarms")
    add_to_admin_menu = True
    menu_order = 320
    filterset_class = AlarmFilterSet
    form_fields = ["comment"]  # never shown: nobody edits here
    list_display = [
        enterprise_column(),
        Column("sensor", label=_("sensor"), accessor=_sensor),
        "kind",
        "active",
        "peak_value",
        "raised_at",
        Column("acknowledged_by", label=_("acknowledged by"), accessor=_acknowledged),
        "cleared_at",
        "hazard",
    ]

    def get_queryset(self, request) -> QuerySet[Alarm]:
        return alarm_list(scope=scope_for(request.user))
