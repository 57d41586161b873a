from django.urls import path

from core.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_index, name="index"),
    path("mine/", views.my_notices, name="mine"),
    path("mine/risk/generate/", views.risk_generate, name="risk_generate"),
    path("mine/risk/edit/", views.risk_edit, name="risk_edit"),
    path("mine/risk/submit/", views.risk_submit, name="risk_submit"),
    path("mine/risk/withdraw/", views.risk_withdraw, name="risk_withdraw"),
    path("<int:enterprise_id>/", views.enterprise_notice_page, name="enterprise"),
]
