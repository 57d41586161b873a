"""The one filter set of the risk-point lists.

The portal's risk list, the admin's risk-point list and
``GET /api/v1/risk-points/`` read their filters through
``RiskPointFilters`` (django-filter): the same names, validation and meaning
(``selectors.risk_point_filter`` for the point's own columns, the
enterprise's industry and jurisdiction through ``enterprise_filter``). Each
place shows the filters that fit it by a subclass that changes how a filter
is entered, never what it selects: the portal its own units and methods and
the search box it always had (``q``), the admin the enterprise chosen by
typing.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from wagtail.admin.filters import WagtailFilterSet

from core.base.filters import IdFilter, SelectorFilterSet
from core.organizations.autocomplete import EnterpriseChooserFilter
from core.organizations.models import Enterprise, Industry, Jurisdiction
from core.organizations.scope import scope_for
from core.organizations.selectors import enterprise_filter
from core.organizations.viewsets import JurisdictionSubtreeFilter
from core.portal.unit_chooser import UnitChooserFilter
from core.risks.models import RiskLevel, RiskPoint
from core.risks.selectors import UNASSESSED, risk_point_filter

LEVEL_CHOICES = [*RiskLevel.choices, (UNASSESSED, _("Not assessed yet"))]


class RiskPointFilters(SelectorFilterSet):
    """Every risk-point filter; the queryset given is already the scope's."""

    enterprise = IdFilter(label=_("enterprise"))
    # Unknown codes and ids are a 400 at the parameter, as on the enterprise
    # list; a model choice is a string to the schema, the id an integer.
    industry = extend_schema_field({"type": "string"})(
        filters.ModelChoiceFilter(
            queryset=Industry.objects.all(),
            to_field_name="code",
            label=_("industry"),
            help_text=_("An industry code, e.g. chemicals."),
        )
    )
    jurisdiction = extend_schema_field({"type": "integer"})(
        filters.ModelChoiceFilter(
            queryset=Jurisdiction.objects.all(),
            label=_("jurisdiction"),
            help_text=_("Includes everything under it."),
        )
    )
    level = filters.ChoiceFilter(choices=LEVEL_CHOICES, label=_("risk level"))
    kind = filters.ChoiceFilter(choices=RiskPoint.Kind.choices, label=_("kind"))
    unit = IdFilter(
        label=_("unit"), help_text=_("A unit id; its whole subtree is included.")
    )
    method = filters.CharFilter(label=_("method"), max_length=100)
    search = filters.CharFilter(label=_("search"), max_length=100)
    id_filters = ("enterprise", "unit")

    class Meta:
        model = RiskPoint
        fields = [
            "enterprise",
            "industry",
            "jurisdiction",
            "level",
            "kind",
            "unit",
            "method",
            "search",
        ]

    def values(self) -> dict[str, Any]:
        """The filters given, valid and cleaned (empty ones left out); an
        industry as its code."""
        found = super().values()
        if "industry" in found:
            found["industry"] = getattr(found["industry"], "code", found["industry"])
        return found

    def filter_queryset(self, queryset: QuerySet[RiskPoint]) -> QuerySet[RiskPoint]:
        return self.narrow(queryset, self.values())

    def narrow(
        self, queryset: QuerySet[RiskPoint], values: dict[str, Any]
    ) -> QuerySet[RiskPoint]:
        values = dict(values)
        industry = values.pop("industry", None)
        jurisdiction = values.pop("jurisdiction", None)
        if industry is not None or jurisdiction is not None:
            queryset = queryset.filter(
                enterprise__in=enterprise_filter(
                    Enterprise.objects.all(),
                    industry=industry,
                    jurisdiction=jurisdiction,
                ).values("pk")
            )
        user = self.request.user if self.request is not None else None
        return risk_point_filter(queryset, scope=scope_for(user), **values)


class PortalRiskPointFilters(RiskPointFilters):
    """An enterprise's risk list: its own units (by typing) and methods to
    choose from;
    the search box is ``q``, as the page's links always had it."""

    enterprise = None
    industry = None
    jurisdiction = None
    search = None
    q = filters.CharFilter(label=_("Search"), max_length=100)
    level = filters.ChoiceFilter(
        choices=LEVEL_CHOICES, label=_("Level"), empty_label="—"
    )
    kind = filters.ChoiceFilter(
        choices=RiskPoint.Kind.choices, label=_("Kind"), empty_label="—"
    )
    # Chosen by typing (core.portal.unit_chooser), never a list of the tree.
    unit = UnitChooserFilter(label=_("Unit"))
    method = filters.ChoiceFilter(label=_("Method"), empty_label="—")

    class Meta:
        model = RiskPoint
        fields = ["q", "level", "unit", "kind", "method"]

    def __init__(self, *args, choices, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].choose_in(scope=scope, enterprise=choices.enterprise)
        self.filters["method"].extra["choices"] = [
            (m.key, str(m.rule.title)) for m in choices.methods
        ]

    def values(self) -> dict[str, Any]:
        found = super().values()
        if "q" in found:
            found["search"] = found.pop("q")
        return found


class AdminRiskPointFilters(WagtailFilterSet, RiskPointFilters):
    """Supervisors' list: the enterprise chosen by typing
    (/admin/enterprises/autocomplete/); the admin's own search box searches."""

    enterprise = EnterpriseChooserFilter(label=_("enterprise"))
    industry = django_filters.ModelChoiceFilter(
        label=_("industry"), queryset=Industry.objects.order_by("code")
    )
    jurisdiction = JurisdictionSubtreeFilter(
        label=_("jurisdiction"),
        queryset=Jurisdiction.objects.order_by("path"),
        help_text=_("Includes everything under it."),
    )
    unit = None  # a unit belongs to one enterprise: the portal's filter
    method = None
    search = None

    class Meta:
        model = RiskPoint
        fields = ["enterprise", "industry", "jurisdiction", "level", "kind"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["enterprise"].in_scope_of(request)
