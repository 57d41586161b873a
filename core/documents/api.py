"""The documents API: an enterprise's handbook, current and by version.

``GET /api/v1/enterprises/{id}/handbook/`` returns the current handbook PDF
(the newest ready version), ``GET .../handbook/versions/`` lists every
version with its status and changes, ``GET .../handbook/versions/{number}/``
returns that version's PDF; ``GET .../cards/{post_id}/{kind}/`` a post's
card and ``GET .../poster/`` the notice board, rendered at once. Scoped like the enterprise: an enterprise
outside the caller's scope, or one with no ready version, is a 404.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.base.serializers import FieldsOnce
from core.documents import selectors
from core.documents.models import CardKind, HandbookVersion
from core.documents.portal_views import (
    CARD_KINDS_PER_POST,
    card_response,
    scoped_post,
    version_response,
)
from core.organizations.scope import scope_for


class HandbookVersionSerializer(FieldsOnce, serializers.ModelSerializer):
    download = serializers.SerializerMethodField()

    class Meta:
        model = HandbookVersion
        fields = [
            "number",
            "status",
            "progress",
            "page_count",
            "risk_point_count",
            "note",
            "changes",
            "requested_at",
            "finished_at",
            "download",
        ]

    def get_download(self, version: HandbookVersion) -> str | None:
        if not version.is_ready:
            return None
        return reverse(
            "api:handbook-version",
            args=[version.enterprise_id, version.number],
        )


def _enterprise_in_scope(request: Request, enterprise_id: int) -> int:
    scope = scope_for(request.user)
    if not scope.can_view_enterprise(enterprise_id):
        raise Http404
    return enterprise_id


class HandbookView(APIView):
    """The current handbook of an enterprise, as a PDF."""

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        summary="The enterprise's current risk control handbook (PDF)",
    )
    def get(self, request: Request, enterprise_id: int) -> FileResponse:
        _enterprise_in_scope(request, enterprise_id)
        version = selectors.current_handbook(
            scope=scope_for(request.user), enterprise=enterprise_id
        )
        if version is None:
            raise Http404
        return version_response(version)


class HandbookVersionListView(APIView):
    """Every version of an enterprise's handbook, newest first."""

    @extend_schema(responses=HandbookVersionSerializer(many=True))
    def get(self, request: Request, enterprise_id: int) -> Response:
        _enterprise_in_scope(request, enterprise_id)
        versions = selectors.handbook_versions(
            scope=scope_for(request.user), enterprise=enterprise_id
        )[: selectors.VERSIONS_SHOWN]
        return Response(HandbookVersionSerializer(versions, many=True).data)


class HandbookVersionView(APIView):
    """One version of an enterprise's handbook, as a PDF."""

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        summary="One version of the enterprise's risk control handbook (PDF)",
    )
    def get(self, request: Request, enterprise_id: int, number: int) -> FileResponse:
        _enterprise_in_scope(request, enterprise_id)
        version = selectors.handbook_version(
            scope=scope_for(request.user), enterprise=enterprise_id, number=number
        )
        if version is None:
            raise Http404
        return version_response(version)


class CardView(APIView):
    """A post's card (post_risk, emergency, occupational) as a PDF, rendered at
    once; ``kind=poster`` without a post is the enterprise's notice board."""

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        summary="A post card or the risk notice board of an enterprise (PDF)",
    )
    def get(
        self,
        request: Request,
        enterprise_id: int,
        kind: str,
        post_id: int | None = None,
    ) -> HttpResponse:
        _enterprise_in_scope(request, enterprise_id)
        scope = scope_for(request.user)
        enterprise = scope.enterprises().get(pk=enterprise_id)
        if post_id is None:
            if kind != CardKind.POSTER:
                raise Http404
            return card_response(enterprise=enterprise, kind=kind, post=None)
        if kind not in CARD_KINDS_PER_POST:
            raise Http404
        post = scoped_post(scope, enterprise_id, post_id)
        return card_response(enterprise=enterprise, kind=kind, post=post)
