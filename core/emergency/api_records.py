"""The emergency API's records: drills, training sessions, training records
(attendances) and workplace hazard-factor tests — read-only, scoped, newest
first on cursor (keyset) pages.

``GET /api/v1/drills/``, ``/api/v1/drills/{id}/``,
``GET /api/v1/training-sessions/``, ``/api/v1/training-sessions/{id}/``,
``GET /api/v1/training-records/``, ``/api/v1/training-records/{id}/``,
``GET /api/v1/workplace-tests/``, ``/api/v1/workplace-tests/{id}/``.
Rows outside the caller's scope are absent from the lists and a 404 in
detail; a staff member sees only their own training records. Writes stay in
the portal (the services' checks and forms).
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.viewsets import NewestFirst, ScopedReadViewSet, read_schema
from core.base.filters import EnterpriseFilter, IdFilter, enterprise_filter
from core.base.serializers import EnterpriseRowSerializer, ReadSerializer, related
from core.emergency.models import (
    Drill,
    TrainingAttendance,
    TrainingSession,
    WorkplaceTest,
    WorkplaceTestResult,
)
from core.emergency.selectors import (
    attendance_list,
    drill_list,
    training_session_list,
    workplace_test_list,
)


class DrillSerializer(EnterpriseRowSerializer):
    plan_title = related("plan.title", optional=True)
    planned_due_on = related("planned.due_on", serializers.DateField, optional=True)

    class Meta:
        model = Drill
        fields = [
            *EnterpriseRowSerializer.Meta.fields,
            "held_on",
            "scenario",
            "plan",
            "plan_title",
            "planned",
            "planned_due_on",
            "participant_count",
            "created_at",
        ]


class DrillDetailSerializer(DrillSerializer):
    participants = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    photos = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    hazards = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta(DrillSerializer.Meta):
        fields = [
            *DrillSerializer.Meta.fields,
            "evaluation",
            "improvements",
            "participants",
            "photos",
            "hazards",
        ]


class SessionSerializer(EnterpriseRowSerializer):
    requirement_topic = related("requirement.topic", optional=True)

    class Meta:
        model = TrainingSession
        fields = [
            *EnterpriseRowSerializer.Meta.fields,
            "topic",
            "trainer",
            "hours",
            "planned_on",
            "held_on",
            "requirement",
            "requirement_topic",
        ]


class RecordSerializer(ReadSerializer):
    person_name = related("person.name")
    topic = related("session.topic")
    held_on = related("session.held_on", serializers.DateField)
    hours = related(
        "session.hours", serializers.DecimalField, max_digits=5, decimal_places=1
    )
    enterprise = related("session.enterprise_id", serializers.IntegerField)

    class Meta:
        model = TrainingAttendance
        fields = [
            "id",
            "enterprise",
            "session",
            "topic",
            "held_on",
            "hours",
            "person",
            "person_name",
            "passed",
            "score",
            "certificate_number",
            "valid_until",
        ]


class SessionDetailSerializer(SessionSerializer):
    attendances = serializers.SerializerMethodField()

    class Meta(SessionSerializer.Meta):
        fields = [*SessionSerializer.Meta.fields, "attendances"]

    def get_attendances(self, session: TrainingSession) -> list[dict]:
        return RecordSerializer(session.visible_attendances, many=True).data


class WorkplaceResultSerializer(ReadSerializer):
    post = related("exposure.post_id", serializers.IntegerField)
    post_name = related("exposure.post.name")
    factor = related("exposure.factor")
    agent = related("exposure.agent")

    class Meta:
        model = WorkplaceTestResult
        fields = [
            "exposure",
            "post",
            "post_name",
            "factor",
            "agent",
            "measured",
            "limit",
            "compliant",
        ]


class WorkplaceTestSerializer(EnterpriseRowSerializer):
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = WorkplaceTest
        fields = [
            *EnterpriseRowSerializer.Meta.fields,
            "tested_on",
            "agency",
            "next_due",
            "overdue",
        ]

    def get_overdue(self, test: WorkplaceTest) -> bool:
        """The next test's date has passed (a newer test may have been made)."""
        from django.utils import timezone

        return test.next_due < timezone.localdate()


class WorkplaceTestDetailSerializer(WorkplaceTestSerializer):
    results = WorkplaceResultSerializer(many=True, read_only=True)

    class Meta(WorkplaceTestSerializer.Meta):
        fields = [*WorkplaceTestSerializer.Meta.fields, "results"]


class RecordFilter(EnterpriseFilter):
    person = IdFilter(label=_("person"))

    class Meta:
        model = TrainingAttendance
        fields = ["enterprise", "person"]
        enterprise_field = "session__enterprise_id"

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        person = self.form.cleaned_data.get("person")
        return queryset.filter(person_id=int(person)) if person else queryset


@read_schema(
    _("List the drills in the caller's scope"),
    _("One drill with its participants, photos and hazards opened"),
)
class DrillViewSet(ScopedReadViewSet):
    """Drills held (应急演练): date, scenario, plan used, evaluation."""

    selector = drill_list
    serializer_class = DrillSerializer
    detail_serializer_class = DrillDetailSerializer
    filterset_class = enterprise_filter(Drill)
    pagination_class = NewestFirst

    def detail_rows(self, rows, scope) -> QuerySet[Drill]:
        return rows.prefetch_related("participants", "photos", "hazards")


@read_schema(
    _("List the training sessions in the caller's scope"),
    _("One training session with the attendance the caller may see"),
)
class TrainingSessionViewSet(ScopedReadViewSet):
    selector = training_session_list
    serializer_class = SessionSerializer
    detail_serializer_class = SessionDetailSerializer
    filterset_class = enterprise_filter(TrainingSession)
    pagination_class = NewestFirst

    def detail_rows(self, rows, scope) -> QuerySet[TrainingSession]:
        return rows.prefetch_related(
            Prefetch(
                "attendances",
                attendance_list(scope=scope).order_by("person__name", "pk"),
                to_attr="visible_attendances",
            )
        )


@read_schema(
    _("List the training records in the caller's scope"),
    _("One training record"),
    list_description=_(
        "One person at one session, with the assessment and certificate; "
        "a staff member sees only their own. ``person`` filters."
    ),
)
class TrainingRecordViewSet(ScopedReadViewSet):
    selector = attendance_list
    serializer_class = RecordSerializer
    filterset_class = RecordFilter
    pagination_class = NewestFirst


@read_schema(
    _("List the workplace hazard-factor tests in the caller's scope"),
    _("One workplace hazard-factor test with its result per factor"),
)
class WorkplaceTestViewSet(ScopedReadViewSet):
    selector = workplace_test_list
    serializer_class = WorkplaceTestSerializer
    detail_serializer_class = WorkplaceTestDetailSerializer
    filterset_class = enterprise_filter(WorkplaceTest)
    pagination_class = NewestFirst

    def detail_rows(self, rows, scope) -> QuerySet[WorkplaceTest]:
        return rows.prefetch_related(
            Prefetch(
                "results",
                WorkplaceTestResult.objects.select_related("exposure__post"),
            )
        )
