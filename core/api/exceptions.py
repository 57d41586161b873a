"""The API's exception handler: DRF's, with a translated, uniform 404 and the
service error family (``core.base.errors``) in the API's shape."""

from __future__ import annotations

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.base.errors import Invalid, Refused


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """Answer every 404 with DRF's plain "Not found." in the request's language.

    Django's ``get_object_or_404`` message ("No Enterprise matches the given
    query.") is never translated and names the model; the plain message is the
    same whether the object is missing or merely outside the caller's scope.
    ``Invalid`` (a service's or the input guard's) is a 400 listing every
    problem as ``{"errors": [{"path", "reason", "keyword"}]}``; ``Refused`` a
    403 with its reason.
    """
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, Invalid):
        return Response({"errors": exc.as_list()}, status=status.HTTP_400_BAD_REQUEST)
    elif isinstance(exc, Refused):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)
