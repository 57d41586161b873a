"""Reads of the forms engine, each through the caller's scope.

``form_version_steps`` is what the portal's guided form is built from: the
steps of a version, each with its questions (UI description) and condition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from core.forms.models import (
    FormAssignment,
    FormDefinition,
    FormVersion,
    Submission,
    SubmissionDraft,
)
from core.organizations.models import Enterprise, Jurisdiction
from core.organizations.scope import Scope


def _ancestor_paths(path: str) -> list[str]:
    step = Jurisdiction.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def assignments_covering(enterprise: Enterprise) -> QuerySet[FormAssignment]:
    """Active assignments whose industry and territory include ``enterprise``."""
    industry_ids = list(enterprise.industries.values_list("pk", flat=True))
    path = (
        Jurisdiction.objects.filter(pk=enterprise.jurisdiction_id)
        .values_list("path", flat=True)
        .first()
        or ""
    )
    return FormAssignment.objects.filter(
        Q(industry__isnull=True) | Q(industry_id__in=industry_ids),
        Q(jurisdiction__isnull=True) | Q(jurisdiction__path__in=_ancestor_paths(path)),
        is_active=True,
        definition__published_version__isnull=False,
    )


def assignment_for(
    *, definition: FormDefinition, enterprise: Enterprise
) -> FormAssignment | None:
    """The (oldest active) assignment that gives ``definition`` to ``enterprise``."""
    return (
        assignments_covering(enterprise)
        .filter(definition=definition)
        .order_by("created_at", "pk")
        .first()
    )


def definitions_assigned_to(*, enterprise: Enterprise) -> QuerySet[FormDefinition]:
    """Published definitions assigned to ``enterprise``."""
    return FormDefinition.objects.filter(
        pk__in=assignments_covering(enterprise).values("definition_id")
    )


def forms_for_caller(*, scope: Scope) -> QuerySet[FormDefinition]:
    """Published forms of the caller: assigned to its enterprise (enterprise
    users), or those it sees in the admin (government users)."""
    from core.forms.policy import definitions_visible

    if scope.is_enterprise and scope.enterprise_id:
        enterprise = Enterprise.objects.filter(pk=scope.enterprise_id).first()
        if enterprise is None:
            return FormDefinition.objects.none()
        definitions = definitions_assigned_to(enterprise=enterprise)
    else:
        definitions = definitions_visible(scope)
    return (
        definitions.filter(published_version__isnull=False)
        .select_related("published_version", "industry")
        .order_by("key")
    )


def definition_list(
    *, scope: Scope, search: str | None = None, kind: str | None = None
) -> QuerySet[FormDefinition]:
    """Definitions for the admin list, loaded in a fixed number of queries."""
    from core.forms.policy import definitions_visible

    definitions = definitions_visible(scope).select_related(
        "industry", "department", "published_version"
    )
    if search:
        definitions = definitions.filter(
            Q(title_zh__icontains=search)
            | Q(title_en__icontains=search)
            | Q(key__icontains=search)
        )
    if kind:
        definitions = definitions.filter(kind=kind)
    return definitions


def submission_list(
    *,
    scope: Scope,
    definition: FormDefinition | None = None,
    enterprise: Enterprise | int | None = None,
    status: str | None = None,
    version: FormVersion | int | None = None,
    passed: bool | None = None,
) -> QuerySet[Submission]:
    """Submissions in scope with what a list shows (fixed number of queries)."""
    submissions = scope.filter(Submission.objects.all()).select_related(
        "definition", "version", "enterprise", "submitted_by"
    )
    if definition is not None:
        submissions = submissions.filter(definition=definition)
    if enterprise is not None:
        submissions = submissions.filter(enterprise=enterprise)
    if status:
        submissions = submissions.filter(status=status)
    if version is not None:
        submissions = submissions.filter(version=version)
    if passed is not None:
        submissions = submissions.filter(passed=passed)
    return submissions.order_by("-submitted_at", "-pk")


def submission_draft_get(
    *, version: FormVersion, enterprise: Enterprise, user
) -> SubmissionDraft | None:
    return SubmissionDraft.objects.filter(
        version=version, enterprise=enterprise, user=user
    ).first()


@dataclass(frozen=True)
class StepView:
    """One step of the guided form."""

    index: int
    key: str
    title: str
    description: str
    condition: dict[str, Any] | None
    questions: list[dict[str, Any]] = field(default_factory=list)


def form_version_steps(version: FormVersion | dict[str, Any]) -> list[StepView]:
    """The steps of a version (or a UI description), each with its questions.

    A group's question carries its fields' descriptions under ``"field_questions"``.
    """
    ui = version if isinstance(version, dict) else version.ui_schema
    questions = ui.get("questions", {})
    steps = []
    for index, step in enumerate(ui.get("steps", [])):
        items = []
        for key in step.get("questions", []):
            question = dict(questions[key])
            if question["type"] == "group":
                question["field_questions"] = [questions[k] for k in question["fields"]]
            items.append(question)
        steps.append(
            StepView(
                index=index,
                key=step["key"],
                title=step.get("title") or "",
                description=step.get("description") or "",
                condition=step.get("condition"),
                questions=items,
            )
        )
    return steps
