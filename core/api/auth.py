"""Obtaining an API token with a username and password, guarded by django-axes.

DRF's ``obtain_auth_token`` cannot tell a locked-out user from a wrong password
(both are "unable to log in"), and a successful token login would not reset
axes' failure count. This view does both. The DRF ``Request`` (not Django's
``HttpRequest``) goes to ``authenticate``: axes reads the JSON body from
``request.data`` and marks the lock-out on that object, so ``AxesMiddleware``
does not swap our JSON answer for the portal's HTML lock-out page.
"""

from __future__ import annotations

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, generics, parsers, renderers, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.services import api_token_obtain
from core.base.input_guard import CheckedJSONParser


class LoginLockedOut(exceptions.APIException):
    """Refused because of too many failed logins; ``wait`` becomes Retry-After."""

    default_code = "locked_out"

    def __init__(self, request: Request) -> None:
        self.status_code = settings.AXES_HTTP_RESPONSE_CODE
        cool_off = get_cool_off(request)
        if cool_off is None:
            detail = _(
                "Too many failed login attempts: this account is locked. "
                "Ask an administrator to unlock it."
            )
        else:
            # Axes restarts the cool-off at every attempt during a lock-out.
            self.wait = int(cool_off.total_seconds())
            minutes = max(1, round(self.wait / 60))
            detail = ngettext(
                "Too many failed login attempts: this account is locked. "
                "Try again in %(minutes)d minute or ask an administrator to "
                "unlock it.",
                "Too many failed login attempts: this account is locked. "
                "Try again in %(minutes)d minutes or ask an administrator to "
                "unlock it.",
                minutes,
            ) % {"minutes": minutes}
        super().__init__(detail)


class TokenObtainSerializer(serializers.Serializer):
    username = serializers.CharField(label=_("username"), write_only=True)
    password = serializers.CharField(
        label=_("password"),
        style={"input_type": "password"},
        trim_whitespace=False,
        write_only=True,
    )

    def validate(self, attrs: dict) -> dict:
        request = self.context["request"]
        user = authenticate(
            request=request, username=attrs["username"], password=attrs["password"]
        )
        if user is None:
            if getattr(request, "axes_locked_out", False):
                raise LoginLockedOut(request)
            # DRF's own message, so its catalogues translate it.
            raise serializers.ValidationError(
                _("Unable to log in with provided credentials."), code="authorization"
            )
        attrs["user"] = user
        return attrs


_token = inline_serializer("Token", fields={"token": serializers.CharField()})
_credential_errors = inline_serializer(
    "TokenObtainError",
    fields={
        name: serializers.ListField(child=serializers.CharField(), required=False)
        for name in ("username", "password", "non_field_errors")
    },
)
_locked_out = inline_serializer("LockedOut", fields={"detail": serializers.CharField()})


class ObtainTokenView(generics.GenericAPIView):
    """Exchange a username and password for the user's API token."""

    serializer_class = TokenObtainSerializer
    # No session: a stale session cookie must not demand a CSRF token here, and
    # nobody needs to be logged in to log in.
    authentication_classes = []
    permission_classes = []
    parser_classes = [CheckedJSONParser, parsers.FormParser, parsers.MultiPartParser]
    renderer_classes = [renderers.JSONRenderer]

    @extend_schema(
        summary=_("Obtain an API token"),
        description=_(
            "Send it afterwards as `Authorization: Token <token>`. The same token "
            "is returned until it is revoked. Five failed attempts lock the "
            "username from this address for the cool-off time."
        ),
        responses={
            200: _token,
            400: OpenApiResponse(
                response=_credential_errors,
                description=_("Wrong username or password, or a missing field."),
            ),
            429: OpenApiResponse(
                response=_locked_out,
                description=_("Locked out after too many failed attempts."),
            ),
        },
        auth=[],
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = api_token_obtain(
            request=request, user=serializer.validated_data["user"]
        )
        return Response({"token": token.key})
