"""Writes of the API layer: issuing tokens."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from rest_framework.authtoken.models import Token
from rest_framework.request import Request


@transaction.atomic
def api_token_obtain(*, request: Request, user: AbstractBaseUser) -> Token:
    """The user's API token, created on first use; counts as a login.

    Sending ``user_logged_in`` is what a session login does too: it updates
    ``last_login`` and lets django-axes log the access and, with
    ``AXES_RESET_ON_SUCCESS``, forget the earlier failures of this user.
    """
    token, _created = Token.objects.get_or_create(user=user)
    user_logged_in.send(sender=user.__class__, request=request, user=user)
    return token
