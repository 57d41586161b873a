"""REST API of organizations: enterprises, read-only, through the caller's scope.

Registered on the router in ``site/safegrid_site/api_urls.py``. Which enterprises a caller sees
is decided by ``scope_for`` inside the selector; an enterprise out of scope
answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.serializers import FieldsOnce, ReadSerializer
from core.organizations.api_rows import enterprise_rows, enterprise_values
from core.organizations.models import (
    Enterprise,
    EnterpriseContact,
    Industry,
    Jurisdiction,
)
from core.organizations.scope import scope_for
from core.organizations.selectors import enterprise_filter, enterprise_list

# -- serializers -------------------------------------------------------------


class JurisdictionRefSerializer(FieldsOnce, serializers.ModelSerializer):
    """A jurisdiction as referred to from another object."""

    class Meta:
        model = Jurisdiction
        fields = ["id", "name"]


class LocationSerializer(serializers.Serializer):
    """A point in WGS-84 degrees."""

    lat = serializers.FloatField(help_text=_("Latitude in degrees (WGS-84)."))
    lng = serializers.FloatField(help_text=_("Longitude in degrees (WGS-84)."))


class EnterpriseContactSerializer(FieldsOnce, serializers.ModelSerializer):
    class Meta:
        model = EnterpriseContact
        fields = ["name", "title", "phone", "email"]


class EnterpriseSerializer(ReadSerializer):
    """An enterprise as a list shows it."""

    industries = serializers.SlugRelatedField(
        many=True,
        read_only=True,
        slug_field="code",
        help_text=_("Codes of the enterprise's industries."),
    )
    jurisdiction = JurisdictionRefSerializer(read_only=True)
    location = serializers.SerializerMethodField(
        help_text=_("Where the enterprise is; null when unknown.")
    )

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "name",
            "uscc",
            "industries",
            "jurisdiction",
            "location",
            "address",
            "is_above_scale",
            "is_key_industry",
            "has_occupational_hazard",
        ]

    @extend_schema_field(LocationSerializer(allow_null=True))
    def get_location(self, enterprise: Enterprise) -> dict[str, float] | None:
        # Both or nothing: half a coordinate cannot be put on a map.
        if enterprise.latitude is None or enterprise.longitude is None:
            return None
        return {"lat": float(enterprise.latitude), "lng": float(enterprise.longitude)}


class EnterpriseDetailSerializer(EnterpriseSerializer):
    """An enterprise with what only its own page shows."""

    contacts = EnterpriseContactSerializer(many=True, read_only=True)

    class Meta(EnterpriseSerializer.Meta):
        fields = [
            *EnterpriseSerializer.Meta.fields,
            "legal_representative",
            "contacts",
            "created_at",
            "updated_at",
        ]


# -- filters -----------------------------------------------------------------


_JURISDICTION_HELP = _(
    "A jurisdiction id; enterprises anywhere in its subtree are included."
)


class EnterpriseFilter(filters.FilterSet):
    """Query parameters of the enterprise list.

    An unknown industry code or jurisdiction id is a 400 at that parameter, not
    an empty list, so a typo does not pass for "no enterprises". The narrowing
    itself is the selector's (``enterprise_filter``), so it cannot drift from the
    portal's lists.
    """

    industry = filters.ModelChoiceFilter(
        queryset=Industry.objects.all(),
        to_field_name="code",
        method="filter_industry",
        label=_("industry"),
        help_text=_("An industry code, e.g. chemicals."),
    )
    # A model choice is a string to the schema generator; the id is an integer.
    jurisdiction = extend_schema_field(
        {"type": "integer", "description": _JURISDICTION_HELP}
    )(
        filters.ModelChoiceFilter(
            queryset=Jurisdiction.objects.all(),
            method="filter_jurisdiction",
            label=_("jurisdiction"),
            help_text=_JURISDICTION_HELP,
        )
    )

    class Meta:
        model = Enterprise
        fields = ["industry", "jurisdiction"]

    def filter_industry(
        self, queryset: QuerySet[Enterprise], name: str, value: Industry
    ) -> QuerySet[Enterprise]:
        return enterprise_filter(queryset, industry=value.code)

    def filter_jurisdiction(
        self, queryset: QuerySet[Enterprise], name: str, value: Jurisdiction
    ) -> QuerySet[Enterprise]:
        return enterprise_filter(queryset, jurisdiction=value)


# -- views -------------------------------------------------------------------

_UNAUTHENTICATED = OpenApiResponse(
    description=_("No or an invalid token (or session): log in first.")
)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the enterprises in the caller's scope"),
        description=_(
            "Only the enterprises the caller may see (see docs/api.md, scope "
            "rules), ordered by name, 50 to a page."
        ),
        responses={
            200: EnterpriseSerializer(many=True),
            400: OpenApiResponse(
                description=_("An unknown industry code or jurisdiction id.")
            ),
            401: _UNAUTHENTICATED,
        },
    ),
    retrieve=extend_schema(
        summary=_("One enterprise in the caller's scope"),
        description=_(
            "404 when the enterprise does not exist or is outside the caller's "
            "scope: the two cannot be told apart."
        ),
        responses={
            200: EnterpriseDetailSerializer,
            401: _UNAUTHENTICATED,
            404: OpenApiResponse(
                description=_("No such enterprise in the caller's scope.")
            ),
        },
    ),
)
class EnterpriseViewSet(viewsets.ReadOnlyModelViewSet):
    """Enterprises (企业) the caller may see."""

    filterset_class = EnterpriseFilter

    def get_queryset(self) -> QuerySet[Enterprise]:
        # The list reads plain rows (core.organizations.api_rows); the detail
        # goes through the serializer.
        queryset = enterprise_list(scope=scope_for(self.request.user))
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("contacts")
        return queryset

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return EnterpriseDetailSerializer
        return EnterpriseSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """One page, written by hand in the serializer's shape."""
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(enterprise_values(queryset))
        assert page is not None  # noqa: S101 - the API's lists are paginated
        return self.get_paginated_response(enterprise_rows(page))
