"""The client's address, trusting a proxy's header only from a trusted proxy.

Behind a reverse proxy every request comes from the proxy's address; the
client's is in ``X-Forwarded-For``, which anyone can also send. So the header
is read only when the connecting address is one of ``SAFEGRID_TRUSTED_PROXIES``
(addresses or networks), and then from the right: the first address that is
not a trusted proxy is the client (the left part is the client's own claim).
Login throttling (django-axes, ``AXES_CLIENT_IP_CALLABLE``) and the audit log
both use this, so behind a proxy a lock-out falls on the attacker's address,
not on everyone's.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in proxies)


def _trusted(address: str) -> bool:
    proxies = tuple(getattr(settings, "SAFEGRID_TRUSTED_PROXIES", ()) or ())
    if not proxies:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(proxies))


def _clean(address: str) -> str | None:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [v6]:port
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:  # v4:port
        address = address.split(":")[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address the request came from (see the module's docstring)."""
    remote = request.META.get("REMOTE_ADDR") or ""
    if not _trusted(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = _clean(hop)
        if address is None:
            break  # a malformed hop: trust nothing further left
        if not _trusted(address):
            return address
    return remote
