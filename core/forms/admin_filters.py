"""The filters of the admin's submission list, shared by its Excel export.

Every choice comes from the user's scope: the forms they see
(``core.forms.policy``) and the enterprises they supervise
(``Scope.enterprises``), so a filter can never name what is out of scope.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.forms.models import FormDefinition, Kind, Submission, SubmissionStatus
from core.forms.policy import definitions_visible
from core.organizations.autocomplete import EnterpriseChooserFilter
from core.organizations.scope import scope_for


class SubmissionFilterSet(WagtailFilterSet):
    definition = django_filters.ModelChoiceFilter(
        label=_("form"), queryset=FormDefinition.objects.none()
    )
    version = django_filters.NumberFilter(
        label=_("version number"), field_name="version__number", min_value=1
    )
    enterprise = EnterpriseChooserFilter(label=_("enterprise"))
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=SubmissionStatus.choices
    )
    score_min = django_filters.NumberFilter(
        label=_("score at least"), field_name="score", lookup_expr="gte"
    )
    score_max = django_filters.NumberFilter(
        label=_("score at most"), field_name="score", lookup_expr="lte"
    )
    passed = django_filters.BooleanFilter(label=_("passed"))
    kind = django_filters.ChoiceFilter(
        label=_("kind"), choices=Kind.choices, field_name="definition__kind"
    )

    class Meta:
        model = Submission
        fields = ["definition", "version", "enterprise", "status", "passed"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        scope = scope_for(request.user if request is not None else None)
        # The options show titles only: not the drafts' blocks and schemas
        # (JSON decoded for every form on every request).
        self.filters["definition"].queryset = (
            definitions_visible(scope)
            .only("pk", "title_zh", "title_en")
            .order_by("title_zh")
        )
        self.filters["enterprise"].in_scope_of(request)


def filtered_submissions(request, submissions):
    """``submissions`` narrowed by the list's filters in ``request.GET``, as
    the list applies them (invalid filters are ignored, as Wagtail does)."""
    filterset = SubmissionFilterSet(request.GET, queryset=submissions, request=request)
    if filterset.is_valid():
        return filterset.filter_queryset(submissions)
    return submissions
