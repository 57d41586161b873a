"""The OpenAPI schema and the Swagger UI page, served without any CDN."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v1/schema/"
DOCS_URL = "/api/v1/docs/"


def test_schema_is_openapi_with_our_paths(api_client):
    response = api_client.get(SCHEMA_URL, {"format": "json"})

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    # Every path is under /api/v1/ (not Wagtail's internal admin API), and the
    # issue's endpoints are all there.
    assert all(path.startswith("/api/v1/") for path in paths)
    assert {
        "/api/v1/auth/token/",
        "/api/v1/enterprises/",
        "/api/v1/enterprises/{id}/",
        "/api/v1/scoring-rules/",
        "/api/v1/scoring-rules/{key}/evaluate/",
        "/api/v1/risk-points/",
        "/api/v1/forms/",
        "/api/v1/forms/{key}/submissions/",
    } <= set(paths)
    assert "post" in paths["/api/v1/auth/token/"]
    list_operation = paths["/api/v1/enterprises/"]["get"]
    parameters = {p["name"]: p for p in list_operation["parameters"]}
    assert parameters["industry"]["schema"]["type"] == "string"
    assert parameters["jurisdiction"]["schema"]["type"] == "integer"
    assert "page" in parameters
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_schema_is_yaml_by_default(api_client):
    response = api_client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


def test_schema_validates_without_warnings(tmp_path):
    """The same check as `manage.py spectacular --validate --fail-on-warn`."""
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert target.read_text().startswith("openapi: 3.")


class _AssetCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.urls.append(value)


def test_docs_page_loads_nothing_from_outside(api_client):
    response = api_client.get(DOCS_URL)

    assert response.status_code == 200
    html = response.content.decode()
    # No absolute URL at all, so no asset can come from another host.
    assert re.findall(r"https?://[^\s\"'<>]*", html) == []
    assert "//cdn" not in html and "unpkg" not in html and "jsdelivr" not in html

    collector = _AssetCollector()
    collector.feed(html)
    assets = collector.urls
    assert any(url.endswith("swagger-ui-bundle.js") for url in assets)
    assert any(url.endswith("swagger-ui.css") for url in assets)
    for url in assets:
        if url.startswith(DOCS_URL + "?script"):
            continue  # the start-up script, a file so no inline script runs
        assert url.startswith(settings.STATIC_URL), url
        path = url.removeprefix(settings.STATIC_URL).split("?")[0]
        assert finders.find(path), f"{url} is not a static file of the site"


def test_docs_page_points_at_the_local_schema(api_client):
    html = api_client.get(DOCS_URL).content.decode()
    assert "<script>" not in html  # nothing inline: the CSP allows none
    script = api_client.get(DOCS_URL + "?script=").content.decode()
    assert SCHEMA_URL in script
