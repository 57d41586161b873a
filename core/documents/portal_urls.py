from django.urls import path

from core.documents import portal_views, section_views

app_name = "documents"

urlpatterns = [
    path("", portal_views.documents_home, name="home"),
    path("handbook/generate/", portal_views.handbook_generate, name="generate"),
    path(
        "handbook/<int:number>/",
        portal_views.handbook_download,
        name="handbook",
    ),
    path(
        "cards/<int:post_id>/<slug:kind>/",
        portal_views.card_download,
        name="card",
    ),
    path("poster/", portal_views.poster_download, name="poster"),
    path("notes/", section_views.handbook_notes, name="notes"),
]
