"""The risk pages of the enterprise portal, under /portal/risks/ (namespace ``risks``)."""

from django.urls import path

from core.risks import portal_views as views
from core.risks.portal_wizard import RiskPointWizard

app_name = "risks"

wizard = RiskPointWizard.as_view(url_name="risks:wizard_step", done_step_name="done")

urlpatterns = [
    path("", views.overview, name="overview"),
    path("list/", views.risk_list, name="list"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", wizard, name="edit"),
    path("<int:pk>/edit/<str:step>/", wizard, name="edit_step"),
    path("<int:pk>/events/<int:event_pk>/assess/", views.reassess, name="reassess"),
    path("plan/", views.site_plan, name="site_plan"),
    path("plan/upload/", views.site_plan_upload, name="site_plan_upload"),
    path("plan/place/", views.site_plan_place, name="site_plan_place"),
    path("plan/image/", views.site_plan_image, name="site_plan_image"),
    path("library/", views.library, name="library"),
    path("library/use/", views.library_use, name="library_use"),
    path("excel/template/", views.excel_template, name="excel_template"),
    path("excel/export/", views.excel_export, name="excel_export"),
    path("excel/import/", views.excel_import, name="excel_import"),
    path("drafts/", views.drafts, name="drafts"),
    path("drafts/<uuid:draft_id>/discard/", views.draft_discard, name="draft_discard"),
    path("drafts/<uuid:draft_id>/", wizard, name="wizard"),
    path("drafts/<uuid:draft_id>/<str:step>/", wizard, name="wizard_step"),
]
