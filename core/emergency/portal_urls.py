from django.urls import path

from core.emergency import portal_views

app_name = "emergency"

urlpatterns = [
    path("", portal_views.emergency_home, name="home"),
    path("sign/", portal_views.emergency_sign, name="sign"),
    path("drills/new/", portal_views.drill_new, name="drill_new"),
]
