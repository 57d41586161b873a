from django.urls import path

from core.base.urls import record_pages
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
    path("units/<int:parent_pk>/add/", views.unit_add, name="unit_add_child"),
    *record_pages(
        "units/",
        "unit",
        add=views.unit_add,
        edit=views.unit_edit,
        delete=views.unit_delete,
    ),
    path("people/", views.people, name="people"),
    *record_pages(
        "people/",
        "person",
        add=views.person_add,
        edit=views.person_edit,
        delete=views.person_delete,
    ),
]
