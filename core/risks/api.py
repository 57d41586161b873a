"""REST API of risk grading: scoring rules (list, evaluate) and risk points.

Registered on the router in ``site/safegrid_site/api_urls.py``. Risk points are read
through ``scope_for`` inside the selectors: a point out of scope answers 404,
exactly like one that does not exist. Scoring rules are not enterprise data;
any authenticated user may list and try them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.filters import parse_id
from core.base.input_guard import CheckedJSONParser
from core.base.pagination import SHORT_COUNT_LIMIT, KeysetPagination
from core.base.serializers import ReadSerializer
from core.organizations.models import Enterprise, Role
from core.organizations.scope import scope_for
from core.risks.api_rows import (
    risk_point_rows,
    risk_point_values,
    risk_point_values_by_key,
)
from core.risks.filters import RiskPointFilters
from core.risks.models import (
    Assessment,
    ControlMeasure,
    RiskEvent,
    RiskPoint,
)
from core.risks.selectors import (
    risk_overview,
    risk_point_list,
    risk_point_order,
    thresholds_for,
)
from core.scoring import (
    InvalidInputs,
    RegisteredRule,
    UnknownRule,
    number,
    scoring_engine,
    thresholds_as_dict,
)

# -- scoring rules -------------------------------------------------------------


def rule_as_dict(
    registered: RegisteredRule, industries: list[str] | None = None
) -> dict[str, Any]:
    """A rule as the API shows it (the schema includes the platform inputs)."""
    rule = registered.rule
    engine = scoring_engine()
    return {
        "key": rule.key,
        "title": str(rule.title),
        "titles": {"zh-hans": rule.title.zh_hans, "en": rule.title.en},
        "pack": registered.pack,
        "kind": rule.kind,
        "description": str(rule.description) if rule.description else "",
        "input_schema": engine.input_schema(rule.key, industries),
        "thresholds": [
            {
                **thresholds_as_dict(f"preset:{t.key}", t),
                "title": str(t.title) if t.title else t.key,
                "default": index == 0,
            }
            for index, t in enumerate(registered.presets())
        ],
        "value_range": [number(v) for v in rule.value_range]
        if rule.value_range
        else None,
    }


class ErrorSerializer(serializers.Serializer):
    path = serializers.CharField(help_text=_("JSON Pointer to the input concerned."))
    reason = serializers.CharField(help_text=_("What is wrong, in plain words."))
    keyword = serializers.CharField(help_text=_("The JSON Schema keyword that failed."))


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


_RULE_RESPONSE = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description=_(
        "key, title, pack, kind, description, input_schema (JSON Schema "
        "2020-12), thresholds (presets, default first), value_range."
    ),
)
_EVALUATION_RESPONSE = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description=_(
        "For risk methods: value, level (major, significant, general, low), "
        "colour, scored_level, details, direct_reasons, thresholds."
    ),
)


class ScoringRuleViewSet(viewsets.ViewSet):
    """Scoring rules of the enabled plugins (LEC, LS, MES, direct, packs' rules)."""

    lookup_field = "key"
    lookup_value_regex = "[a-z][a-z0-9_]{1,39}"

    def _registered(self, key: str) -> RegisteredRule:
        try:
            return scoring_engine().get(key)
        except UnknownRule:
            raise Http404(_("No enabled scoring rule has this key.")) from None

    @extend_schema(
        summary=_("List the enabled scoring rules"),
        responses={200: _RULE_RESPONSE},
    )
    def list(self, request: Request) -> Response:
        return Response([rule_as_dict(r) for r in scoring_engine().all()])

    @extend_schema(
        summary=_("One scoring rule"),
        responses={200: _RULE_RESPONSE, 404: OpenApiResponse(description="")},
    )
    def retrieve(self, request: Request, key: str) -> Response:
        return Response(rule_as_dict(self._registered(key)))

    @extend_schema(
        summary=_("Evaluate a scoring rule"),
        description=_(
            "The body is the JSON object of inputs. Risk methods grade with the "
            "platform's default thresholds, or those of ?industry=<code>, or of "
            "?enterprise=<id> (an enterprise in the caller's scope)."
        ),
        request=OpenApiTypes.OBJECT,
        parameters=[
            OpenApiParameter("industry", str, description=_("An industry code.")),
            OpenApiParameter("enterprise", int, description=_("An enterprise id.")),
        ],
        responses={
            200: _EVALUATION_RESPONSE,
            400: ErrorsSerializer,
            404: OpenApiResponse(description=_("Unknown rule or enterprise.")),
        },
    )
    @action(detail=True, methods=["post"], parser_classes=[CheckedJSONParser])
    def evaluate(self, request: Request, key: str) -> Response:
        registered = self._registered(key)
        industries = self._industries(request)
        thresholds = (
            thresholds_for(method=key, industry_codes=industries or [])
            if registered.is_risk_method
            else []
        )
        try:
            evaluation = scoring_engine().evaluate(
                key, request.data, thresholds=thresholds, industries=industries
            )
        except InvalidInputs as exc:
            return Response(
                {"errors": exc.as_list()}, status=status.HTTP_400_BAD_REQUEST
            )
        return Response(evaluation.as_dict())

    def _industries(self, request: Request) -> list[str] | None:
        enterprise = request.query_params.get("enterprise")
        if enterprise:
            scope = scope_for(request.user)
            pk = parse_id(enterprise)
            if pk is None or not scope.can_view_enterprise(pk):
                raise Http404(_("No such enterprise in your scope."))
            return list(
                Enterprise.objects.get(pk=pk).industries.values_list("code", flat=True)
            )
        industry = request.query_params.get("industry")
        return [industry] if industry else None


# -- risk points -----------------------------------------------------------------


@extend_schema_field(
    {
        "type": "string",
        # A pattern, not an enum: drf-spectacular would name one component
        # per field for the same set of levels.
        "pattern": "^(major|significant|general|low)?$",
        "description": "major, significant, general or low; empty when not assessed",
    }
)
class RiskLevelField(serializers.CharField):
    """A level key (``RiskLevel``), or empty when not assessed."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_blank=True, **kwargs)


class AssessmentSerializer(ReadSerializer):
    # Not get_value(): that name is DRF's own Field.get_value.
    value = serializers.SerializerMethodField(
        method_name="value_as_number",
        help_text=_(
            "The method's value (e.g. D of LEC); null for direct determination."
        ),
    )
    level = RiskLevelField()
    scored_level = RiskLevelField()
    colour = serializers.CharField(read_only=True)
    assessed_by = serializers.CharField(source="assessed_by_name", read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "method",
            "value",
            "level",
            "colour",
            "scored_level",
            "direct_reasons",
            "inputs",
            "assessed_by",
            "assessed_at",
        ]

    @extend_schema_field(OpenApiTypes.NUMBER)
    def value_as_number(self, assessment: Assessment) -> int | float | None:
        return number(assessment.value)


class MeasureSerializer(ReadSerializer):
    class Meta:
        model = ControlMeasure
        fields = ["id", "kind", "description"]


class EventSerializer(ReadSerializer):
    analysis_unit = serializers.SerializerMethodField()
    accident_types = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )
    level = RiskLevelField()
    latest_assessment = AssessmentSerializer(read_only=True)
    measures = MeasureSerializer(many=True, read_only=True)

    class Meta:
        model = RiskEvent
        fields = [
            "id",
            "name",
            "analysis_unit",
            "consequence",
            "accident_types",
            "level",
            "latest_assessment",
            "measures",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_analysis_unit(self, event: RiskEvent) -> str | None:
        unit = event.analysis_unit
        return None if unit.is_default else unit.name


class ControlSerializer(serializers.Serializer):
    level = serializers.CharField(source="control_level")
    responsible_unit = serializers.IntegerField(source="responsible_unit_id")
    responsible_unit_name = serializers.SerializerMethodField()
    responsible_person = serializers.IntegerField(source="responsible_person_id")
    responsible_person_name = serializers.SerializerMethodField()
    inspection_every = serializers.IntegerField()
    inspection_unit = serializers.CharField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_responsible_unit_name(self, point: RiskPoint) -> str | None:
        return point.responsible_unit.name if point.responsible_unit else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_responsible_person_name(self, point: RiskPoint) -> str | None:
        return point.responsible_person.name if point.responsible_person else None


class RiskPointSerializer(ReadSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    level = RiskLevelField()
    unit_name = serializers.SerializerMethodField()
    colour = serializers.CharField(read_only=True)
    control = ControlSerializer(source="*", read_only=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = RiskPoint
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "name",
            "kind",
            "unit",
            "unit_name",
            "description",
            "position",
            "level",
            "colour",
            "control",
            "events",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_unit_name(self, point: RiskPoint) -> str | None:
        return point.unit.name if point.unit else None


class RiskPointApiFilters(RiskPointFilters):
    """The API's reading of the one filter set: within one enterprise the
    list walks the (enterprise, name) index."""

    def filter_queryset(self, queryset: QuerySet[RiskPoint]) -> QuerySet[RiskPoint]:
        values = self.values()
        queryset = self.narrow(queryset, values)
        if "enterprise" in values:
            scope = scope_for(self.request.user)
            queryset = queryset.order_by(
                *risk_point_order(scope=scope, enterprise=values["enterprise"])
            )
        return queryset


@extend_schema_view(
    list=extend_schema(
        summary=_("List the risk points in the caller's scope"),
        description=_(
            "Each point with its active events, their latest assessments and "
            "measures, and its control assignment; 50 to a page, by cursor "
            "(next and previous links)."
        ),
    ),
    retrieve=extend_schema(
        summary=_("One risk point in the caller's scope"),
        description=_("404 when it does not exist or is outside the caller's scope."),
    ),
)
class RiskPointViewSet(viewsets.ReadOnlyModelViewSet):
    """Risk points (风险点) the caller may see."""

    serializer_class = RiskPointSerializer
    filterset_class = RiskPointApiFilters
    # Cursor pages in an index-served order (docs/api.md).
    pagination_class = KeysetPagination

    def get_queryset(self) -> QuerySet[RiskPoint]:
        # The list reads plain rows (core.risks.api_rows); the detail loads
        # its events for the serializer.
        return risk_point_list(
            scope=scope_for(self.request.user), with_events=self.action != "list"
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """One cursor page, written by hand in the serializer's shape."""
        queryset = self.filter_queryset(self.get_queryset())
        paginator = self.paginator
        assert isinstance(paginator, KeysetPagination)  # noqa: S101
        paginator.count_seconds = self._count_seconds(request)
        # A department's scope is a sub-query: planned together with the
        # row's four joins it cost 10–25 ms, twenty times the page's reading
        # (docs/performance.md). Its page is found on the bare table, then
        # read by key.
        paginator.join_page_only = (
            scope_for(request.user).role == Role.INDUSTRY_DEPARTMENT
        )
        # One enterprise's points (``?enterprise=``: up to tens of thousands
        # for a big one) are counted exactly up to 1,000, then "1,000+" with
        # the planner's estimate, so the count stays flat with the enterprise.
        if request.query_params.get("enterprise"):
            paginator.count_limit = SHORT_COUNT_LIMIT
        page = paginator.paginate_queryset(
            queryset,
            request,
            view=self,
            counted=queryset,
            read=risk_point_values_by_key
            if paginator.join_page_only
            else risk_point_values,
        )
        return self.get_paginated_response(risk_point_rows(page))

    @staticmethod
    def _count_seconds(request: Request) -> int:
        """How long a list over a government scope keeps its count: counting
        up to 10,001 filtered points (``?method=``, ``?search=`` read the rows)
        cost more than the page, on every page. Kept as the level counts are
        (``risk_level_counts``): per filtered query, for
        ``SAFEGRID_LEVEL_COUNTS_SECONDS``. An enterprise's own points, and
        one enterprise's (``?enterprise=``), are always counted live."""
        scope = scope_for(request.user)
        if scope.is_enterprise or request.query_params.get("enterprise"):
            return 0
        return getattr(settings, "SAFEGRID_LEVEL_COUNTS_SECONDS", 0)

    @extend_schema(
        summary=_("Counts of risk points by level"),
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=False, methods=["get"])
    def overview(self, request: Request) -> Response:
        filterset = RiskPointFilters(
            request.query_params, queryset=RiskPoint.objects.none(), request=request
        )
        if not filterset.is_valid():
            return Response(filterset.errors, status=status.HTTP_400_BAD_REQUEST)
        values = {
            name: value
            for name, value in filterset.values().items()
            if name in ("enterprise", "kind", "unit", "method")
        }
        return Response(risk_overview(scope=scope_for(request.user), **values))
