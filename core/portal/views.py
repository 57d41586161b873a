"""The enterprise portal (stub: filled in by the portal work)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


class PortalLoginView(auth_views.LoginView):
    template_name = "portal/login.html"


class PortalLogoutView(auth_views.LogoutView):
    pass


@login_required
def home(request):
    return HttpResponse("portal")


@login_required
def profile(request):
    return HttpResponse("profile")


@login_required
def units(request):
    return HttpResponse("units")


@login_required
def people(request):
    return HttpResponse("people")
