"""The supervisors' hazard screens in the Wagtail admin.

The list shows the hazards of the enterprises in the user's scope, those
under supervision and the major ones first, overdue ones marked; the
inspect view is read-only with the history, and offers the steps that are
the government's own (place under supervision, accept or refuse a
supervised hazard), as the one state machine decides. Rows out of scope are
a 404 on every URL (``ScopedModelViewSet``).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.base.admin_columns import PlainBooleanColumn, PlainColumn
from core.base.admin_views import (
    KeysFirstPaginator,
    ScopedIndexView,
    ScopedInspectView,
    ScopedListViewSet,
    admin_step,
    enterprise_column,
    inspect_title,
)
from core.hazards.filters import AdminHazardFilters
from core.hazards.machine import available_steps
from core.hazards.models import Hazard
from core.hazards.selectors import hazard_list_for_supervisors
from core.hazards.services import hazard_transition
from core.organizations.scope import scope_for


class HazardInspectView(ScopedInspectView):
    """A hazard read-only, with its history and the government's own steps."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hazard = self.object
        context.update(
            hazard=hazard,
            transitions=hazard.transitions.select_related("actor").prefetch_related(
                "evidence"
            ),
            steps=available_steps(scope_for(self.request.user), hazard),
        )
        return context


class HazardIndexView(ScopedIndexView):
    """The stored order's index serves the page's keys (docs/hazards.md);
    the headers sort only by the report time (``hazard_recent``)."""

    paginator_class = KeysFirstPaginator
    indexed_orderings = {"reported_at": ("reported_at", "pk")}


def _overdue(hazard: Hazard) -> str:
    return str(_("Overdue")) if hazard.is_overdue else ""


class HazardAdminViewSet(ScopedListViewSet):
    model = Hazard
    name = "hazards_admin"
    url_prefix = "hazards"
    icon = "warning"
    menu_label = _("Hazards")
    add_to_admin_menu = True
    menu_order = 310
    search_fields = ["description", "location"]
    index_view_class = HazardIndexView
    inspect_view_class = HazardInspectView
    inspect_template_name = "hazards/admin/inspect.html"
    filterset_class = AdminHazardFilters
    form_fields = ["description"]  # never shown: nobody edits here
    list_display = [
        inspect_title("description", _("hazard"), viewset="hazards_admin"),
        enterprise_column(),
        "grade",
        "status",
        PlainBooleanColumn("supervised", label=_("under supervision")),
        "deadline",
        PlainColumn("overdue", label=_("overdue"), accessor=_overdue),
        "reported_at",
    ]

    def get_queryset(self, request) -> QuerySet[Hazard]:
        return hazard_list_for_supervisors(scope=scope_for(request.user))


@require_POST
def hazard_admin_step(request, pk: int):
    """A government step on a hazard (supervise, accept, refuse)."""
    hazard = get_object_or_404(
        hazard_list_for_supervisors(scope=scope_for(request.user)), pk=pk
    )
    return admin_step(
        request,
        lambda: hazard_transition(
            actor=request.user,
            hazard=hazard,
            action=request.POST.get("action", ""),
            comment=request.POST.get("comment", ""),
        ),
        to="hazards_admin:inspect",
        pk=hazard.pk,
    )
