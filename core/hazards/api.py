"""The hazards API: list, report, detail with history, and the steps.

``GET/POST /api/v1/hazards/``, ``GET /api/v1/hazards/{id}/``,
``POST /api/v1/hazards/{id}/transitions/``. Reads go through the scope
(``core.hazards.selectors``), writes through the services; a refused step is
a 403 with the reason, a step from the wrong state or with bad data a 400
listing ``{"errors": [{"path", "reason", "keyword"}]}``; nothing changes then.
Photos are uploaded first (``POST /api/v1/form-uploads/``) and referred to
by id.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.viewsets import ScopedReadViewSet, read_schema
from core.base.errors import Invalid
from core.base.pagination import KeysetPagination
from core.base.plain_rows import PlainRowsList, RowWriter, name_by_key
from core.base.serializers import ReadSerializer
from core.forms.api_rows import kept_count_seconds
from core.forms.models import FormUpload
from core.hazards.filters import HazardFilters
from core.hazards.machine import available_steps
from core.hazards.models import (
    DEADLINE_STATES,
    Hazard,
    HazardGrade,
    HazardTransition,
)
from core.hazards.selectors import hazard_list
from core.hazards.services import hazard_report, hazard_transition
from core.organizations.models import Enterprise, Person
from core.organizations.scope import scope_for
from core.risks.models import RiskPoint
from plugins.schema_errors import SchemaError, json_pointer


def _photo(upload: FormUpload) -> dict[str, Any]:
    return {
        "id": str(upload.pk),
        "name": upload.name,
        "url": reverse("forms_portal:upload", args=[upload.pk]),
    }


class HazardSerializer(ReadSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    risk_point_name = serializers.CharField(
        source="risk_point.name", read_only=True, default=None
    )
    responsible_name = serializers.CharField(
        source="responsible.name", read_only=True, default=None
    )
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    class Meta:
        model = Hazard
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "status",
            "grade",
            "deadline",
            "overdue",
            "risk_point",
            "risk_point_name",
            "description",
            "location",
            "hazard_type",
            "how_found",
            "management_class",
            "fix_mode",
            "responsible",
            "responsible_name",
            "supervised",
            "reported_at",
            "closed_at",
        ]


class _HazardRows(RowWriter):
    """``HazardSerializer``'s rows from plain rows; ``overdue`` is
    ``Hazard.is_overdue`` (today's), written from the row's status and
    deadline."""

    def write(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        today = timezone.localdate()
        written = super().write(rows)
        for row, hazard in zip(rows, written, strict=True):
            hazard["overdue"] = (
                row["status"] in DEADLINE_STATES
                and row["deadline"] is not None
                and row["deadline"] < today
            )
        return written


#: The list's rows: the names read by key per row (``name_by_key``), so the
#: page's query joins nothing.
HAZARD_ROWS = _HazardRows(
    HazardSerializer,
    lambda: {
        "enterprise_name": name_by_key(Enterprise, "enterprise_id"),
        "risk_point_name": name_by_key(RiskPoint, "risk_point_id"),
        "responsible_name": name_by_key(Person, "responsible_id"),
        "overdue": "status",  # written by ``write``
    },
)


class TransitionSerializer(ReadSerializer):
    actor = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = HazardTransition
        fields = [
            "action",
            "from_status",
            "to_status",
            "actor",
            "at",
            "comment",
            "details",
            "evidence",
        ]

    def get_actor(self, transition: HazardTransition) -> str | None:
        user = transition.actor
        return user.get_username() if user is not None else None

    def get_evidence(self, transition: HazardTransition) -> list[dict[str, Any]]:
        return [_photo(upload) for upload in transition.evidence.all()]


class HazardDetailSerializer(HazardSerializer):
    transitions = TransitionSerializer(many=True, read_only=True)
    photos = serializers.SerializerMethodField()
    available_actions = serializers.SerializerMethodField()

    class Meta(HazardSerializer.Meta):
        fields = [
            *HazardSerializer.Meta.fields,
            "rectification_measures",
            "rectification_cost",
            "contingency_plan",
            "extension_until",
            "supervising_department",
            "submission",
            "photos",
            "transitions",
            "available_actions",
        ]

    def get_photos(self, hazard: Hazard) -> list[dict[str, Any]]:
        return [_photo(upload) for upload in hazard.photos.all()]

    def get_available_actions(self, hazard: Hazard) -> list[dict[str, Any]]:
        scope = scope_for(self.context["request"].user)
        return [
            {
                "action": step.action,
                "label": str(step.label),
                "fields": list(step.fields),
                "required": list(step.required),
                "needs_comment": step.needs_comment,
                "needs_evidence": step.needs_evidence,
            }
            for step in available_steps(scope, hazard)
        ]


class ReportSerializer(serializers.Serializer):
    enterprise = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    description = serializers.CharField(max_length=2000)
    location = serializers.CharField(max_length=200, required=False, default="")
    risk_point = serializers.IntegerField(
        min_value=1, max_value=2**63 - 1, required=False
    )
    grade = serializers.CharField(required=False, default=HazardGrade.GENERAL)
    hazard_type = serializers.CharField(required=False, default="safety")
    how_found = serializers.CharField(required=False, default="routine")
    management_class = serializers.CharField(required=False, default="unsafe_condition")
    fix_mode = serializers.CharField(required=False, default="by_deadline")
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    photos = serializers.ListField(
        child=serializers.UUIDField(), required=False, default=list, max_length=9
    )


class StepSerializer(serializers.Serializer):
    action = serializers.CharField(max_length=40)
    comment = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    evidence = serializers.ListField(
        child=serializers.UUIDField(), required=False, default=list, max_length=9
    )
    grade = serializers.CharField(required=False)
    responsible = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1
    )
    deadline = serializers.DateField(required=False)
    extension_until = serializers.DateField(required=False)
    risk_point = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1
    )
    how_found = serializers.CharField(required=False)
    fix_mode = serializers.CharField(required=False)
    hazard_type = serializers.CharField(required=False)
    management_class = serializers.CharField(required=False)
    rectification_measures = serializers.CharField(
        required=False, allow_blank=True, max_length=2000
    )
    rectification_cost = serializers.DecimalField(
        required=False, max_digits=12, decimal_places=2, min_value=0
    )
    contingency_plan = serializers.CharField(
        required=False, allow_blank=True, max_length=2000
    )


def _request_invalid(errors: dict) -> Invalid:
    found = []
    for name, messages in errors.items():
        for message in messages if isinstance(messages, list) else [messages]:
            found.append(
                SchemaError(
                    path=json_pointer((name,)),
                    location=(name,),
                    keyword="request",
                    reason=str(message),
                )
            )
    return Invalid(found)


def _uploads(ids, enterprise_id: int) -> list[FormUpload]:
    found = list(FormUpload.objects.filter(pk__in=ids, enterprise_id=enterprise_id))
    if len(found) != len(set(ids)):
        raise Invalid.at(("photos",), str(_("A photo was not found.")), "request")
    return found


@read_schema(
    _("List the hazards in the caller's scope"),
    _("One hazard with its history and the caller's next steps"),
    list_description=_(
        "Newest first, 50 to a page (cursor pagination); filters "
        "enterprise, status, grade, overdue, supervised, hazard_type, unit."
    ),
)
class HazardViewSet(PlainRowsList, ScopedReadViewSet):
    """Hidden hazards (隐患) and their closed loop."""

    serializer_class = HazardSerializer
    detail_serializer_class = HazardDetailSerializer
    filterset_class = HazardFilters
    pagination_class = KeysetPagination
    row_writer = HAZARD_ROWS
    # A department's page is one query too (not found first, then read by
    # key): its scope is a sub-query of the industry links (``by_key``) and
    # the row joins nothing, so the order's index is walked and stops.

    def rows(self, scope) -> QuerySet[Hazard]:
        return hazard_list(scope=scope, by_key=True)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """``PlainRowsList``'s page, its count kept for a government scope
        (``kept_count_seconds``)."""
        paginator = self.paginator
        assert isinstance(paginator, KeysetPagination)  # noqa: S101
        paginator.count_seconds = kept_count_seconds(scope_for(request.user), request)
        return super().list(request, *args, **kwargs)

    def detail_rows(self, rows, scope) -> QuerySet[Hazard]:
        return rows.prefetch_related(
            "photos",
            Prefetch(
                "transitions",
                HazardTransition.objects.select_related("actor").prefetch_related(
                    "evidence"
                ),
            ),
        )

    @extend_schema(
        summary=_("Report a hazard"),
        request=ReportSerializer,
        responses={201: HazardDetailSerializer},
    )
    def create(self, request: Request) -> Response:
        body = ReportSerializer(data=request.data)
        if not body.is_valid():
            raise _request_invalid(body.errors)
        values = dict(body.validated_data)
        scope = scope_for(request.user)
        enterprise = scope.enterprises().filter(pk=values.pop("enterprise")).first()
        if enterprise is None:
            raise Invalid.at(
                ("enterprise",), str(_("No such enterprise for you.")), "request"
            )
        risk_point = None
        if values.get("risk_point"):
            risk_point = RiskPoint.objects.filter(
                pk=values.pop("risk_point"), enterprise=enterprise
            ).first()
            if risk_point is None:
                raise Invalid.at(
                    ("risk_point",),
                    str(_("Choose a risk point of this enterprise.")),
                    "request",
                )
        values.pop("risk_point", None)
        photos = _uploads(values.pop("photos"), enterprise.pk)
        hazard = hazard_report(
            actor=request.user,
            enterprise=enterprise,
            risk_point=risk_point,
            photos=photos,
            **values,
        )
        hazard = self.get_queryset().get(pk=hazard.pk)
        data = HazardDetailSerializer(hazard, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Take a step of the hazard's closed loop"),
        description=_(
            "The body names the action (confirm, reject, plan, start, submit, "
            "accept, refuse, request_extension, approve_extension, "
            "refuse_extension, reopen, supervise) with a comment, evidence "
            "photo ids and the step's fields. 403 when the caller may not "
            "take it, 400 when the hazard is not where the step starts or "
            "the data is wrong; nothing changes then."
        ),
        request=StepSerializer,
        responses={200: HazardDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def transitions(self, request: Request, pk: str | None = None) -> Response:
        hazard = self.get_object()
        body = StepSerializer(data=request.data)
        if not body.is_valid():
            raise _request_invalid(body.errors)
        values = dict(body.validated_data)
        action_name = values.pop("action")
        comment = values.pop("comment")
        evidence = _uploads(values.pop("evidence"), hazard.enterprise_id)
        hazard_transition(
            actor=request.user,
            hazard=hazard,
            action=action_name,
            comment=comment,
            data=values,
            evidence=evidence,
        )
        self.action = "retrieve"
        fresh = self.get_queryset().get(pk=hazard.pk)
        data = HazardDetailSerializer(fresh, context={"request": request}).data
        return Response(data)
