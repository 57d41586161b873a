from django.urls import path

from core.portal import views
from core.portal.unit_chooser import unit_autocomplete

app_name = "portal"

urlpatterns = [
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("units/", views.units, name="units"),
    path("units/autocomplete/", unit_autocomplete, name="unit_autocomplete"),
    path("units/add/", views.unit_add, name="unit_add"),
    path("units/<int:parent_pk>/add/", views.unit_add, name="unit_add_child"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("units/<int:pk>/delete/", views.unit_delete, name="unit_delete"),
    path("people/", views.people, name="people"),
    path("people/add/", views.person_add, name="person_add"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", views.person_delete, name="person_delete"),
]
