"""The client's address behind a proxy, and a lock-out that falls on the attacker."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from core.base.client import client_address
from tests.factories import PASSWORD

PROXY = "10.0.0.2"


def request(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.SAFEGRID_TRUSTED_PROXIES = []
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_from_a_trusted_proxy_the_nearest_untrusted_hop_is_the_client(settings):
    settings.SAFEGRID_TRUSTED_PROXIES = [PROXY, "192.168.0.0/16"]
    # The client claims an address (left), its proxy 192.168.1.1 adds the real one.
    forwarded = "1.2.3.4, 198.51.100.7, 192.168.1.1"
    assert client_address(request(PROXY, forwarded)) == "198.51.100.7"
    assert client_address(request(PROXY)) == PROXY
    assert client_address(request(PROXY, "garbage, 198.51.100.7")) == "198.51.100.7"
    assert client_address(request(PROXY, "198.51.100.7, garbage")) == PROXY
    # Not from the proxy: the header is anyone's word.
    assert client_address(request("198.51.100.8", "1.2.3.4")) == "198.51.100.8"
    assert client_address(request(PROXY, "[2001:db8::1]:443")) == "2001:db8::1"


def obtain(client, username, password, address):
    return client.post(
        "/api/v1/auth/token/",
        {"username": username, "password": password},
        format="json",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
def test_behind_the_proxy_an_attacker_locks_out_only_their_own_address(settings, world):
    settings.SAFEGRID_TRUSTED_PROXIES = [PROXY]
    client = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        obtain(client, "manager-a", "wrong-password", "198.51.100.66")
    locked = obtain(client, "manager-a", PASSWORD, "198.51.100.66")
    assert locked.status_code == 429
    # The manager, from their own address behind the same proxy, still signs in.
    assert obtain(client, "manager-a", PASSWORD, "203.0.113.5").status_code == 200
