"""Who a write is attributed to, on every path: portal, admin and API.

django-auditlog's middleware takes the actor from ``request.user`` before the
view runs; DRF authenticates a token only inside the view, so API writes
would be logged with no actor. The API's authentication classes below name
the authenticated user as the actor of the request's audit context once
they know it. ``AuditlogMiddleware`` also takes the address from the client
(``core.base.client``), never from a header anyone can send.
"""

from __future__ import annotations

from auditlog.context import auditlog_value
from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from rest_framework import authentication

from core.base.client import client_address


def audit_actor_set(user) -> None:
    """Attribute what the current request writes from now on to ``user``."""
    try:
        context = auditlog_value.get()
    except LookupError:
        return  # not inside a request (a command, a test calling a service)
    if user is not None and user.is_authenticated:
        context["actor"] = user


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """auditlog's middleware with the client's address (trusted proxies only)."""

    @staticmethod
    def _get_remote_addr(request):
        return client_address(request)

    @staticmethod
    def _get_remote_port(request):
        return None


class _Audited:
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            audit_actor_set(result[0])
        return result


class TokenAuthentication(_Audited, authentication.TokenAuthentication):
    """DRF's token authentication, naming the user as the audit actor."""


class SessionAuthentication(_Audited, authentication.SessionAuthentication):
    """DRF's session authentication, naming the user as the audit actor."""


def _register_schema_extension() -> None:
    """Document the session scheme as drf-spectacular does DRF's own (it matches
    token authentication's subclasses already, not the session's)."""
    from drf_spectacular.authentication import SessionScheme

    class AuditedSessionScheme(SessionScheme):
        target_class = "core.audit.actor.SessionAuthentication"

    return AuditedSessionScheme


_register_schema_extension()
