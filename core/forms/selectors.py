"""Reads of the forms engine, each through the caller's scope.

``form_version_steps`` is what the portal's guided form is built from: the
steps of a version, each with its questions (UI description) and condition.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms.models import (
    FormAssignment,
    FormDefinition,
    FormVersion,
    Recurrence,
    Submission,
    SubmissionDraft,
    SubmissionStatus,
)
from core.forms.questions import question_type
from core.organizations.models import Enterprise, Jurisdiction
from core.organizations.scope import Scope


def _ancestor_paths(path: str) -> list[str]:
    step = Jurisdiction.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def assignments_covering(enterprise: Enterprise) -> QuerySet[FormAssignment]:
    """Active assignments whose industry and territory include ``enterprise``.

    An inactive definition (the original of a disabled pack) is given to no one.
    The enterprise's industries are a sub-query; its jurisdiction's path is
    read from the enterprise when loaded with it (``select_related``), so an
    enterprise's forms cost one query, not three.
    """
    industry_ids = Enterprise.industries.through.objects.filter(
        enterprise_id=enterprise.pk
    ).values("industry_id")
    if Enterprise.jurisdiction.is_cached(enterprise):
        jurisdiction = enterprise.jurisdiction
        path = jurisdiction.path if jurisdiction is not None else ""
    else:
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
        definition__is_active=True,
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
        enterprise = (
            Enterprise.objects.select_related("jurisdiction")
            .filter(pk=scope.enterprise_id)
            .first()
        )
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


VERSION_JSON = (
    "version__blocks",
    "version__json_schema",
    "version__ui_schema",
    "version__scoring",
)
ANSWER_JSON = ("data", "breakdown", "findings", "warnings")


def submission_list(
    *,
    scope: Scope,
    definition: FormDefinition | None = None,
    enterprise: Enterprise | int | None = None,
    status: str | None = None,
    version: FormVersion | int | None = None,
    passed: bool | None = None,
    without_answers: bool = False,
    by_key: bool = False,
) -> QuerySet[Submission]:
    """Submissions in scope with what a list shows (fixed number of queries).

    The order (newest first) is served by an index over the scope and within
    one enterprise; the version's JSON (blocks, schemas, scoring plan) is not
    read, nor, ``without_answers``, the submission's own (answers, breakdown,
    findings, warnings) — a list shows neither. ``by_key``: a department's
    scope as the enterprise ids of its industry links (``Scope.filter_by_key``:
    the same rows, one relation less to plan in each of a page's queries).
    """
    scoped = scope.filter_by_key if by_key else scope.filter
    submissions = (
        scoped(Submission.objects.all())
        .select_related("definition", "version", "enterprise", "submitted_by")
        .defer(*VERSION_JSON)
    )
    if without_answers:
        submissions = submissions.defer(*ANSWER_JSON)
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
            if question_type(question["type"]).container:
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


# -- the portal's list of forms and a department's follow-up ------------------------


def period_start(
    assignment: FormAssignment, today: datetime.date
) -> datetime.date | None:
    """The first day of the assignment's period that contains ``today``."""
    recurrence = assignment.recurrence
    if recurrence == Recurrence.NONE:
        return None
    if recurrence == Recurrence.DAILY:
        return today
    if recurrence == Recurrence.WEEKLY:
        return today - datetime.timedelta(days=today.weekday())
    if recurrence == Recurrence.MONTHLY:
        return today.replace(day=1)
    if recurrence == Recurrence.QUARTERLY:
        return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    return today.replace(month=1, day=1)


def period_end(recurrence: str, start: datetime.date | None) -> datetime.date | None:
    """The last day of the period that begins on ``start`` (None for "once")."""
    if start is None or recurrence == Recurrence.NONE:
        return None
    if recurrence == Recurrence.DAILY:
        return start
    if recurrence == Recurrence.WEEKLY:
        return start + datetime.timedelta(days=6)
    months_of: dict[str, int] = {Recurrence.MONTHLY: 1, Recurrence.QUARTERLY: 3}
    months = months_of.get(recurrence, 12)
    month = start.month - 1 + months
    following = datetime.date(start.year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _in_period(assignment: FormAssignment, start: datetime.date | None) -> Q:
    """Submissions that count for the assignment's current period.

    A recurring period is the ``period_start`` the submission recorded; a
    one-off assignment counts what was submitted since it started.
    """
    if start is not None:
        return Q(period_start=start)
    starts = timezone.make_aware(
        datetime.datetime.combine(assignment.starts_on, datetime.time.min)
    )
    return Q(period_start__isnull=True, submitted_at__gte=starts)


# Heavy JSON the lists never read.
_DEFINITION_HEAVY = ("definition__body",)
_VERSION_HEAVY = ("blocks", "json_schema", "ui_schema", "scoring")


class FormState(models.TextChoices):
    """Where an enterprise stands with an assigned form in the current period."""

    RETURNED = "returned", _("Returned for correction")
    OVERDUE = "overdue", _("Overdue")
    IN_PROGRESS = "in_progress", _("Draft in progress")
    DUE = "due", _("Not submitted yet")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    ACCEPTED = "accepted", _("Accepted")


_STATE_ORDER = list(FormState.values)


@dataclass
class AssignedForm:
    """One form assigned to the enterprise, as the portal's list shows it."""

    definition: FormDefinition
    assignment: FormAssignment
    period_start: datetime.date | None
    period_end: datetime.date | None
    due_date: datetime.date | None
    submission: Submission | None = None
    returned: Submission | None = None
    draft: SubmissionDraft | None = None
    state: str = FormState.DUE
    #: Whether the user may fill it (the version's ``fillers``); a post worker
    #: sees the manager's forms and their state, without the buttons.
    can_fill: bool = True

    @property
    def version(self) -> FormVersion | None:
        return self.definition.published_version

    @property
    def state_label(self) -> str:
        return str(FormState(self.state).label)


def assigned_forms(
    *, scope: Scope, enterprise: Enterprise, user, today: datetime.date
) -> list[AssignedForm]:
    """The forms assigned to ``enterprise`` with their state this period, the
    returned submissions to correct first, in a fixed number of queries.

    ``draft`` is the user's draft of a new submission (of any version of the
    form: a draft begun before a new version was published is resumed as it
    was); a returned submission's correction draft is not listed here.
    """
    if not scope.is_enterprise or scope.enterprise_id != enterprise.pk:
        return []
    assignments: dict[int, FormAssignment] = {}
    covering = (
        assignments_covering(enterprise)
        .select_related("definition__published_version")
        .defer(
            *_DEFINITION_HEAVY,
            *(f"definition__published_version__{name}" for name in _VERSION_HEAVY),
        )
        .order_by("created_at", "pk")
    )
    for assignment in covering:
        # The oldest active assignment is the one a submission records.
        assignments.setdefault(assignment.definition_id, assignment)
    if not assignments:
        return []
    rows: dict[int, AssignedForm] = {}
    counts = Q(pk__in=[])
    for definition_id, assignment in assignments.items():
        published = assignment.definition.published_version
        if published is None:  # withdrawn: nothing can be filled
            continue
        start = period_start(assignment, today)
        end = period_end(assignment.recurrence, start)
        rows[definition_id] = AssignedForm(
            definition=assignment.definition,
            assignment=assignment,
            period_start=start,
            period_end=end,
            due_date=end or assignment.due_date,
            can_fill=scope.can_fill_form(enterprise, published.fillers),
        )
        counts |= Q(definition_id=definition_id) & _in_period(assignment, start)
    submissions = (
        scope.filter(Submission.objects.filter(enterprise=enterprise))
        .filter(counts | Q(status=SubmissionStatus.RETURNED, definition_id__in=rows))
        .select_related("version")
        .defer(*(f"version__{name}" for name in _VERSION_HEAVY))
        .order_by("-submitted_at", "-pk")
    )
    for submission in submissions:
        row = rows[submission.definition_id]
        if submission.status == SubmissionStatus.RETURNED and row.returned is None:
            row.returned = submission
        if row.submission is None and submission.status != SubmissionStatus.RETURNED:
            row.submission = submission
    drafts = (
        SubmissionDraft.objects.filter(
            enterprise=enterprise,
            user=user,
            submission__isnull=True,
            version__definition_id__in=rows,
        )
        .select_related("version")
        .defer("data", *(f"version__{name}" for name in _VERSION_HEAVY))
        .order_by("-updated_at")
    )
    for draft in drafts:  # newest first: keep the newest of each form
        row = rows[draft.version.definition_id]
        row.draft = row.draft or draft
    for row in rows.values():
        row.state = _state(row, today)
    return sorted(
        rows.values(),
        key=lambda r: (
            _STATE_ORDER.index(r.state),
            r.due_date or datetime.date.max,
            r.definition.title,
        ),
    )


def _state(row: AssignedForm, today: datetime.date) -> str:
    if row.returned is not None:
        return FormState.RETURNED
    if row.submission is not None:
        if row.submission.status == SubmissionStatus.ACCEPTED:
            return FormState.ACCEPTED
        return FormState.SUBMITTED
    if row.due_date is not None and row.due_date < today:
        return FormState.OVERDUE
    if row.draft is not None:
        return FormState.IN_PROGRESS
    return FormState.DUE


def enterprise_submissions(
    *, scope: Scope, enterprise: Enterprise, definition: FormDefinition | None = None
) -> QuerySet[Submission]:
    """The enterprise's submissions (newest first) for its portal history."""
    submissions = (
        scope.filter(Submission.objects.filter(enterprise=enterprise))
        .select_related("definition", "version", "submitted_by")
        .defer(
            *_DEFINITION_HEAVY,
            "data",
            "breakdown",
            *(f"version__{name}" for name in _VERSION_HEAVY),
        )
    )
    if definition is not None:
        submissions = submissions.filter(definition=definition)
    return submissions.order_by("-submitted_at", "-pk")


def enterprise_submission(
    *, scope: Scope, enterprise: Enterprise, pk: int
) -> Submission | None:
    """One submission of the enterprise in scope (None: not found, or not yours)."""
    return (
        scope.filter(Submission.objects.filter(enterprise=enterprise))
        .select_related("definition", "version", "submitted_by", "reviewed_by")
        .filter(pk=pk)
        .first()
    )


@dataclass
class EnterpriseFollowUp:
    """An enterprise covered by an assignment, and its latest submission of
    the current period (None: not submitted)."""

    enterprise: Enterprise
    submission: Submission | None


def assignment_follow_up(
    *, scope: Scope, assignment: FormAssignment, today: datetime.date
) -> tuple[datetime.date | None, list[EnterpriseFollowUp]]:
    """Who in the user's scope has (not) submitted the assignment's form this
    period: the period's start and one row per enterprise, those that have not
    submitted first. Two queries, whatever the number of enterprises."""
    start = period_start(assignment, today)
    enterprises = scope.enterprises()
    if assignment.industry_id is not None:
        enterprises = enterprises.filter(
            pk__in=Enterprise.industries.through.objects.filter(
                industry_id=assignment.industry_id
            ).values("enterprise_id")
        )
    jurisdiction = assignment.jurisdiction
    if jurisdiction is not None:
        enterprises = enterprises.filter(
            jurisdiction__path__startswith=jurisdiction.path
        )
    listed = list(enterprises.select_related("jurisdiction").order_by("name"))
    latest: dict[int, Submission] = {}
    submissions = (
        Submission.objects.filter(
            _in_period(assignment, start),
            definition_id=assignment.definition_id,
            enterprise_id__in=[e.pk for e in listed],
        )
        .select_related("submitted_by")
        .only(
            "pk",
            "enterprise_id",
            "status",
            "score",
            "max_score",
            "submitted_at",
            "revision",
            "submitted_by__username",
            "submitted_by__first_name",
            "submitted_by__last_name",
        )
        .order_by("-submitted_at", "-pk")
    )
    for submission in submissions:
        latest.setdefault(submission.enterprise_id, submission)
    rows = [EnterpriseFollowUp(e, latest.get(e.pk)) for e in listed]
    rows.sort(key=lambda row: row.submission is not None)
    return start, rows
