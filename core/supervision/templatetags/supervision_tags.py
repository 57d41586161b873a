"""``{% enterprise_dashboard %}``: the enterprise's own dashboard, for the
portal's home (its figures, trends and risk levels; no rankings)."""

from django import template

from core.organizations.scope import scope_for
from core.supervision.dashboards import dashboard_figures
from core.supervision.panels import chart_text

register = template.Library()


@register.inclusion_tag("supervision/portal/dashboard.html", takes_context=True)
def enterprise_dashboard(context):
    request = context["request"]
    scope = scope_for(request.user)
    if not scope.is_enterprise or not scope.enterprise_id:
        return {"figures": None}
    return {
        "figures": dashboard_figures(scope=scope, enterprise=scope.enterprise_id),
        "chart_text": chart_text(),
    }
