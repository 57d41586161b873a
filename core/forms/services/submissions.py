"""Writes of assignments, uploads, submissions, reviews and drafts."""

from __future__ import annotations

import datetime
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.forms.definition import FILE_TYPES
from core.forms.models import (
    Fillers,
    FormAssignment,
    FormDefinition,
    FormUpload,
    FormVersion,
    Recurrence,
    ScoredAnswers,
    Submission,
    SubmissionDraft,
    SubmissionRevision,
    SubmissionStatus,
)
from core.forms.scoring import ScoreResult, score_answers
from core.forms.selectors import assignment_for, period_start
from core.forms.services.errors import (
    AnswersInvalid,
    SubmissionRefused,
)
from core.forms.signals import submission_submitted
from core.forms.uploads import upload_content_check
from core.forms.validation import version_answers_validate
from core.organizations.models import Enterprise, Industry, Jurisdiction
from core.organizations.scope import Scope, scope_for

UPLOAD_MAX_BYTES = 20 * 1024 * 1024
DRAFT_MAX_BYTES = 5_000_000


# -- assignments -----------------------------------------------------------------


@transaction.atomic
def assignment_create(
    *,
    scope: Scope,
    definition: FormDefinition,
    industry: Industry | None = None,
    jurisdiction: Jurisdiction | None = None,
    recurrence: str = Recurrence.NONE,
    starts_on: datetime.date | None = None,
    due_date: datetime.date | None = None,
    user=None,
) -> FormAssignment:
    """Give a published form to the enterprises of an industry and/or territory
    within the assigning department's scope."""
    from core.forms.policy import assignment_target_problems, definitions_visible

    problems = assignment_target_problems(
        scope, industry=industry, jurisdiction=jurisdiction
    )
    if not definitions_visible(scope).filter(pk=definition.pk).exists():
        problems["definition"] = _("This form is not available to you.")
    elif definition.published_version_id is None:
        problems["definition"] = _("Publish the form before assigning it.")
    if recurrence not in Recurrence.values:
        problems["recurrence"] = _("Choose how often the form is due.")
    starts_on = starts_on or timezone.localdate()
    if due_date is not None and due_date < starts_on:
        problems["due_date"] = _("The due date cannot be before the start.")
    assignment = FormAssignment(
        definition=definition,
        department=scope.department,
        industry=industry,
        jurisdiction=jurisdiction,
        recurrence=recurrence,
        starts_on=starts_on,
        due_date=due_date,
        created_by=user,
    )
    if not problems:
        same = _identical_assignment(assignment)
        if same is not None:
            problems["__all__"] = _(
                "This form is already assigned to the same enterprises with the "
                "same recurrence and due date (since %(date)s); end that "
                "assignment first, or change the target or the dates."
            ) % {"date": same.starts_on.isoformat()}
    if problems:
        raise ValidationError(problems)
    assignment.save(force_insert=True)
    return assignment


#: What makes two active assignments the same: the form, the department that
#: gave it, the enterprises it goes to, how often and by when it is due.
SAME_ASSIGNMENT = (
    "definition",
    "department",
    "industry",
    "jurisdiction",
    "recurrence",
    "due_date",
)


def _identical_assignment(assignment: FormAssignment) -> FormAssignment | None:
    """Another active assignment the same as ``assignment`` (saved or not) in
    ``SAME_ASSIGNMENT`` (a pack's standing duty has no department and is not
    a department's own assignment)."""
    same = FormAssignment.objects.filter(
        is_active=True,
        **{
            field.attname: getattr(assignment, field.attname)
            for field in FormAssignment._meta.concrete_fields
            if field.name in SAME_ASSIGNMENT
        },
    )
    if assignment.pk is not None:
        same = same.exclude(pk=assignment.pk)
    return same.first()


@transaction.atomic
def assignment_end(*, actor, assignment: FormAssignment) -> FormAssignment:
    """Stop giving the form (submissions already made stay); only the
    department that made the assignment (or the committee) ends it."""
    from core.forms.policy import assignments_visible

    if not assignments_visible(scope_for(actor)).filter(pk=assignment.pk).exists():
        raise SubmissionRefused(_("You may not end this assignment."))
    assignment.is_active = False
    assignment.save(update_fields=["is_active"])
    return assignment


@transaction.atomic
def assignment_restore(*, actor, assignment: FormAssignment) -> FormAssignment:
    """Undo ending an assignment: the form is due again from where it was.
    Refused when an identical assignment has been made meanwhile."""
    from core.forms.policy import assignments_visible

    if not assignments_visible(scope_for(actor)).filter(pk=assignment.pk).exists():
        raise SubmissionRefused(_("You may not change this assignment."))
    if assignment.is_active:
        return assignment
    if _identical_assignment(assignment):
        raise ValidationError(
            _("An identical assignment has been made since; this one stays ended.")
        )
    assignment.is_active = True
    assignment.save(update_fields=["is_active"])
    return assignment


@transaction.atomic
def assignment_remind(*, actor, assignment: FormAssignment, url: str = "") -> int:
    """催办: tell the people who fill the form at each enterprise in the
    actor's scope that has not submitted it this period (in the app). A
    person already reminded of this assignment today is not told again.
    Returns how many enterprises were reminded."""
    from core.forms.policy import assignments_visible
    from core.forms.selectors import assignment_follow_up
    from core.notifications.models import Notification
    from core.notifications.services import notify
    from core.organizations.models import Membership, Role

    scope = scope_for(actor)
    if not assignment.is_active or (
        not assignments_visible(scope).filter(pk=assignment.pk).exists()
    ):
        raise SubmissionRefused(_("You may not send reminders for this assignment."))
    today = timezone.localdate()
    _start, rows = assignment_follow_up(scope=scope, assignment=assignment, today=today)
    missing = [row.enterprise.pk for row in rows if row.submission is None]
    if not missing:
        return 0
    published = assignment.definition.published_version
    fillers = (
        published.fillers if published is not None else assignment.definition.fillers
    )
    roles = [Role.ENTERPRISE_MANAGER]
    if fillers in (Fillers.ASSIGNED_STAFF, Fillers.MEMBERS):
        roles.append(Role.ENTERPRISE_STAFF)
    members = Membership.objects.filter(
        enterprise_id__in=missing, role__in=roles
    ).select_related("user")
    from django.contrib.contenttypes.models import ContentType

    already = set(
        Notification.objects.filter(
            target_type=ContentType.objects.get_for_model(FormAssignment),
            target_id=str(assignment.pk),
            created_at__date=today,
        ).values_list("recipient_id", flat=True)
    )
    # Stored as msgid and parameters: each recipient reads it in their own
    # language, whatever the sender's.
    definition = assignment.definition
    params: dict[str, Any] = {
        "title": {"zh-hans": definition.title_zh, "en": definition.title_en}
    }
    verb = gettext_noop("Reminder: please fill in and submit “%(title)s”.")
    if assignment.due_date:
        verb = gettext_noop("Reminder: please submit “%(title)s” by %(date)s.")
        params["date"] = assignment.due_date.isoformat()
    reminded = set()
    for member in members:
        if not member.user.is_active or member.user_id in already:
            continue
        notify(member.user, verb, assignment, url, actor=actor, params=params)
        reminded.add(member.enterprise_id)
    return len(reminded)


# -- uploads ---------------------------------------------------------------------


@transaction.atomic
def upload_store(
    *,
    actor,
    enterprise: Enterprise,
    file: UploadedFile,
    definition: FormDefinition | None = None,
) -> FormUpload:
    """Store a photo or file for an answer of ``enterprise``.

    Only who may write for the enterprise uploads (its members; never a
    government user); with ``definition``, only who may fill that form. The
    content is checked, not the name: an image is decoded and re-encoded
    (which also drops its metadata), a PDF must carry the PDF signature, an
    Office file must be the zip or OLE container it claims
    (``core.forms.uploads``).
    """
    scope = scope_for(actor)
    if not scope.can_write_for_enterprise(enterprise):
        raise SubmissionRefused(_("You may not attach files for this enterprise."))
    if definition is not None:
        version = definition.published_version
        fillers = version.fillers if version else definition.fillers
        if not scope.can_fill_form(enterprise, fillers):
            raise SubmissionRefused(_("You may not fill this form."))
    name = os.path.basename(file.name or "")[:255]
    extension = os.path.splitext(name)[1].lower()
    content_type = next(
        (types[extension] for types in FILE_TYPES.values() if extension in types), None
    )
    if content_type is None:
        raise ValidationError(
            {
                "file": _(
                    "This kind of file cannot be attached (use photos, PDF or Office)."
                )
            }
        )
    if (file.size or 0) > UPLOAD_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("The file is larger than %(mb)d MB.")
                % {"mb": UPLOAD_MAX_BYTES // 2**20}
            }
        )
    checked = upload_content_check(file=file, extension=extension)
    return FormUpload.objects.create(
        enterprise=enterprise,
        uploaded_by=actor,
        file=checked,
        name=name or "upload" + extension,
        content_type=content_type,
        size=checked.size or 0,
    )


# -- submissions -----------------------------------------------------------------


def _require_filler(scope: Scope, version: FormVersion, enterprise) -> None:
    pk = enterprise if isinstance(enterprise, int) else enterprise.pk
    if not scope.can_view_enterprise(pk):
        raise SubmissionRefused(_("You may not submit for this enterprise."))
    if not scope.can_fill_form(pk, version.fillers):
        if scope.is_government:
            raise SubmissionRefused(
                _(
                    "Government users do not fill an enterprise's forms: the "
                    "enterprise submits them."
                )
            )
        raise SubmissionRefused(
            _("This form is filled by the enterprise's principal or safety manager.")
            if version.fillers == Fillers.MANAGER
            else _("You may not fill this form.")
        )


def submission_permitted(
    *, actor, version: FormVersion, enterprise: Enterprise
) -> FormAssignment:
    """The assignment under which ``actor`` may fill ``version`` for
    ``enterprise``; else ``SubmissionRefused`` (a ``Refused``: 403).

    Who fills is the version's ``fillers`` (``Scope.can_fill_form``); the
    portal asks this before it opens the form, every service before it writes.
    """
    _require_filler(scope_for(actor), version, enterprise)
    assignment = assignment_for(definition=version.definition, enterprise=enterprise)
    if assignment is None:
        raise SubmissionRefused(_("This form is not assigned to this enterprise."))
    return assignment


def _findings(score: ScoreResult, plan: dict[str, Any]) -> list[dict[str, Any]]:
    grades = {
        item["key"]: item.get("hazard_grade")
        for section in plan.get("sections", [])
        for item in section.get("items", [])
    }
    return [
        {
            "key": item.key,
            "label": item.label,
            "section": item.section,
            "entry": item.entry,
            "grade": grades[item.key],
        }
        for item in score.items
        if item.result == "non_compliant" and grades.get(item.key)
    ]


def _evaluate(version: FormVersion, enterprise: Enterprise, data: Any):
    validated = version_answers_validate(
        version=version, data=data, enterprise=enterprise
    )
    if validated.errors:
        raise AnswersInvalid(validated.errors)
    score = score_answers(version.scoring, validated.data)
    return validated, score


#: What a submission and each of its revisions keep of an answer: the answers
#: and what scoring made of them (the fields of ``ScoredAnswers``).
SCORED_FIELDS = tuple(field.name for field in ScoredAnswers._meta.local_fields)


def first_revision(submission: Submission) -> SubmissionRevision:
    """The unsaved first revision of a stored ``submission``: its scored
    answers as they are, who submitted them and when.

    The service saves it with the submission; the demo and the benchmark
    world write many at once with ``bulk_create``.
    """
    return SubmissionRevision(
        submission=submission,
        number=1,
        submitted_by=submission.submitted_by,
        submitted_at=submission.submitted_at,
        **{name: getattr(submission, name) for name in SCORED_FIELDS},
    )


def _scored_fields(validated, score: ScoreResult, plan) -> dict[str, Any]:
    return {
        "data": validated.data,
        "score": score.score,
        "max_score": score.max_score,
        "percent": score.percent,
        "passed": score.passed,
        "breakdown": score.as_dict(),
        "findings": _findings(score, plan),
        "warnings": validated.warnings,
    }


@transaction.atomic
def submission_submit(
    *,
    actor,
    version: FormVersion,
    enterprise: Enterprise,
    data: Any,
) -> Submission:
    """Validate, score and store an answer to ``version`` for ``enterprise``.

    The portal and the API both call this. Raises ``SubmissionRefused`` when
    the caller may not submit for the enterprise or the form is not assigned
    to it, ``AnswersInvalid`` with every error when the answer does not fit the
    version; nothing is stored then. The caller's draft is removed.
    """
    assignment = submission_permitted(
        actor=actor, version=version, enterprise=enterprise
    )
    return submission_store(
        actor=actor,
        version=version,
        enterprise=enterprise,
        data=data,
        assignment=assignment,
        period=period_start(assignment, timezone.localdate()),
    )


def submission_store(
    *,
    actor,
    version: FormVersion,
    enterprise: Enterprise,
    data: Any,
    assignment: FormAssignment | None,
    period: Any = None,
    risk_point_id: int | None = None,
) -> Submission:
    """Validate, score and store an answer whose filling the caller has
    already permitted (``submission_submit``, or an inspection task's
    service, which checks the task's assignee). Raises ``AnswersInvalid``;
    removes the actor's draft of the version. Call it inside a transaction.
    ``risk_point_id`` is the point the answer was about (an inspection
    task's): the hazards its findings open are on that point.
    """
    user = actor
    validated, score = _evaluate(version, enterprise, data)
    fields = _scored_fields(validated, score, version.scoring)
    now = timezone.now()
    submission = Submission.objects.create(
        definition_id=version.definition_id,
        version=version,
        enterprise=enterprise,
        assignment=assignment,
        period_start=period,
        submitted_by=user,
        submitted_at=now,
        **fields,
    )
    first_revision(submission).save()
    # The hazards its findings open, in this same transaction: a failure
    # stores neither (core.forms.signals).
    submission_submitted.send(
        sender=Submission,
        actor=user,
        submission=submission,
        risk_point_id=risk_point_id,
    )
    SubmissionDraft.objects.filter(
        version=version, enterprise=enterprise, user=user
    ).delete()
    return submission


@transaction.atomic
def submission_resubmit(*, actor, submission: Submission, data: Any) -> Submission:
    """Correct a returned submission: a new revision, against the same version.

    Who may fill the version may correct it (not a post worker the manager's
    form, nor a department an enterprise's answer).
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require_filler(scope_for(actor), submission.version, submission.enterprise_id)
    user = actor
    if submission.status != SubmissionStatus.RETURNED:
        raise SubmissionRefused(
            _("Only a submission returned for correction can be corrected.")
        )
    version = submission.version
    validated, score = _evaluate(version, submission.enterprise, data)
    fields = _scored_fields(validated, score, version.scoring)
    now = timezone.now()
    number = submission.revision + 1
    SubmissionRevision.objects.create(
        submission=submission,
        number=number,
        submitted_by=user,
        submitted_at=now,
        **fields,
    )
    for name, value in fields.items():
        setattr(submission, name, value)
    submission.revision = number
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_by = user
    submission.submitted_at = now
    submission.save()
    SubmissionDraft.objects.filter(submission=submission, user=user).delete()
    return submission


@transaction.atomic
def submission_review(
    *, actor, submission: Submission, decision: str, comment: str = ""
) -> Submission:
    """Accept a submission, or return it with a comment for correction.

    The decision is recorded on the revision reviewed, so every revision keeps
    its review. Only the department that owns the form (for a pack original:
    the department that assigned it) reviews, and only what it may see
    (``Scope.can_review_definition``).
    """
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("definition", "assignment")
        .get(pk=submission.pk)
    )
    scope = scope_for(actor)
    reviewer = actor
    if not (
        scope.can_view_enterprise(submission.enterprise_id)
        and scope.can_review_definition(
            submission.definition,
            submission.assignment.department_id if submission.assignment else None,
        )
    ):
        raise SubmissionRefused(_("You may not review this submission."))
    if decision not in (SubmissionStatus.ACCEPTED, SubmissionStatus.RETURNED):
        raise ValidationError({"decision": _("Accept or return the submission.")})
    if decision == SubmissionStatus.RETURNED and not comment.strip():
        raise ValidationError({"comment": _("Say what must be corrected.")})
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(
            {"decision": _("This submission is not awaiting review.")}
        )
    now = timezone.now()
    # Saved, not updated in bulk, so the audit log records who reviewed it.
    revision = SubmissionRevision.objects.get(
        submission=submission, number=submission.revision
    )
    revision.decision, revision.comment = decision, comment
    revision.reviewed_by, revision.reviewed_at = reviewer, now
    revision.save(update_fields=["decision", "comment", "reviewed_by", "reviewed_at"])
    submission.status = decision
    submission.review_comment = comment
    submission.reviewed_by = reviewer
    submission.reviewed_at = now
    submission.save(
        update_fields=["status", "review_comment", "reviewed_by", "reviewed_at"]
    )
    return submission


# -- drafts ----------------------------------------------------------------------


@transaction.atomic
def submission_draft_save(
    *,
    actor,
    version: FormVersion,
    enterprise: Enterprise,
    data: dict[str, Any],
    step: int = 0,
    submission: Submission | None = None,
) -> SubmissionDraft:
    """Keep answers in progress on the server (not validated: a draft may be
    incomplete). One draft per version, enterprise and user."""
    import json

    _require_filler(scope_for(actor), version, enterprise)
    user = actor
    if not isinstance(data, dict):
        raise ValidationError({"data": _("The answers must be a JSON object.")})
    if len(json.dumps(data, default=str)) > DRAFT_MAX_BYTES:
        raise ValidationError({"data": _("The draft is too large.")})
    draft, _created = SubmissionDraft.objects.update_or_create(
        version=version,
        enterprise=enterprise,
        user=user,
        defaults={"data": data, "step": max(step, 0), "submission": submission},
    )
    return draft


@transaction.atomic
def submission_draft_discard(
    *, actor, version: FormVersion, enterprise: Enterprise
) -> None:
    """Drop the actor's own draft (nobody else's can be reached)."""
    SubmissionDraft.objects.filter(
        version=version, enterprise=enterprise, user=actor
    ).delete()
