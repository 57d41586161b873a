from django.urls import path

from core.campaigns import portal_views

app_name = "campaigns_portal"

urlpatterns = [
    path("", portal_views.campaigns_home, name="home"),
    path("directives/<int:pk>/", portal_views.directive_detail, name="directive"),
]
