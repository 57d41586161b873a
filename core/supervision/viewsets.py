"""The enterprise ratings in the admin: a scoped, read-only, sortable list."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from core.base.admin_views import ScopedModelViewSet
from core.organizations.scope import scope_for
from core.supervision.models import EnterpriseRating, RatingClass


class RatingFilterSet(WagtailFilterSet):
    rating_class = django_filters.ChoiceFilter(
        choices=RatingClass.choices, label=_("class")
    )

    class Meta:
        model = EnterpriseRating
        fields = ["rating_class"]


def _enterprise(rating: EnterpriseRating) -> str:
    return rating.enterprise.name


def _reasons(rating: EnterpriseRating) -> str:
    c = rating.components or {}
    return str(
        _("risk %(risk)s · hazards %(hazards)s · inspections %(inspections)s")
        % {
            "risk": c.get("risk", "—"),
            "hazards": c.get("hazards", "—"),
            "inspections": c.get("inspections", "—"),
        }
    )


class EnterpriseRatingViewSet(ScopedModelViewSet):
    """分级分类监管: each enterprise's class A–D, the riskiest first."""

    model = EnterpriseRating
    name = "enterprise_ratings"
    url_prefix = "supervision/ratings"
    icon = "tasks"
    menu_label = _("Enterprise ratings")
    add_to_admin_menu = True
    menu_order = 160
    search_backend_name = None
    list_per_page = 50
    filterset_class = RatingFilterSet
    form_fields = ["rating_class"]  # never shown: computed, not edited
    list_display = [
        Column("enterprise", label=_("enterprise"), accessor=_enterprise),
        "rating_class",
        "score",
        Column("components", label=_("components"), accessor=_reasons),
        "computed_at",
    ]

    def get_queryset(self, request) -> QuerySet[EnterpriseRating]:
        return (
            scope_for(request.user)
            .filter(EnterpriseRating.objects.all())
            .select_related("enterprise")
            .order_by("-score", "enterprise_id")
        )
