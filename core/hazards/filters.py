"""The one filter set of the hazard lists.

The portal's board, the admin's list and ``GET /api/v1/hazards/`` read their
filters through ``HazardFilters`` (django-filter): the same names, the same
validation and the same meaning (``selectors.hazard_filter``). Each place
shows the filters that fit it — the portal its own units (chosen by typing) and an "overdue
only" tick, the admin an enterprise chosen by typing, the API ids — by a
subclass that changes how a filter is entered, never what it selects.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from wagtail.admin.filters import WagtailFilterSet

from core.base.filters import IdFilter, SelectorFilterSet
from core.hazards.models import Hazard, HazardGrade, HazardStatus, HazardType
from core.hazards.selectors import hazard_filter
from core.organizations.autocomplete import EnterpriseChooserFilter
from core.portal.unit_chooser import UnitChooserFilter

FIELDS = [
    "enterprise",
    "status",
    "grade",
    "overdue",
    "supervised",
    "hazard_type",
    "unit",
]


class HazardFilters(SelectorFilterSet):
    """Every hazard filter; the queryset given is already the caller's scope.
    Booleans read ``true``/``false`` (and ``1``/``0``), as the API documents."""

    enterprise = IdFilter(label=_("enterprise"))
    status = filters.ChoiceFilter(
        choices=HazardStatus.choices, label=_("Status"), empty_label=_("All")
    )
    grade = filters.ChoiceFilter(
        choices=HazardGrade.choices, label=_("Grade"), empty_label=_("All")
    )
    overdue = filters.BooleanFilter(label=_("overdue"))
    supervised = filters.BooleanFilter(label=_("under supervision"))
    hazard_type = filters.ChoiceFilter(
        choices=HazardType.choices, label=_("Hazard type"), empty_label=_("All")
    )
    unit = IdFilter(label=_("unit (and the units below it)"))

    id_filters = ("enterprise", "unit")

    class Meta:
        model = Hazard
        fields = FIELDS

    def filter_queryset(self, queryset: QuerySet[Hazard]) -> QuerySet[Hazard]:
        return hazard_filter(queryset, **self.values())


class OnlyWhenTicked(django_filters.BooleanFilter):
    """A tick box: ticked narrows to the matching rows, unticked filters
    nothing (a plain boolean filter would select the others)."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxInput)
        super().__init__(*args, **kwargs)


class PortalHazardFilters(HazardFilters):
    """The enterprise's board: its own units (by typing), "overdue only";
    the board is the enterprise's own, so no enterprise or supervision filter."""

    enterprise = None
    supervised = None
    # Chosen by typing (core.portal.unit_chooser), never a list of the tree.
    unit = UnitChooserFilter(label=_("Unit"))
    overdue = OnlyWhenTicked(label=_("Overdue only"))

    class Meta:
        model = Hazard
        fields = ["status", "grade", "hazard_type", "unit", "overdue"]

    def __init__(self, *args, scope, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].choose_in(scope=scope, enterprise=enterprise)

    def values(self) -> dict[str, Any]:
        found = super().values()
        if not found.get("overdue"):
            found.pop("overdue", None)
        return found


class AdminHazardFilters(WagtailFilterSet, HazardFilters):
    """The admin list: the enterprise chosen by typing
    (/admin/enterprises/autocomplete/), never a list of the scope's."""

    enterprise = EnterpriseChooserFilter(label=_("enterprise"))
    unit = None  # a unit belongs to one enterprise: the portal's filter

    class Meta:
        model = Hazard
        fields = ["enterprise", "status", "grade", "supervised"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["enterprise"].in_scope_of(request)
