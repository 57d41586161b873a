"""Fixtures of the API tests: clients that authenticate with a real token."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def client_for():
    """``client_for(user)``: an APIClient sending ``user``'s token (anonymous
    for None), so every request goes through TokenAuthentication for real."""

    def make(user) -> APIClient:
        client = APIClient()
        if user is not None:
            token, _created = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make
