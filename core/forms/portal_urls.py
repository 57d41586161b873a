"""The forms pages of the enterprise portal, under /portal/forms/ (namespace
``forms_portal``)."""

from django.urls import path

from core.forms import portal_views
from core.forms.portal_wizard import REVIEW, FormFillWizard

app_name = "forms_portal"

fill = FormFillWizard.as_view(url_name="forms_portal:fill_step", done_step_name=REVIEW)
correct = FormFillWizard.as_view(
    url_name="forms_portal:correct_step", done_step_name=REVIEW
)

urlpatterns = [
    path("", portal_views.form_list, name="list"),
    path("submissions/", portal_views.submissions, name="submissions"),
    path("submissions/<int:pk>/", portal_views.submission_detail, name="submission"),
    path("submissions/<int:submission_pk>/correct/", correct, name="correct"),
    path(
        "submissions/<int:submission_pk>/correct/discard/",
        portal_views.discard_correction,
        name="discard_correction",
    ),
    path(
        "submissions/<int:submission_pk>/correct/<str:step>/",
        correct,
        name="correct_step",
    ),
    path("uploads/<uuid:pk>/", portal_views.upload, name="upload"),
    path("fill/<slug:key>/", portal_views.start, name="start"),
    path("fill/<slug:key>/v<int:number>/", fill, name="fill"),
    path(
        "fill/<slug:key>/v<int:number>/discard/", portal_views.discard, name="discard"
    ),
    path("fill/<slug:key>/v<int:number>/<str:step>/", fill, name="fill_step"),
]
