from django.urls import path

from core.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_index, name="index"),
    path("mine/", views.my_notices, name="mine"),
    path("<int:enterprise_id>/", views.enterprise_notice_page, name="enterprise"),
]
