"""Security headers: the Content-Security-Policy, framing, HSTS, no tracebacks."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client
from django.urls import path

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }


def test_portal_pages_allow_only_the_platforms_own_scripts_and_styles(world):
    client = Client()
    client.force_login(world.manager_a)
    response = client.get("/portal/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    # No inline script or style attribute of our own that the policy would block.
    assert "<script>" not in response.text and ' style="' not in response.text


def test_the_admin_and_the_api_docs_get_their_own_allowances_only(world):
    client = Client()
    client.force_login(world.committee)
    admin = directives(client.get("/admin/"))
    assert admin["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in admin["style-src"]
    docs = directives(Client().get("/api/v1/docs/"))
    assert docs["script-src"] == ["'self'"]


def test_production_settings_send_hsts_with_preload_as_configured(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("DJANGO_HSTS_PRELOAD", "1")
    production = importlib.import_module("safegrid_site.settings.production")
    production = importlib.reload(production)
    assert production.DEBUG is False
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SECURE_HSTS_PRELOAD is True
    assert production.X_FRAME_OPTIONS == "DENY"
    monkeypatch.setenv("DJANGO_HSTS_PRELOAD", "0")
    production = importlib.reload(production)
    assert production.SECURE_HSTS_PRELOAD is False
    assert production.SILENCED_SYSTEM_CHECKS == ["security.W021"]


def _broken(request):
    raise RuntimeError("SECRET-DETAIL in a traceback")


urlpatterns = [path("broken/", _broken)]


@pytest.mark.urls(__name__)
def test_no_traceback_reaches_a_visitor_outside_the_developers_settings():
    from django.conf import settings as active

    assert active.DEBUG is False  # the test settings, as production
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    assert "SECRET-DETAIL" not in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert importlib.import_module("safegrid_site.settings.test").DEBUG is False
