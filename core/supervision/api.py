"""The map API: ``GET /api/v1/map/enterprises/`` and ``/api/v1/map/territories/``.

Both answer GeoJSON, scoped, in one query each, with an ``ETag``: a repeat
request carrying ``If-None-Match`` gets ``304 Not Modified`` and no body
(the query still runs — it is the body that is spared; the tag is a hash
of the body, so it changes whenever a figure does). Bad filters are a 400
``{"errors": [{"path", "reason"}]}``; a user with no role in any
enterprise or department is refused (403).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import OrderedDict
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.filters import parse_id
from core.base.scope_cache import KEEP_FACTOR, figure, scope_cached
from core.organizations.models import Jurisdiction
from core.organizations.scope import Scope, scope_for
from core.supervision.forms import MapFilterForm
from core.supervision.selectors import (
    MapQuery,
    map_enterprises,
    map_risk_points,
    map_territories,
)


def _scope(request: Request) -> Scope:
    scope = scope_for(request.user)
    if not (scope.is_government or scope.is_enterprise):
        raise PermissionDenied(_("The map is for government and enterprise users."))
    return scope


def geojson_body(data: dict[str, Any]) -> tuple[bytes, str]:
    """Compact JSON and its strong ETag."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return body, f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


def geojson_response(
    request, data: dict[str, Any] | None = None, *, encoded=None, gzipped=False
) -> HttpResponse:
    """Compact JSON with a strong ETag; 304 when the client has it already.
    ``encoded``: the ``geojson_body`` of the data, already made; ``gzipped``:
    its body is that JSON gzip-compressed (``Content-Encoding: gzip``, its
    own tag, ``_gzip_tag``)."""
    body, etag = encoded if encoded is not None else geojson_body(data or {})
    if _has_tag(request, etag):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/geo+json")
        if gzipped:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = _gzip_tag(etag) if gzipped else etag
    # Per user: never in a shared cache; revalidate every time.
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(
        response, ("Cookie", "Authorization", "Accept-Language", "Accept-Encoding")
    )
    return response


def _gzip_tag(etag: str) -> str:
    """The strong tag of the gzip-compressed body of the map tagged ``etag``
    (another representation, so another tag)."""
    return f'{etag[:-1]}-gzip"'


def _has_tag(request, etag: str) -> bool:
    """Whether the request's ``If-None-Match`` names ``etag``, or the tag of
    the same map compressed."""
    sent = request.META.get("HTTP_IF_NONE_MATCH", "")
    return etag in [
        tag.strip().removeprefix("W/").replace('-gzip"', '"') for tag in sent.split(",")
    ]


_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _accepts_gzip(request) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


FILTER_PARAMETERS = [
    OpenApiParameter("industry", int, description="Industry id"),
    OpenApiParameter("territory", int, description="Jurisdiction id (its subtree)"),
    OpenApiParameter(
        "level", str, description="Highest risk level: major, significant, ..."
    ),
    OpenApiParameter("major", bool, description="Only with open major hazards"),
    OpenApiParameter("overdue", bool, description="Only with overdue hazards"),
]


#: The encoded maps this process served last, by ETag (``kept_body``).
_BODIES: OrderedDict[str, bytes] = OrderedDict()
#: The same, gzip-compressed, by the plain body's ETag.
_GZIPPED: OrderedDict[str, bytes] = OrderedDict()
#: How many encoded maps a process keeps in memory (a province's is ~3 MB).
BODIES_IN_MEMORY = 4


def _body_key(etag: str, gzipped: bool = False) -> str:
    key = f"supervision:map-body:{hashlib.sha256(etag.encode()).hexdigest()}"
    return f"{key}:gzip" if gzipped else key


def _map_query(parts: dict[str, Any]) -> MapQuery:
    territory = None
    if parts["territory"] is not None:
        territory = Jurisdiction.objects.get(pk=parts["territory"])
    return MapQuery(
        industry=parts["industry"],
        territory=territory,
        level=parts["level"],
        major=parts["major"],
        overdue=parts["overdue"],
        extra=parts["extra"],
    )


@figure("supervision:map")
def _kept_map(scope: Scope, parts: dict[str, Any]) -> str:
    """The ETag of the encoded map of a scope for the filters of ``parts``
    (the ``day`` only keys it: the map is always as of now). The body is
    kept beside it under its ETag (``kept_body``): the kept figure a
    request reads is the tag alone, not the map. So is the body compressed
    once, here (in the refresh job), for the clients that accept gzip: a
    province's map is ~3 MB of JSON and a tenth of that compressed, and
    compressing it per request would cost more than the request."""
    body, etag = geojson_body(map_enterprises(scope=scope, query=_map_query(parts)))
    gzipped = gzip.compress(body, compresslevel=6, mtime=0)
    seconds = getattr(settings, "SAFEGRID_MAP_SECONDS", 0)
    # Outlives the tag that names it (kept ``KEEP_FACTOR`` times its seconds).
    cache.set_many(
        {_body_key(etag): body, _body_key(etag, gzipped=True): gzipped},
        seconds * (KEEP_FACTOR + 1),
    )
    _remember(etag, body)
    _remember(etag, gzipped, _GZIPPED)
    return etag


def _remember(etag: str, body: bytes, bodies: OrderedDict | None = None) -> None:
    bodies = _BODIES if bodies is None else bodies
    bodies[etag] = body
    bodies.move_to_end(etag)
    while len(bodies) > BODIES_IN_MEMORY:
        bodies.popitem(last=False)


def kept_body(etag: str, gzipped: bool = False) -> bytes | None:
    """The encoded map whose ETag is ``etag`` (``gzipped``: compressed):
    from this process's memory, else from the cache (then remembered); None
    when neither has it. The tag is a hash of the body, so a body is only
    ever served for a scope whose kept tag names it."""
    bodies = _GZIPPED if gzipped else _BODIES
    body = bodies.get(etag)
    if body is None:
        body = cache.get(_body_key(etag, gzipped))
        if body is None:
            return None
        _remember(etag, body, bodies)
    return body


def geojson_schema(summary, description, *, not_found: bool = False, **more):
    """The schema of a GeoJSON answer: an object, or 304 with no body when the
    request's ``If-None-Match`` holds its ETag (and 404 where ``not_found``)."""
    responses: dict[int, Any] = {200: OpenApiTypes.OBJECT, 304: None}
    if not_found:
        responses[404] = None
    return extend_schema(
        summary=summary, description=description, responses=responses, **more
    )


class MapEnterpriseViewSet(viewsets.ViewSet):
    """The four-colour risk map's enterprises (四色风险分布图)."""

    @geojson_schema(
        _("The enterprises in the caller's scope as GeoJSON"),
        _(
            "A FeatureCollection of points: level is the highest risk level; "
            "properties carry risk points by level and open, major and overdue "
            "hazards. One query; ETag and 304 on repeat."
        ),
        parameters=FILTER_PARAMETERS,
    )
    def list(self, request: Request) -> HttpResponse | Response:
        scope = _scope(request)
        form = MapFilterForm(request.query_params, scope=scope)
        if not form.is_valid():
            return Response(
                {
                    "errors": [
                        {"path": f"/{name}", "reason": str(message)}
                        for name, messages in form.errors.items()
                        for message in messages
                    ]
                },
                status=400,
            )
        query = form.query()
        parts = {
            "day": timezone.localdate().isoformat(),
            "industry": query.industry,
            "territory": query.territory.pk if query.territory else None,
            "level": query.level,
            "major": query.major,
            "overdue": query.overdue,
            "extra": dict(sorted(query.extra.items())),
        }
        seconds = (
            getattr(settings, "SAFEGRID_MAP_SECONDS", 0)
            if not scope.is_enterprise
            else 0
        )
        if not seconds:
            return geojson_response(request, map_enterprises(scope=scope, query=query))
        # A scope's map is kept fresh for SAFEGRID_MAP_SECONDS and refreshed
        # ahead (core.base.scope_cache), encoded: 10,000 enterprises' levels
        # and hazards take seconds to aggregate and a quarter of a second to
        # write as JSON. What a request reads is the kept ETag; the body
        # (~3 MB for a province) is read by its tag, from memory once this
        # process has served it: reading and unpickling it on every request
        # made the kept map's time grow with the scope.
        etag = scope_cached("supervision:map", scope, parts, seconds)
        if isinstance(etag, tuple):  # kept whole, before the tag alone was
            return geojson_response(request, encoded=etag)
        gzipped = _accepts_gzip(request)
        if _has_tag(request, etag):
            encoded = (b"", etag)
        else:
            body = kept_body(etag, gzipped) if gzipped else None
            if body is None:
                gzipped = False
                body = kept_body(etag)
            encoded = (body, etag) if body is not None else None
            if encoded is None:  # the body was dropped before its tag
                encoded = geojson_body(map_enterprises(scope=scope, query=query))
        return geojson_response(request, encoded=encoded, gzipped=gzipped)

    @geojson_schema(
        _("An enterprise's risk points on its site plan as GeoJSON"),
        _(
            "For a map zoomed in on an enterprise: its risk points placed on its "
            "site plan laid around its location, with their level and open "
            "monitoring alarms. 404 outside the caller's scope."
        ),
        parameters=[
            OpenApiParameter(
                "id",
                OpenApiTypes.INT,
                OpenApiParameter.PATH,
                description=_("The enterprise's id."),
            )
        ],
        not_found=True,
    )
    @action(detail=True, methods=["get"], url_path="risk-points")
    def risk_points(self, request: Request, pk: str | None = None) -> HttpResponse:
        scope = _scope(request)
        enterprise_id = parse_id(pk)
        data = (
            map_risk_points(scope=scope, enterprise_id=enterprise_id)
            if enterprise_id
            else None
        )
        if data is None:
            raise NotFound
        return geojson_response(request, data)


class MapTerritoryViewSet(viewsets.ViewSet):
    """The territories' boundaries: the map's offline base layer."""

    @geojson_schema(
        _("The territories' boundaries as GeoJSON"),
        _(
            "Streets, towns and grids the caller sees, as polygons. One query; "
            "ETag and 304 on repeat."
        ),
    )
    def list(self, request: Request) -> HttpResponse:
        return geojson_response(request, map_territories(scope=_scope(request)))
