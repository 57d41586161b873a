from django.urls import path

from core.hazards import portal_views

app_name = "hazards"

urlpatterns = [
    path("", portal_views.hazard_board, name="list"),
    path("report/", portal_views.hazard_report_view, name="report"),
    path("export.xlsx", portal_views.hazard_export, name="export"),
    path("<int:pk>/", portal_views.hazard_detail, name="detail"),
    path("<int:pk>/step/", portal_views.hazard_step, name="step"),
]
