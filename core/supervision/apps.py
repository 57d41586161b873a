from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "core.supervision"
    label = "supervision"
    verbose_name = _("Supervision")

    def ready(self) -> None:
        from core.organizations.models import Role
        from core.organizations.permissions import grant

        # The committee office sets the rating's weights (a Wagtail setting).
        grant(Role.COMMITTEE, "supervision.change_ratingweights")
        for role in (Role.COMMITTEE, Role.INDUSTRY_DEPARTMENT, Role.TERRITORIAL_OFFICE):
            grant(role, "supervision.view_enterpriserating")

        # The enterprise list shows each enterprise's class, read from the
        # joined rating row, sortable by class.
        from core.base.admin_columns import PlainColumn
        from core.organizations.columns import register_enterprise_column

        register_enterprise_column(
            PlainColumn(
                "rating",
                label=_("rating class"),
                accessor=_rating_class,
                sort_key="rating__rating_class",
            ),
            select_related=("rating",),
        )


def _rating_class(enterprise) -> str:
    # The row joined by the list (select_related): no query; an enterprise
    # not rated yet has none.
    rating = getattr(enterprise, "rating", None)
    return rating.rating_class if rating is not None else "—"
