from django.urls import path

from core.portal import views

app_name = "portal"

urlpatterns = [
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("units/", views.units, name="units"),
    path("people/", views.people, name="people"),
]
