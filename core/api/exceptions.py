"""The API's exception handler: DRF's, with a translated, uniform 404."""

from __future__ import annotations

from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """Answer every 404 with DRF's plain "Not found." in the request's language.

    Django's ``get_object_or_404`` message ("No Enterprise matches the given
    query.") is never translated and names the model; the plain message is the
    same whether the object is missing or merely outside the caller's scope.
    """
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
