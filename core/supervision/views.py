"""The four-colour risk map in the Wagtail admin (government roles)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.base.scope_cache import figure, scope_cached
from core.organizations.admin_views import ScopedAdminPage, government_scope
from core.supervision.forms import MapFilterForm
from plugins.vocabularies import RISK_LEVELS


def map_config(*, enterprise_links: dict[str, str]) -> dict:
    """What the map script needs, handed over with ``json_script``."""
    return {
        "enterprises": reverse("api:map-enterprise-list"),
        "territories": reverse("api:map-territory-list"),
        # An enterprise's risk points, drawn when the map is zoomed in on it.
        "riskPointsOf": reverse("api:map-enterprise-risk-points", args=[0]).replace(
            "/0/", "/{id}/"
        ),
        "riskPointsZoom": 15,
        "tiles": settings.SAFEGRID_MAP_TILE_URL,
        "tileAttribution": settings.SAFEGRID_MAP_TILE_ATTRIBUTION,
        "links": enterprise_links,
        "levels": [
            {"key": term.key, "label": str(term.lazy_label), "colour": term.colour}
            for term in RISK_LEVELS.terms
        ],
        "text": {
            "noLevel": str(gettext_lazy("Not assessed")),
            "points": str(gettext_lazy("Risk points")),
            "open": str(gettext_lazy("Open hazards")),
            "major": str(gettext_lazy("Open major hazards")),
            "overdue": str(gettext_lazy("Overdue hazards")),
            "industry": str(gettext_lazy("Industry")),
            "shown": str(gettext_lazy("Enterprises shown")),
            "unlocated": str(gettext_lazy("without a location")),
            "details": str(gettext_lazy("Details")),
            "riskPoints": str(gettext_lazy("Risk points")),
            "hazards": str(gettext_lazy("Hazards")),
            "sitePlan": str(gettext_lazy("Site plan")),
            "failed": str(gettext_lazy("The map data could not be loaded.")),
            "inAlarm": str(gettext_lazy("monitoring alarms")),
            "unplaced": str(gettext_lazy("not placed on the site plan")),
        },
    }


class RiskMapView(ScopedAdminPage):
    """四色安全风险分布图: the enterprises of the scope on the territories."""

    template_name = "supervision/admin/map.html"
    page_title = gettext_lazy("Four-colour risk map")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MapFilterForm(self.request.GET or None, scope=self.scope)
        context.update(
            form=form,
            map_config=map_config(
                enterprise_links={
                    # "{id}" is replaced by the enterprise's id in the script.
                    "details": reverse("enterprises:inspect", args=[0]).replace(
                        "/0/", "/{id}/"
                    ),
                    "riskPoints": reverse("risk_points:index") + "?enterprise={id}",
                    "hazards": reverse("hazards_admin:index") + "?enterprise={id}",
                }
            ),
        )
        return context


@figure("supervision:statistics")
def _kept_statistics(scope, parts: list[str]) -> bytes:
    """The report's workbook for ``[period, office, day]`` (the day only keys
    it), for the keeping."""
    from core.supervision.statistics import parse_period, statistics_workbook

    period, office, _day = parts
    return statistics_workbook(scope=scope, period=parse_period(period), office=office)


def statistics_export(request):
    """调度统计 as Excel: ``?period=2026-Q3`` or ``?period=2026``, scoped."""
    from django.http import HttpResponseBadRequest

    from core.base.workbook import xlsx_response
    from core.supervision.statistics import parse_period

    scope = government_scope(request)
    try:
        period = parse_period(request.GET.get("period", ""))
    except ValueError as error:
        return HttpResponseBadRequest(
            str(error), content_type="text/plain; charset=utf-8"
        )
    office = scope.department.name if scope.department else request.user.get_username()
    # The period's code (the file's name too) is made from the parsed
    # period, never taken from the raw parameter.
    code = str(period.start.year)
    if not (period.start.month == 1 and period.end.month == 12):
        code += f"-Q{(period.start.month - 1) // 3 + 1}"
    # Kept per office and refreshed ahead like the dashboards: at province
    # scale the report's aggregates read every hazard, risk point and task of
    # the scope.
    content = scope_cached(
        "supervision:statistics",
        scope,
        [code, office, timezone.localdate().isoformat()],
        getattr(settings, "SAFEGRID_DASHBOARD_SECONDS", 0),
    )
    return xlsx_response(content, f"hazard-statistics-{code}.xlsx")
