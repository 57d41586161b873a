"""The guided filling of a form in the portal (django-formtools).

One step per step of the version's UI description (a section, or a run of
questions outside sections); a section whose condition is not met is left
out through formtools' ``condition_dict``. Each step's form is the engine's
``FormBuilder(...).get_form_class(step=i)``, which validates the merged answer
with the very check of the API and puts each error at its field. The state
is the answer JSON in the user's ``SubmissionDraft``, kept by the guided-entry
framework's storage (``core.guided``), never in the session.

Navigation is the framework's: "back", a step of the progress bar and "save
draft" keep what was typed on the current step, valid or not; the answer is
submitted from a review page by a POST.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.forms import services
from core.forms.builder import answers_as_form_data
from core.forms.definition import condition_met
from core.forms.display import answer_rows
from core.forms.models import Submission, SubmissionStatus
from core.forms.portal_drafts import REVIEW, FillTarget, fill_target
from core.forms.scoring import score_answers
from core.forms.selectors import enterprise_submission, submission_draft_get
from core.forms.validation import answers_prune_hidden, version_answers_validate
from core.guided.views import GuidedWizard

__all__ = ["REVIEW", "FormFillWizard"]


def _step_shown(step, wizard: FormFillWizard) -> bool:
    return condition_met(step.condition, wizard.storage.canonical)


class FormFillWizard(GuidedWizard):
    """Fill a form assigned to the enterprise, or correct a returned submission.

    Enterprise users only (the safety manager and staff alike may fill);
    everything is looked up through the user's scope, so another enterprise's
    form, draft or submission is a 404. The canonical data is the answer JSON
    (``SubmissionDraft.data``); a correction starts from the answer of the
    revision being corrected.
    """

    # Replaced per request by the steps of the version being filled.
    form_list = [("1", forms.Form)]
    template_name = "forms/portal/fill.html"
    government_to = "wagtailadmin_home"
    saved_draft_url = "forms_portal:list"

    @property
    def saved_draft_message(self) -> str:
        return _(
            "Your draft was saved. Continue it from “Checklists and forms” on any device."
        )

    # -- who, what --------------------------------------------------------------------
    def setup_entry(self, **kwargs) -> None:
        self.target = self.resolve_target(**kwargs)
        self.form_list = OrderedDict(
            (name, self.target.builder.get_form_class(step=index))
            for index, name in enumerate(self.target.step_names)
        )
        self.condition_dict = {
            name: partial(_step_shown, step)
            for name, step in zip(
                self.target.step_names, self.target.steps, strict=True
            )
        }
        self.draft = submission_draft_get(
            version=self.target.version,
            enterprise=self.enterprise,
            user=self.request.user,
        )
        own = self.correcting.pk if self.correcting else None
        # The user's draft of this version for the other purpose (a new answer
        # versus a correction), which must be settled before anything is written.
        self.conflict = (
            self.draft
            if self.draft is not None and self.draft.submission_id != own
            else None
        )

    def resolve_target(self, **kwargs) -> FillTarget:
        if "submission_pk" in kwargs:
            submission = enterprise_submission(
                scope=self.scope, enterprise=self.enterprise, pk=kwargs["submission_pk"]
            )
            if submission is None:
                raise Http404
            return fill_target(
                self.request,
                key=submission.definition.key,
                number=submission.version.number,
                submission_id=submission.pk,
            )
        return fill_target(self.request, key=kwargs["key"], number=kwargs["number"])

    @property
    def correcting(self) -> Submission | None:
        return self.target.submission

    def get_prefix(self, request, *args, **kwargs):
        # formtools' default (the class name) would be shared by every form.
        return self.target.prefix

    def get_step_url(self, step):
        if self.correcting:
            return reverse(
                "forms_portal:correct_step",
                kwargs={"submission_pk": self.correcting.pk, "step": step},
            )
        return reverse(
            "forms_portal:fill_step",
            kwargs={
                "key": self.target.version.definition.key,
                "number": self.target.version.number,
                "step": step,
            },
        )

    # -- the draft: the answer JSON ------------------------------------------------------
    def draft_load(self):
        if self.draft is None or self.conflict is not None:
            return None
        names = self.target.step_names
        step = names[self.draft.step] if self.draft.step < len(names) else REVIEW
        return dict(self.draft.data), step

    def draft_initial(self) -> dict[str, Any]:
        # A correction starts from every answer of the revision corrected.
        return dict(self.correcting.data) if self.correcting else {}

    def draft_write(self, data: dict[str, Any], step: str) -> bool:
        if self.conflict is not None:
            return False
        names = self.target.step_names
        index = names.index(step) if step in names else len(names)
        try:
            self.draft = services.submission_draft_save(
                actor=self.request.user,
                version=self.target.version,
                enterprise=self.target.enterprise,
                data=data,
                step=index if step else 0,
                submission=self.target.submission,
            )
        except (ValidationError, services.SubmissionRefused) as error:
            messages.error(self.request, " ".join(_messages_of(error)))
            return False
        return True

    def step_form_data(self, step: str, data: dict[str, Any]) -> dict | None:
        if step not in self.target.step_names:
            return None
        return answers_as_form_data(
            self.target.builder, data, self.target.step_keys(step)
        )

    def refusal(self):
        """A response when this cannot be filled now, else None."""
        if self.conflict is not None:
            if self.conflict.submission_id:
                messages.info(
                    self.request,
                    _(
                        "You are correcting a returned submission of this form; "
                        "finish the correction first."
                    ),
                )
                return redirect(
                    "forms_portal:correct", submission_pk=self.conflict.submission_id
                )
            messages.info(
                self.request,
                _(
                    "You have a draft of a new submission of this form version; "
                    "submit or discard it before correcting this one."
                ),
            )
            return redirect("forms_portal:list")
        submission = self.correcting
        if submission is not None and submission.status != SubmissionStatus.RETURNED:
            messages.info(
                self.request, _("This submission is not open for correction.")
            )
            return redirect("forms_portal:submission", pk=submission.pk)
        definition = self.target.version.definition
        if (
            submission is None
            and self.draft is None
            and self.target.version.pk != definition.published_version_id
        ):
            # No draft keeps this older version alive: start on the current one.
            return redirect("forms_portal:start", key=definition.key)
        return None

    # -- forms --------------------------------------------------------------------------
    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        form_class = self.form_list[step]
        return form_class(
            data=data,
            files=files,
            prefix=self.get_form_prefix(step, form_class),
            prior_answers=self.storage.canonical,
            initial_answers=self.storage.canonical if data is None else None,
            enterprise=self.enterprise,
            upload_handler=self.store_upload,
        )

    def store_upload(self, file):
        return services.upload_store(
            actor=self.request.user,
            enterprise=self.enterprise,
            file=file,
            definition=self.target.version.definition,
        )

    def absorb(self, step: str, form) -> bool:
        """Put what ``form`` holds into the draft: the step's answers when it
        is valid, else those of its fields that are valid on their own."""
        valid = form.is_valid()
        if valid:
            answers = form.answers
        else:
            keys = set(self.target.step_keys(step))
            answers = {k: v for k, v in self.storage.canonical.items() if k not in keys}
            answers.update(form.partial_answers())
            form.keep_stored_files()
        self.storage.canonical = answers_prune_hidden(
            self.target.version.ui_schema, answers
        )
        # Which sections are shown may have changed with the answer.
        for name in ("_resolved_form_list", "_cache_signature"):
            self.__dict__.pop(name, None)
        return valid

    # -- navigation ------------------------------------------------------------------
    def open_data(self, step: str):
        # "?check" shows the errors the answer has on this step; otherwise the
        # step opens with the answers given so far and no error noise.
        if "check" in self.request.GET:
            return self.storage.get_step_data(step)
        return None

    @property
    def at_review(self) -> bool:
        return self.storage.step == REVIEW

    def after_last_step(self):
        self.storage.current_step = REVIEW
        return redirect(self.get_step_url(REVIEW))

    def render_done_step(self):
        return self.render_review()

    def post_done_step(self):
        return self.submit()

    def to_first_error(self, errors) -> Any:
        """Send the user to the first step with an error, shown at its field."""
        questions = self.target.version.ui_schema.get("questions", {})
        step_keys = [step.key for step in self.target.steps]
        shown = self.get_form_list()
        for error in errors:
            question = questions.get(error.path[0]) if error.path else None
            if question is None or question.get("step") not in step_keys:
                continue
            name = self.target.step_names[step_keys.index(question["step"])]
            if name in shown:
                messages.error(
                    self.request,
                    _("Some answers are missing or wrong; they are marked below."),
                )
                return self.render_revalidation_failure(name, None)
        return None

    # -- review and submission --------------------------------------------------------
    def render_review(self):
        answers = answers_prune_hidden(
            self.target.version.ui_schema, self.storage.canonical
        )
        validated = version_answers_validate(
            version=self.target.version, data=answers, enterprise=self.enterprise
        )
        if validated.errors:
            redirected = self.to_first_error(validated.errors)
            if redirected is not None:
                return redirected
        self.storage.current_step = REVIEW
        rows = answer_rows(self.target.version.ui_schema, validated.data)
        progress = self.progress()
        # What the form's scoring rule says about these answers, before they
        # are submitted (they are stored either way).
        score = (
            None
            if validated.errors
            else score_answers(self.target.version.scoring, validated.data)
        )
        return self.render_page(
            "forms/portal/review.html",
            {
                "progress": progress,
                "rows_by_step": _rows_by_step(rows, progress),
                "problems": [e.message for e in validated.errors],
                "warnings": validated.warnings,
                "score_error": score.error if score else None,
            },
        )

    def submit(self):
        answers = answers_prune_hidden(
            self.target.version.ui_schema, self.storage.canonical
        )
        try:
            if self.correcting:
                submission = services.submission_resubmit(
                    actor=self.request.user, submission=self.correcting, data=answers
                )
            else:
                submission = services.submission_submit(
                    actor=self.request.user,
                    version=self.target.version,
                    enterprise=self.enterprise,
                    data=answers,
                )
        except services.AnswersInvalid as invalid:
            return self.to_first_error(invalid.errors) or redirect(
                self.get_step_url(self.done_step_name)
            )
        except services.SubmissionRefused as refused:
            messages.error(self.request, str(refused))
            return redirect("forms_portal:list")
        # The service removed the draft; nothing is written back.
        self.storage.finished = True
        messages.success(self.request, _submitted_message(submission))
        return redirect("forms_portal:submission", pk=submission.pk)

    # -- rendering ------------------------------------------------------------------
    def progress(self) -> list[dict[str, Any]]:
        """The shown steps for the progress bar, with their state."""
        shown = list(self.get_form_list())
        at_review = self.at_review
        current = None if at_review else self.steps.current
        current_index = len(shown) if at_review else _index(shown, current)
        answered = set(self.storage.canonical)
        items = []
        for number, name in enumerate(shown, start=1):
            step = self.target.steps[self.target.step_names.index(name)]
            keys = {q["key"] for q in step.questions}
            items.append(
                {
                    "name": name,
                    "number": number,
                    "title": step.title or _("Step %(number)d") % {"number": number},
                    "description": step.description,
                    "current": name == current,
                    "done": number - 1 < current_index or bool(keys & answered),
                    "url": self.get_step_url(name),
                    "keys": keys,
                }
            )
        return items

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        progress = self.progress()
        current = next((item for item in progress if item["current"]), progress[0])
        context.update(
            {
                "progress": progress,
                "step": current,
                "has_errors": form.is_bound and bool(form.errors),
                "is_last": self.get_next_step() is None,
                "condition_answers": self.condition_answers(form),
            }
        )
        return context

    def condition_answers(self, form) -> dict[str, Any]:
        """Answers of other steps that this step's conditions refer to (the
        script decides with them what to show)."""
        keys = set()
        questions = self.target.version.ui_schema.get("questions", {})
        for key in form.question_keys:
            for child in [key, *questions[key].get("fields", [])]:
                condition = questions[child].get("condition") or {}
                keys.update(test["key"] for test in condition.get("all", []))
        return {
            k: self.storage.canonical[k] for k in keys if k in self.storage.canonical
        }

    def base_context(self) -> dict[str, Any]:
        version = self.target.version
        return {
            "version": version,
            "definition": version.definition,
            "correcting": self.correcting,
            "draft": self.draft,
            "discard_url": (
                reverse(
                    "forms_portal:discard_correction",
                    kwargs={"submission_pk": self.correcting.pk},
                )
                if self.correcting
                else reverse(
                    "forms_portal:discard",
                    kwargs={"key": version.definition.key, "number": version.number},
                )
            ),
            "review_url": self.get_step_url(self.done_step_name),
        }

    def render_page(self, template: str, context: dict[str, Any], status: int = 200):
        return super().render_page(
            template, {**self.base_context(), **context}, status=status
        )

    def render_to_response(self, context, **response_kwargs):
        # A step shown again with its problems answers 400.
        return self.render_page(
            self.template_name,
            context,
            status=400 if context.get("has_errors") else 200,
        )


def _index(names: list[str], name: str | None) -> int:
    return names.index(name) if name in names else 0


def _rows_by_step(rows, progress) -> list[dict[str, Any]]:
    """The answer rows under the steps they belong to (shown steps only)."""
    return [
        {"step": item, "rows": [row for row in rows if row.key in item["keys"]]}
        for item in progress
    ]


def _submitted_message(submission: Submission) -> str:
    if submission.score is None:
        return _("Submitted. The answers were stored with version %(number)d.") % {
            "number": submission.version.number
        }
    return _(
        "Submitted. Score %(score)s of %(max)s; stored with version %(number)d."
    ) % {
        "score": f"{submission.score:g}",
        "max": f"{submission.max_score:g}" if submission.max_score else "—",
        "number": submission.version.number,
    }


def _messages_of(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]
