"""The inspections' portal pages, under /portal/inspections/ (namespace
``inspections``)."""

from django.urls import path

from core.base.urls import record_pages
from core.inspections import portal_views
from core.inspections.portal_wizard import REVIEW, InspectionFillWizard

app_name = "inspections"

fill = InspectionFillWizard.as_view(
    url_name="inspections:fill_step", done_step_name=REVIEW
)

urlpatterns = [
    path("", portal_views.todo, name="todo"),
    path("tasks/<int:pk>/fill/", fill, name="fill"),
    path("tasks/<int:pk>/fill/discard/", portal_views.discard, name="discard"),
    path("tasks/<int:pk>/fill/<str:step>/", fill, name="fill_step"),
    path("points/<int:pk>/scan/", portal_views.scan, name="scan"),
    path("points/<int:pk>/qr/", portal_views.point_qr, name="point_qr"),
    path("points/<int:pk>/qr.png", portal_views.point_qr_png, name="point_qr_png"),
    path("sources/", portal_views.sources, name="sources"),
    *record_pages(
        "sources/",
        "source",
        add=portal_views.source_edit,
        edit=portal_views.source_edit,
    ),
]
