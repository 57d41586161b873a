"""The enterprise ratings in the admin: a scoped, read-only, sortable list,
and each enterprise's page with the figures and its changes of class."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from core.base.admin_views import (
    ScopedInspectView,
    ScopedListViewSet,
    choice_filterset,
    enterprise_column,
)
from core.organizations.scope import scope_for
from core.supervision.models import (
    EnterpriseRating,
    EnterpriseRatingChange,
    RatingClass,
)
from plugins.vocabularies import RISK_LEVELS

RatingFilterSet = choice_filterset(
    EnterpriseRating, "rating_class", RatingClass.choices, _("class")
)


def _reasons(rating: EnterpriseRating) -> str:
    return _components_text(rating.components)


def _components_text(components: dict | None) -> str:
    c = components or {}
    return str(
        _("risk %(risk)s · hazards %(hazards)s · inspections %(inspections)s")
        % {
            "risk": c.get("risk", "—"),
            "hazards": c.get("hazards", "—"),
            "inspections": c.get("inspections", "—"),
        }
    )


RATING_HISTORY = 20


class RatingInspectView(ScopedInspectView):
    """An enterprise's class with the figures behind it and its latest
    changes of class (each with the figures of the day it changed)."""

    def get_page_subtitle(self):
        # The enterprise and its class (the row's own name is "<id>: <class>").
        return (
            f"{self.object.enterprise.name} · {self.object.get_rating_class_display()}"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rating = self.object
        changes = list(
            EnterpriseRatingChange.objects.filter(
                enterprise_id=rating.enterprise_id
            ).order_by("-changed_at", "-pk")[:RATING_HISTORY]
        )
        figures = (rating.components or {}).get("figures", {})
        context.update(
            rating=rating,
            components=_components_text(rating.components),
            figures=figures,
            points=list(
                zip(RISK_LEVELS.terms, figures.get("points", []), strict=False)
            ),
            change_rows=[
                (change, _components_text(change.reasons)) for change in changes
            ],
        )
        return context


class EnterpriseRatingViewSet(ScopedListViewSet):
    """分级分类监管: each enterprise's class A–D, the riskiest first."""

    model = EnterpriseRating
    name = "enterprise_ratings"
    url_prefix = "supervision/ratings"
    icon = "tasks"
    menu_label = _("Enterprise ratings")
    add_to_admin_menu = True
    menu_order = 160
    filterset_class = RatingFilterSet
    form_fields = ["rating_class"]  # never shown: computed, not edited
    inspect_view_class = RatingInspectView
    inspect_template_name = "supervision/admin/rating_inspect.html"
    list_display = [
        enterprise_column(),
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
