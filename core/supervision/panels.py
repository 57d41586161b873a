"""The dashboard on the Wagtail admin's home (government roles)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from core.organizations.scope import scope_for
from core.supervision.dashboards import dashboard_figures


def chart_text() -> dict[str, str]:
    """The charts' labels, translated, for the script."""
    return {
        "riskLevels": str(_("Risk points by level")),
        "trends": str(_("Monthly trends")),
        "reported": str(_("Hazards reported")),
        "closed": str(_("Hazards closed")),
        "inspectionsDone": str(_("Inspections done")),
        "rankEnterprises": str(_("Enterprises with the most open hazards")),
        "rankIndustries": str(_("Open hazards by industry")),
        "rankTerritories": str(_("Open hazards by territory")),
        "open": str(_("Open hazards")),
        "major": str(_("Open major hazards")),
    }


class SupervisionDashboardPanel(Component):
    """Key figures, charts and rankings of the user's scope."""

    name = "supervision_dashboard"
    template_name = "supervision/admin/dashboard_panel.html"
    order = 10

    def __init__(self, request):
        self.request = request

    @property
    def media(self):
        from django.forms import Media

        return Media(
            css={"all": ["supervision/css/dashboard.css"]},
            js=[
                "vendor/echarts-6.1.0/echarts.min.js",
                "supervision/js/dashboard.js",
            ],
        )

    def get_context_data(self, parent_context=None):
        from django.utils import timezone

        scope = scope_for(self.request.user)
        today = timezone.localdate()
        return {
            "figures": dashboard_figures(scope=scope),
            "chart_text": chart_text(),
            "current_quarter": f"{today.year}-Q{(today.month - 1) // 3 + 1}",
        }
