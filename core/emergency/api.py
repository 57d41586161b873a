"""The emergency API: plans with their versions and filings, the filings'
review, rescue agreements and each post's emergency disposal card.

``GET /api/v1/emergency-plans/``, ``GET /api/v1/emergency-plans/{id}/``,
``GET /api/v1/plan-filings/``, ``GET /api/v1/plan-filings/{id}/``,
``POST /api/v1/plan-filings/{id}/review/``,
``GET /api/v1/rescue-agreements/``, ``GET /api/v1/emergency-cards/{id}/``
(``id``: the post). Reads go through the scope (``core.emergency.selectors``);
the review through ``core.emergency.services.filing_review`` (403 for anyone
but the department filed with, 400 listing the problems; nothing changes).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.viewsets import NewestFirst, ScopedReadViewSet, read_schema
from core.base.filters import IdFilter, parse_id
from core.base.pagination import SHORT_COUNT_LIMIT
from core.base.plain_rows import PlainRowsList, RowWriter, name_by_key
from core.base.serializers import EnterpriseRowSerializer, ReadSerializer, related
from core.emergency.models import (
    EmergencyPlan,
    FilingStatus,
    PlanFiling,
    PlanKind,
    PlanVersion,
    RescueAgreement,
)
from core.emergency.selectors import (
    agreements_expiring,
    disposal_card,
    filing_list,
    plan_list,
)
from core.emergency.services.plans import filing_review
from core.hazards.api import _request_invalid
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for


class PlanVersionSerializer(ReadSerializer):
    class Meta:
        model = PlanVersion
        fields = [
            "id",
            "number",
            "content",
            "change_note",
            "approved_on",
            "approved_by",
            "created_at",
        ]


class FilingSerializer(EnterpriseRowSerializer):
    department_name = related("department.name")
    plan = related("version.plan_id", serializers.IntegerField)
    plan_title = related("version.plan.title")
    version_number = related("version.number", serializers.IntegerField)

    class Meta:
        model = PlanFiling
        fields = [
            *EnterpriseRowSerializer.Meta.fields,
            "plan",
            "plan_title",
            "version",
            "version_number",
            "department",
            "department_name",
            "status",
            "filed_at",
            "reviewed_at",
            "comment",
        ]


class PlanSerializer(EnterpriseRowSerializer):
    current_version_number = related(
        "current_version.number", serializers.IntegerField, optional=True
    )
    approved_on = related(
        "current_version.approved_on", serializers.DateField, optional=True
    )

    class Meta:
        model = EmergencyPlan
        fields = [
            *EnterpriseRowSerializer.Meta.fields,
            "kind",
            "title",
            "current_version_number",
            "approved_on",
            "created_at",
        ]


#: The list's rows, written from plain rows in ``PlanSerializer``'s shape; the
#: names read by key per row, so the page's query joins nothing but its scope.
PLAN_ROWS = RowWriter(
    PlanSerializer,
    lambda: {
        "enterprise_name": name_by_key(Enterprise, "enterprise_id"),
        "current_version_number": name_by_key(
            PlanVersion, "current_version_id", "number"
        ),
        "approved_on": name_by_key(PlanVersion, "current_version_id", "approved_on"),
    },
)


class PlanDetailSerializer(PlanSerializer):
    versions = PlanVersionSerializer(many=True, read_only=True)
    risk_events = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    filings = serializers.SerializerMethodField()

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "risk_events", "versions", "filings"]

    def get_filings(self, plan: EmergencyPlan) -> list[dict[str, Any]]:
        return [
            {
                "id": filing.pk,
                "version_number": version.number,
                "department": filing.department_id,
                "department_name": filing.department.name,
                "status": filing.status,
                "comment": filing.comment,
                "filed_at": filing.filed_at,
                "reviewed_at": filing.reviewed_at,
            }
            for version in plan.versions.all()
            for filing in version.filings.all()
        ]


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(
        choices=[FilingStatus.ON_FILE, FilingStatus.SENT_BACK]
    )
    comment = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )


class AgreementSerializer(EnterpriseRowSerializer):
    class Meta:
        model = RescueAgreement
        fields = [
            *EnterpriseRowSerializer.Meta.fields,
            "party",
            "contact",
            "valid_from",
            "valid_until",
        ]


class PlanFilter(filters.FilterSet):
    enterprise = IdFilter(label=_("enterprise"))
    kind = filters.ChoiceFilter(choices=PlanKind.choices, label=_("kind"))

    class Meta:
        model = EmergencyPlan
        fields = ["enterprise", "kind"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        enterprise = data.get("enterprise")
        return plan_list(
            scope=scope_for(self.request.user),
            enterprise=int(enterprise) if enterprise else None,
            kind=data.get("kind") or None,
        )


class FilingFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=FilingStatus.choices, label=_("status"))
    mine = filters.BooleanFilter(label=_("filed with my department"))

    class Meta:
        model = PlanFiling
        fields = ["status", "mine"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return filing_list(
            scope=scope_for(self.request.user),
            status=data.get("status") or None,
            own_department=bool(data.get("mine")),
        )


class PlanPagination(NewestFirst):
    # Exact up to 1,000 plans, then "1,000+" with the planner's estimate:
    # the count reads at most 1,001 index entries whatever the scope's size.
    count_limit = SHORT_COUNT_LIMIT


@read_schema(
    _("List the emergency plans in the caller's scope"),
    _("One emergency plan with every version and its filings"),
)
class EmergencyPlanViewSet(PlainRowsList, ScopedReadViewSet):
    """Emergency plans (应急预案): comprehensive, special, on-site disposal;
    the list's page is written from plain rows (``PLAN_ROWS``)."""

    row_writer = PLAN_ROWS
    serializer_class = PlanSerializer
    detail_serializer_class = PlanDetailSerializer
    filterset_class = PlanFilter
    pagination_class = PlanPagination
    selector = plan_list

    def detail_rows(self, rows, scope) -> QuerySet[EmergencyPlan]:
        return rows.prefetch_related(
            "risk_events",
            Prefetch(
                "versions",
                PlanVersion.objects.prefetch_related(
                    Prefetch(
                        "filings",
                        PlanFiling.objects.select_related("department"),
                    )
                ),
            ),
        )


@read_schema(
    _("List the plan filings in the caller's scope"),
    _("One plan filing"),
    list_description=_(
        "Newest first; ``mine=true``: only those filed with the caller's "
        "department (its review queue), ``status`` filters."
    ),
)
class PlanFilingViewSet(ScopedReadViewSet):
    """Filings (备案) of plan versions with departments, and their review."""

    serializer_class = FilingSerializer
    filterset_class = FilingFilter
    pagination_class = NewestFirst
    selector = filing_list

    @extend_schema(
        summary=_("Accept a filing or send it back with comments"),
        description=_(
            "Only the department the plan was filed with, for an enterprise in "
            "its scope (403 otherwise); a sent-back filing needs a comment, a "
            "reviewed one cannot be reviewed again (400)."
        ),
        request=ReviewSerializer,
        responses={200: FilingSerializer},
    )
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str | None = None) -> Response:
        filing = self.get_object()
        body = ReviewSerializer(data=request.data)
        if not body.is_valid():
            raise _request_invalid(body.errors)
        filing_review(actor=request.user, filing=filing, **body.validated_data)
        fresh = self.get_queryset().get(pk=filing.pk)
        return Response(FilingSerializer(fresh).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Rescue agreements in scope that have ended or end within 30 days")
    )
)
class RescueAgreementViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = AgreementSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[RescueAgreement]:
        return agreements_expiring(scope=scope_for(self.request.user))[:500]


class EmergencyCardViewSet(viewsets.ViewSet):
    """The emergency disposal content of one post (the 应急处置卡)."""

    @extend_schema(
        summary=_("The emergency disposal card content of a post"),
        description=_(
            "``id`` is the post. 404 when it is not a post in the caller's scope."
        ),
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: OpenApiTypes.OBJECT},
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        post = parse_id(pk)
        card = disposal_card(scope=scope_for(request.user), post=post) if post else None
        if card is None:
            raise Http404
        return Response(card)
