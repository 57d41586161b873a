"""Forms and checklists: definitions, immutable versions, assignments,
submissions with their revisions and reviews, drafts and uploads.

A ``FormDefinition`` is the editable draft (blocks in a StreamField).
Publishing freezes a ``FormVersion``; a submission points to the version it
answered, never to the definition's current blocks or a Wagtail revision
(autosave overwrites revisions in place). Writes go through
``core.forms.services``; who may see what is ``core.forms.policy``.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from core.base.models import (
    NamedRecord,
    NewestFirst,
    Timestamped,
    UpdatedAt,
    changed_stamp,
    choice_field,
    created_stamp,
    one_per,
    optional_date,
    optional_key,
    optional_moment,
    parent_key,
    user_stamp,
)
from core.forms.blocks import OptionListItemBlock, body_block
from core.organizations.models import Department, Enterprise, Industry, Jurisdiction

FORM_KEY_PATTERN = r"^[a-z][a-z0-9_]{1,59}$"
form_key_validator = RegexValidator(
    FORM_KEY_PATTERN,
    _(
        "A form key is 2-60 lowercase letters, digits or underscores and starts "
        "with a letter."
    ),
)


class Kind(models.TextChoices):
    CHECKLIST = "checklist", _("Checklist")
    FORM = "form", _("Data-collection form")


class Fillers(models.TextChoices):
    """Who fills a form for an enterprise (``Scope.can_fill_form`` decides)."""

    MANAGER = "manager", _("The enterprise's principal or safety manager")
    ASSIGNED_STAFF = "assigned_staff", _("Staff assigned to it, and the manager")
    MEMBERS = "members", _("Any member of the enterprise")


class FormHeader(models.Model):
    """What a form says of itself (its title in both languages, its kind,
    the version of the pack it came with): edited in a definition, frozen in
    each of its versions; shown by its title."""

    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    kind = choice_field(_("kind"), Kind)
    pack_version = models.CharField(_("pack version"), max_length=40, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The title in the active language, else in the other one."""
        language = (get_language() or "zh-hans").lower()
        zh, en = self.title_zh, self.title_en
        return (en or zh) if language.startswith("en") else (zh or en)


class FormDefinition(FormHeader, Timestamped):
    """A form or checklist as its owner edits it (the draft of the next version).

    Owned by a department, or provided by a pack (``pack`` set, no
    department): a pack original is rewritten by the pack sync and read-only in
    the admin; a department changes its own copy (``copied_from``).
    """

    key = models.CharField(
        _("key"),
        max_length=60,
        unique=True,
        validators=[form_key_validator],
        help_text=_(
            "A short fixed name of the form (lowercase letters, digits, _), used "
            "when data is exchanged with other systems; it cannot change once "
            "the form is published."
        ),
    )
    industry = optional_key(
        Industry, "form_definitions", _("industry"), on_delete=models.PROTECT
    )
    department = optional_key(
        Department, "form_definitions", _("owner department"), on_delete=models.PROTECT
    )
    pack = models.CharField(
        _("provided by pack"),
        max_length=100,
        blank=True,
        help_text=_("Set on a pack's original; empty for a department's form."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("A pack original is inactive while its pack is disabled."),
    )
    copied_from = optional_key("self", "copies", _("copied from"))
    body = StreamField(body_block(), verbose_name=_("questions and sections"))
    fillers = choice_field(
        _("who fills it"),
        Fillers,
        max_length=20,
        default=Fillers.MANAGER,
        help_text=_(
            "Who may fill and submit this form for an enterprise. Government "
            "users never fill an enterprise's forms."
        ),
    )
    scoring_rule = models.CharField(
        _("scoring rule"),
        max_length=40,
        default="sum",
        help_text=_(
            "How the overall score is computed: none, the sum of points, the "
            "weighted sum of section percentages, or a rule provided by a pack."
        ),
    )
    pass_mark = models.FloatField(
        _("pass mark"),
        null=True,
        blank=True,
        help_text=_("The submission passes when its score reaches this."),
    )
    fail_if_section_zeroed = models.BooleanField(
        _("fail when a section scores 0"),
        default=False,
        help_text=_("E.g. JGJ 59: any table scoring 0 fails the inspection."),
    )
    published_version = optional_key(
        "FormVersion", "+", _("published version"), editable=False
    )
    created_by = optional_key(settings.AUTH_USER_MODEL, "+", editable=False)

    class Meta:
        verbose_name = _("form definition")
        verbose_name_plural = _("form definitions")
        ordering = ["key"]
        constraints = [
            models.CheckConstraint(
                name="form_definition_has_an_owner",
                condition=~models.Q(department__isnull=True, pack=""),
            )
        ]

    @property
    def is_pack_original(self) -> bool:
        return bool(self.pack) and self.department_id is None

    def body_data(self) -> list[dict[str, Any]]:
        """The blocks as plain stream data (``[{"type", "value", "id"}]``)."""
        return self.body.get_prep_value()

    def scoring_settings(self) -> dict[str, Any]:
        return {
            "rule": self.scoring_rule,
            "pass_mark": self.pass_mark,
            "fail_if_section_zeroed": self.fail_if_section_zeroed,
        }

    def source_hash(self) -> str:
        """A fingerprint of what a version freezes, to tell unpublished changes."""
        return source_hash(
            blocks=self.body_data(),
            scoring=self.scoring_settings(),
            titles=(self.title_zh, self.title_en),
            kind=self.kind,
            fillers=self.fillers,
        )

    @property
    def has_unpublished_changes(self) -> bool:
        version = self.published_version
        return version is None or version.source_hash != self.source_hash()


def source_hash(*, blocks, scoring, titles, kind, fillers=Fillers.MANAGER) -> str:
    frozen = {"blocks": blocks, "scoring": scoring, "titles": titles, "kind": kind}
    # Only a non-default filler enters the fingerprint, so versions published
    # before forms declared their fillers keep matching their definitions.
    if fillers != Fillers.MANAGER:
        frozen["fillers"] = str(fillers)
    text = json.dumps(
        frozen,
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class FormVersion(FormHeader):
    """An immutable published version: what submissions answer and are shown with."""

    definition = parent_key(
        FormDefinition, "versions", _("definition"), on_delete=models.PROTECT
    )
    number = models.PositiveIntegerField(_("version"))
    fillers = choice_field(
        _("who fills it"), Fillers, max_length=20, default=Fillers.MANAGER
    )
    blocks = models.JSONField(_("frozen blocks"))
    json_schema = models.JSONField(_("JSON Schema"))
    ui_schema = models.JSONField(_("UI description"))
    scoring = models.JSONField(_("scoring plan"))
    source_hash = models.CharField(max_length=64, editable=False)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = user_stamp(_("published by"))

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["definition", "-number"]
        constraints = [
            one_per("definition", "number", name="form_version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.number}"

    def save(self, *args, **kwargs):
        # A version is frozen: answers are read back with the schema they met.
        if self.pk is not None:
            raise ValueError("A published FormVersion cannot be changed.")
        super().save(*args, **kwargs)


class Recurrence(models.TextChoices):
    NONE = "none", _("Once")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    YEARLY = "yearly", _("Every year")


class FormAssignment(NewestFirst):
    """A form given to the enterprises of an industry and/or a territory."""

    definition = parent_key(FormDefinition, "assignments", _("form"))
    department = optional_key(Department, "form_assignments", _("assigned by"))
    industry = optional_key(
        Industry,
        "form_assignments",
        _("enterprises of industry"),
        on_delete=models.PROTECT,
    )
    jurisdiction = optional_key(
        Jurisdiction,
        "form_assignments",
        _("enterprises in territory"),
        on_delete=models.PROTECT,
    )
    recurrence = choice_field(_("recurrence"), Recurrence, default="none")
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("For a one-off assignment; a recurring one is due each period."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_by = user_stamp()

    class Meta(NewestFirst.Meta):
        verbose_name = _("form assignment")
        verbose_name_plural = _("form assignments")
        constraints = [
            models.CheckConstraint(
                name="form_assignment_has_a_target",
                condition=~models.Q(industry__isnull=True, jurisdiction__isnull=True),
            )
        ]

    def __str__(self) -> str:
        target = " / ".join(str(t) for t in (self.industry, self.jurisdiction) if t)
        return f"{self.definition} → {target}"


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for correction")


class OptionList(NamedRecord, UpdatedAt):
    """A department's reusable list of answers (a response set: e.g. 合格 /
    不合格 / 不适用, each with a score and whether it counts as a finding),
    used by choice questions of many forms. A published version freezes the
    options it used; changing the list changes the drafts' next versions."""

    department = parent_key(
        Department, "option_lists", _("department"), on_delete=models.PROTECT
    )
    name = models.CharField(_("name"), max_length=100)
    options = StreamField(
        [("option", OptionListItemBlock())],
        min_num=2,
        verbose_name=_("options"),
    )

    class Meta:
        verbose_name = _("option list")
        verbose_name_plural = _("option lists")
        ordering = ["department", "name"]
        constraints = [
            one_per("department", "name", name="option_list_name_per_department")
        ]

    def option_values(self) -> list[dict]:
        """The options as choice questions freeze them."""
        found = []
        for item in self.options.raw_data:
            value = item.get("value") or {}
            found.append(
                {
                    "value": value.get("value"),
                    "label": value.get("label") or value.get("value"),
                    "score": value.get("score"),
                    "finding": bool(value.get("finding")),
                }
            )
        return found


class ScoredAnswers(models.Model):
    """Answers as submitted and what scoring made of them (score, pass,
    breakdown, findings, warnings): what a submission shows, and what each
    of its revisions keeps as it was."""

    data = models.JSONField(_("answers"))
    score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("maximum score"), null=True, blank=True)
    percent = models.FloatField(_("percent"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    breakdown = models.JSONField(_("score breakdown"), default=dict)
    findings = models.JSONField(_("findings"), default=list)
    warnings = models.JSONField(_("warnings"), default=list)

    class Meta:
        abstract = True


class Submission(ScoredAnswers):
    """A filled form of one enterprise; its latest revision is copied here."""

    definition = parent_key(
        FormDefinition, "submissions", _("form"), on_delete=models.PROTECT
    )
    version = parent_key(
        FormVersion, "submissions", _("version"), on_delete=models.PROTECT
    )
    enterprise = parent_key(
        Enterprise, "form_submissions", _("enterprise"), on_delete=models.PROTECT
    )
    assignment = optional_key(FormAssignment, "submissions", _("assignment"))
    period_start = optional_date(_("period"))
    status = choice_field(
        _("status"), SubmissionStatus, default=SubmissionStatus.SUBMITTED
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    findings = models.JSONField(
        _("findings"),
        default=list,
        help_text=_("Non-compliant check items that open a hazard, with grade."),
    )
    submitted_by = user_stamp(_("submitted by"), blank=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    reviewed_by = user_stamp(_("reviewed by"))
    reviewed_at = optional_moment(_("reviewed at"))
    review_comment = models.TextField(_("review comment"), blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["definition", "-submitted_at"]),
            # The lists' order, over a scope and within one enterprise
            # (docs/performance.md).
            models.Index(fields=["-submitted_at", "-id"], name="submission_order"),
            models.Index(
                fields=["enterprise", "-submitted_at", "-id"],
                name="submission_ent_order",
            ),
            # A form's submissions counted over a department's enterprises
            # (a sub-query): an index-only scan.
            models.Index(
                fields=["definition", "enterprise"], name="submission_def_ent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.definition_id}/{self.enterprise_id} #{self.pk}"


class SubmissionRevision(ScoredAnswers):
    """Every answer an enterprise submitted (first submission and corrections),
    with the review it received; never changed once the review is recorded."""

    submission = parent_key(Submission, "revisions")
    number = models.PositiveIntegerField(_("revision"))
    submitted_by = user_stamp(blank=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decision = models.CharField(
        _("review decision"),
        max_length=16,
        blank=True,
        choices=[
            (SubmissionStatus.ACCEPTED, _("Accepted")),
            (SubmissionStatus.RETURNED, _("Returned for correction")),
        ],
    )
    comment = models.TextField(_("review comment"), blank=True)
    reviewed_by = user_stamp()
    reviewed_at = optional_moment(_("reviewed at"))

    class Meta:
        verbose_name = _("submission revision")
        verbose_name_plural = _("submission revisions")
        ordering = ["submission", "number"]
        constraints = [
            one_per("submission", "number", name="submission_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} r{self.number}"


class SubmissionDraft(models.Model):
    """Answers in progress, kept on the server per (version, enterprise, user)
    so that nothing typed is lost with a session or a device."""

    version = parent_key(FormVersion, "drafts")
    enterprise = parent_key(Enterprise, "form_drafts")
    user = parent_key(settings.AUTH_USER_MODEL, "form_drafts")
    submission = optional_key(
        Submission,
        "drafts",
        on_delete=models.CASCADE,
        help_text=_("Set when the draft corrects a returned submission."),
    )
    assignment = optional_key(FormAssignment, "drafts")
    data = models.JSONField(_("answers"), default=dict)
    step = models.PositiveSmallIntegerField(_("current step"), default=0)
    created_at = created_stamp()
    updated_at = changed_stamp()

    class Meta:
        verbose_name = _("submission draft")
        verbose_name_plural = _("submission drafts")
        constraints = [
            one_per("version", "enterprise", "user", name="form_draft_unique")
        ]

    def __str__(self) -> str:
        return f"draft {self.version_id}/{self.enterprise_id}/{self.user_id}"


def upload_path(instance: FormUpload, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"forms/{instance.enterprise_id}/{instance.id}.{extension}"


class FormUpload(NamedRecord):
    """A photo or file attached to an answer; answers refer to it by id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enterprise = parent_key(Enterprise, "form_uploads")
    uploaded_by = user_stamp(blank=False)
    file = models.FileField(_("file"), upload_to=upload_path)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    created_at = created_stamp()

    class Meta:
        verbose_name = _("form upload")
        verbose_name_plural = _("form uploads")

    def as_reference(self) -> dict[str, Any]:
        """What an answer stores for this file."""
        return {
            "id": str(self.id),
            "name": self.name,
            "content_type": self.content_type,
            "size": self.size,
        }
