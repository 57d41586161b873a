"""REST API of the forms engine (registered in ``site/safegrid_site/api_urls.py``).

* ``GET /api/v1/forms/`` — the caller's published forms (assigned to its
  enterprise, or those its department sees), each with its current version's
  JSON Schema and UI description.
* ``GET|POST /api/v1/forms/{key}/submissions/`` — submissions in scope; a new
  submission is validated against the current published version by the very
  service the portal uses. 400 lists every error with its JSON Pointer in the
  request body (``/data/...``); 403 when the enterprise is not the caller's to
  submit for (unknown ids alike) or the form is not assigned to it.
* ``POST /api/v1/form-uploads/`` — store a photo or file; answers refer to it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBase
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from core.base.filters import parse_id
from core.base.pagination import KeysetPagination
from core.base.plain_rows import RowWriter, name_by_key
from core.base.serializers import ReadSerializer
from core.forms.api_rows import VERSION_JSON, forms_page_body, kept_count_seconds
from core.forms.models import (
    FormDefinition,
    FormUpload,
    FormVersion,
    Submission,
    SubmissionStatus,
)
from core.forms.selectors import forms_for_caller, submission_list
from core.forms.services import (
    AnswersInvalid,
    SubmissionRefused,
    submission_submit,
    upload_store,
)
from core.organizations.scope import scope_for

# -- serializers --------------------------------------------------------------------


class FormSerializer(ReadSerializer):
    """A published form with its current version."""

    title = serializers.SerializerMethodField(help_text=_("In the request's language."))
    industry = serializers.SlugRelatedField(slug_field="code", read_only=True)
    version = serializers.IntegerField(
        source="published_version.number", help_text=_("The current version number.")
    )
    published_at = serializers.DateTimeField(source="published_version.published_at")
    json_schema = serializers.JSONField(
        source="published_version.json_schema",
        help_text=_("JSON Schema (draft 2020-12) an answer must satisfy."),
    )
    ui_schema = serializers.JSONField(
        source="published_version.ui_schema",
        help_text=_("Steps, order, widgets and conditions of the questions."),
    )

    class Meta:
        model = FormDefinition
        fields = [
            "key",
            "title",
            "title_zh",
            "title_en",
            "kind",
            "industry",
            "version",
            "published_at",
            "json_schema",
            "ui_schema",
        ]

    def get_title(self, definition: FormDefinition) -> str:
        return definition.title


class SubmissionSerializer(ReadSerializer):
    """A stored submission with the version it answered and its score."""

    form = serializers.CharField(source="definition.key", read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)
    enterprise = serializers.IntegerField(source="enterprise_id", read_only=True)

    class Meta:
        model = Submission
        fields = [
            "id",
            "form",
            "version",
            "enterprise",
            "status",
            "revision",
            "data",
            "score",
            "max_score",
            "percent",
            "passed",
            "breakdown",
            "findings",
            "warnings",
            "submitted_at",
        ]


#: The submissions list's rows, read by key once the cursor has chosen the
#: page (``core.base.plain_rows``): the form's key and the version's number
#: by key per row, never the definition's or the version's documents.
SUBMISSION_ROWS = RowWriter(
    SubmissionSerializer,
    lambda: {
        "form": name_by_key(FormDefinition, "definition_id", "key"),
        "version": name_by_key(FormVersion, "version_id", "number"),
    },
)


class SubmissionCreateSerializer(serializers.Serializer):
    enterprise = serializers.IntegerField(
        help_text=_("The enterprise's id."), min_value=1, max_value=2**63 - 1
    )
    data = serializers.JSONField(
        help_text=_("The answers, keyed by question key (see the form's json_schema).")
    )


class AnswerErrorSerializer(serializers.Serializer):
    path = serializers.CharField(help_text=_("JSON Pointer into the request body."))
    keyword = serializers.CharField(help_text=_("The JSON-Schema keyword that failed."))
    reason = serializers.CharField(
        help_text=_("What is wrong, in the request's language.")
    )


class ErrorListSerializer(serializers.Serializer):
    errors = AnswerErrorSerializer(many=True)


class UploadSerializer(serializers.Serializer):
    enterprise = serializers.IntegerField(
        write_only=True, min_value=1, max_value=2**63 - 1
    )
    form = serializers.RegexField(
        r"^[a-z][a-z0-9_]{1,59}$",
        write_only=True,
        required=False,
        help_text=_(
            "The key of the form the file answers; when given, only who may "
            "fill that form may upload."
        ),
    )
    file = serializers.FileField(write_only=True)
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(read_only=True)
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)


def _body_errors(serializer_errors: dict, prefix: str = "") -> list[dict[str, str]]:
    found = []
    for name, messages in serializer_errors.items():
        for message in messages if isinstance(messages, list) else [messages]:
            found.append(
                {
                    "path": f"{prefix}/{name}",
                    "keyword": "request",
                    "reason": str(message),
                }
            )
    return found


_REFUSED = OpenApiResponse(
    description=_(
        "The caller may not submit for this enterprise (or it does not exist), or "
        "the form is not assigned to it."
    )
)
_NOT_FOUND = OpenApiResponse(description=_("No such form for the caller."))


# -- views -------------------------------------------------------------------------


class SubmissionPagination(KeysetPagination):
    # One query finds and reads the page: the row is plain columns and two
    # names by key (no joins), and a department's scope is the enterprise
    # ids of its industry links (``by_key``), so the planner walks
    # ``submission_order`` and stops after 51 rows; reading the page by key
    # afterwards (``join_page_only``) was one query more (docs/performance.md).
    join_page_only = False


@extend_schema_view(
    list=extend_schema(
        summary=_("The caller's published forms"),
        description=_(
            "Forms assigned to the caller's enterprise, or those the caller's "
            "department owns or may use, with the current version."
        ),
    ),
    retrieve=extend_schema(
        summary=_("One of the caller's forms"),
        responses={200: FormSerializer, 404: _NOT_FOUND},
    ),
)
class FormViewSet(viewsets.ReadOnlyModelViewSet):
    """Forms and checklists (表单与检查表)."""

    serializer_class = FormSerializer
    lookup_field = "key"
    lookup_value_regex = "[a-z][a-z0-9_]{1,59}"
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[FormDefinition]:
        forms = forms_for_caller(scope=scope_for(self.request.user))
        if self.action == "list" or (
            self.action == "submissions" and self.request.method == "GET"
        ):
            # Neither reads the draft's blocks nor the version's documents.
            forms = forms.defer(*VERSION_JSON)
        return forms

    @extend_schema(
        methods=["GET"],
        summary=_("Submissions of this form in the caller's scope"),
        parameters=[
            OpenApiParameter("enterprise", int, description=_("Only this enterprise.")),
            OpenApiParameter(
                "status",
                str,
                enum=list(SubmissionStatus.values),
                description=_("Only this status."),
            ),
        ],
        responses={200: SubmissionSerializer(many=True), 404: _NOT_FOUND},
    )
    @extend_schema(
        methods=["POST"],
        summary=_("Submit an answer to the current version"),
        request=SubmissionCreateSerializer,
        responses={
            201: SubmissionSerializer,
            400: ErrorListSerializer,
            403: _REFUSED,
            404: _NOT_FOUND,
        },
    )
    @action(detail=True, methods=["get", "post"], url_path="submissions")
    def submissions(self, request: Request, key: str | None = None) -> Response:
        definition = self.get_object()
        scope = scope_for(request.user)
        if request.method == "GET":
            return self._list_submissions(request, scope, definition)
        body = SubmissionCreateSerializer(data=request.data)
        if not body.is_valid():
            return Response(
                {"errors": _body_errors(body.errors)},
                status=status.HTTP_400_BAD_REQUEST,
            )
        enterprise = (
            scope.enterprises().filter(pk=body.validated_data["enterprise"]).first()
        )
        if enterprise is None:
            raise PermissionDenied(_("You may not submit for this enterprise."))
        try:
            submission = submission_submit(
                actor=request.user,
                version=definition.published_version,
                enterprise=enterprise,
                data=body.validated_data["data"],
            )
        except SubmissionRefused as exc:
            raise PermissionDenied(str(exc)) from None
        except AnswersInvalid as exc:
            errors = [
                {
                    "path": "/data" + error.pointer,
                    "keyword": error.keyword,
                    "reason": error.message,
                }
                for error in exc.errors
            ]
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        submission = Submission.objects.select_related("definition", "version").get(
            pk=submission.pk
        )
        return Response(
            SubmissionSerializer(submission).data, status=status.HTTP_201_CREATED
        )

    def _list_submissions(self, request, scope, definition) -> Response:
        filters = {}
        enterprise = request.query_params.get("enterprise")
        if enterprise:
            if parse_id(enterprise) is None:
                raise ApiValidationError({"enterprise": [_("Enter an enterprise id.")]})
            filters["enterprise"] = parse_id(enterprise)
        wanted_status = request.query_params.get("status")
        if wanted_status:
            if wanted_status not in SubmissionStatus.values:
                raise ApiValidationError({"status": [_("Unknown status.")]})
            filters["status"] = wanted_status
        submissions = submission_list(
            scope=scope, definition=definition, by_key=True, **filters
        )
        # Cursor pages (docs/api.md): deep pages cost what the first costs;
        # the page read as plain rows, written in the serializer's shape
        # (``SUBMISSION_ROWS``); a government scope's count kept.
        paginator = SubmissionPagination()
        paginator.count_seconds = kept_count_seconds(scope, request)
        page = paginator.paginate_queryset(
            submissions, request, view=self, read=SUBMISSION_ROWS.values
        )
        return paginator.get_paginated_response(SUBMISSION_ROWS.write(page))

    # After the actions: in the class body ``list`` is this method.
    def list(self, request: Request, *args, **kwargs) -> HttpResponseBase:
        """The JSON page is written around each version's stored documents
        (core.forms.api_rows); other formats go through the serializer."""
        if type(request.accepted_renderer) is not JSONRenderer:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        if page is None:
            return super().list(request, *args, **kwargs)
        envelope = dict(self.get_paginated_response([]).data)
        envelope.pop("results")
        return HttpResponse(
            forms_page_body(envelope, page), content_type="application/json"
        )


@extend_schema_view(
    create=extend_schema(
        summary=_("Upload a photo or file for an answer"),
        description=_(
            "Returns the reference to put in the answer (photos of a check item, "
            "or a file question). JPEG, PNG, WebP, PDF, Word and Excel files."
        ),
        request={"multipart/form-data": UploadSerializer},
        responses={
            201: UploadSerializer,
            400: OpenApiResponse(description=_("Bad file.")),
            403: _REFUSED,
        },
    )
)
class FormUploadViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Photos and files attached to answers."""

    serializer_class = UploadSerializer
    parser_classes = [MultiPartParser, FormParser]
    queryset = FormUpload.objects.none()
    filter_backends: list = []

    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = UploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        scope = scope_for(request.user)
        enterprise = (
            scope.enterprises()
            .filter(pk=serializer.validated_data["enterprise"])
            .first()
        )
        if enterprise is None:
            raise PermissionDenied(_("You may not submit for this enterprise."))
        definition = None
        key = serializer.validated_data.get("form")
        if key:
            definition = forms_for_caller(scope=scope).filter(key=key).first()
            if definition is None:
                raise PermissionDenied(_("This form is not available to you."))
        try:
            upload = upload_store(
                actor=request.user,
                enterprise=enterprise,
                file=serializer.validated_data["file"],
                definition=definition,
            )
        except SubmissionRefused as exc:
            raise PermissionDenied(str(exc)) from None
        except DjangoValidationError as exc:
            raise ApiValidationError(exc.message_dict) from None
        return Response(upload.as_reference(), status=status.HTTP_201_CREATED)
