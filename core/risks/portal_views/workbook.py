"""The risk list as an Excel workbook: template, export and import."""

from __future__ import annotations

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from core.base.workbook import xlsx_response
from core.risks.excel import risk_list_export, risk_list_import, risk_list_template
from core.risks.filters import PortalRiskPointFilters
from core.risks.forms import ImportForm, RiskChoices
from core.risks.portal_views.base import page, risk_page


@require_GET
@risk_page
def excel_template(request, *, scope, enterprise, can_manage):
    return xlsx_response(risk_list_template(), "safegrid-risk-list-template.xlsx")


@require_GET
@risk_page
def excel_export(request, *, scope, enterprise, can_manage):
    filterset = PortalRiskPointFilters(
        request.GET or None, choices=RiskChoices(enterprise), scope=scope
    )
    content = risk_list_export(scope=scope, enterprise=enterprise, **filterset.values())
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return xlsx_response(content, f"safegrid-risk-list-{stamp}.xlsx")


@require_http_methods(["GET", "POST"])
@risk_page(write=True)
def excel_import(request, *, scope, enterprise, can_manage):
    """Upload a filled-in list: all or nothing, every problem at its cell."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            result = risk_list_import(
                user=request.user, enterprise=enterprise, file=form.cleaned_data["file"]
            )
            if result.ok:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d risk point was imported.",
                        "%(count)d risk points were imported.",
                        len(result.points),
                    )
                    % {"count": len(result.points)},
                )
            else:
                status = 400
        else:
            status = 400
    return page(
        request,
        "risks/import.html",
        scope=scope,
        enterprise=enterprise,
        can_manage=can_manage,
        context={"form": form, "result": result},
        status=status,
    )
