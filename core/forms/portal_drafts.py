"""Where the portal's guided form keeps its state: the engine's ``SubmissionDraft``.

``SubmissionDraftStorage`` is a django-formtools storage that keeps the state
in the ``SubmissionDraft`` row of the version, enterprise and user, never in
the session: closing the browser, losing the connection or an expired
session loses nothing, and the user resumes on any device where they
stopped. The stored state *is the answer* (JSON keyed by question keys) and
the step the user was on; the form data of a step is derived from the answer
when formtools asks for it. Uploaded photos and files are stored by
``services.upload_store`` while a step is validated and the answer refers to
them, so formtools' ``file_storage`` is not needed.

The wizard's prefix is the identity of what is filled:
``form_<key>_v<version>_e<enterprise>[_s<submission>]`` — formtools' default
prefix (the class name) would make two forms open at once share one state.
The storage reads the prefix and resolves it through the user's scope again
(``fill_target``), so a forged prefix cannot reach another enterprise's draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage

from core.forms import services
from core.forms.builder import FormBuilder, answers_as_form_data
from core.forms.models import FormVersion, Submission
from core.forms.selectors import (
    definitions_assigned_to,
    enterprise_submission,
    form_version_steps,
    submission_draft_get,
)
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for
from core.portal.selectors import portal_enterprise

PREFIX = re.compile(
    r"^form_(?P<key>[a-z][a-z0-9_]*)_v(?P<number>\d+)_e(?P<enterprise>\d+)"
    r"(?:_s(?P<submission>\d+))?$"
)
REVIEW = "review"


def fill_prefix(
    *, key: str, number: int, enterprise_id: int, submission_id: int | None
) -> str:
    prefix = f"form_{key}_v{number}_e{enterprise_id}"
    return f"{prefix}_s{submission_id}" if submission_id else prefix


@dataclass(frozen=True)
class FillTarget:
    """What is being filled: a version for an enterprise, or the correction
    of a returned submission (which keeps the version it answered)."""

    version: FormVersion
    enterprise: Enterprise
    submission: Submission | None = None

    @property
    def prefix(self) -> str:
        return fill_prefix(
            key=self.version.definition.key,
            number=self.version.number,
            enterprise_id=self.enterprise.pk,
            submission_id=self.submission.pk if self.submission else None,
        )

    @cached_property
    def builder(self) -> FormBuilder:
        return FormBuilder(self.version.ui_schema, self.version.json_schema)

    @cached_property
    def steps(self):
        return form_version_steps(self.version)

    @cached_property
    def step_names(self) -> list[str]:
        # 1-based numbers: readable in the URL, and never formtools' "done".
        return [str(step.index + 1) for step in self.steps]

    def step_keys(self, name: str) -> list[str]:
        return [q["key"] for q in self.steps[self.step_names.index(name)].questions]


def fill_target(
    request, *, key: str, number: int, submission_id: int | None = None
) -> FillTarget:
    """The target the user may fill, else ``Http404`` (kept on the request:
    the view and its storage both ask).

    A new answer: a version of a form assigned to the user's enterprise. A
    correction: a submission of the user's enterprise (any status here; the
    view decides what may be done with it).
    """
    cache = request.__dict__.setdefault("_form_fill_targets", {})
    memo_key = (key, number, submission_id)
    if memo_key in cache:
        return cache[memo_key]
    scope = scope_for(request.user)
    enterprise = portal_enterprise(scope=scope)
    if enterprise is None:
        raise Http404
    submission = None
    if submission_id is not None:
        submission = enterprise_submission(
            scope=scope, enterprise=enterprise, pk=submission_id
        )
        if submission is None:
            raise Http404
        version = submission.version
        if (submission.definition.key, version.number) != (key, number):
            raise Http404
    else:
        definition = (
            definitions_assigned_to(enterprise=enterprise).filter(key=key).first()
        )
        version = (
            FormVersion.objects.select_related("definition")
            .filter(definition=definition, number=number)
            .first()
            if definition
            else None
        )
        if version is None:
            raise Http404
    # Who may fill it is the service's to say (a Refused is a 403).
    services.submission_permitted(
        actor=request.user, version=version, enterprise=enterprise
    )
    cache[memo_key] = FillTarget(
        version=version, enterprise=enterprise, submission=submission
    )
    return cache[memo_key]


class SubmissionDraftStorage(BaseStorage):
    """formtools storage in the engine's ``SubmissionDraft`` (not the session).

    The state is ``answers`` (the JSON answer so far) and ``step_index`` (the
    step the user is on; the number of steps means the review page). A step's
    form data is derived from the answer (``get_step_data``); files are
    already stored as uploads the answer refers to, so no step files are
    kept. After each request the draft is written through
    ``services.submission_draft_save`` when the state changed; a state never
    typed into leaves no row. ``conflict`` is the user's draft of the same
    version for the other purpose (a new answer versus a correction), which
    the view must settle before anything is written.
    """

    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        match = PREFIX.match(prefix)
        if match is None:
            raise Http404
        submission_id = match["submission"]
        self.target = fill_target(
            request,
            key=match["key"],
            number=int(match["number"]),
            submission_id=int(submission_id) if submission_id else None,
        )
        if self.target.enterprise.pk != int(match["enterprise"]):
            raise Http404
        self.draft = submission_draft_get(
            version=self.target.version,
            enterprise=self.target.enterprise,
            user=request.user,
        )
        own = self.target.submission.pk if self.target.submission else None
        self.conflict = (
            self.draft
            if self.draft is not None and self.draft.submission_id != own
            else None
        )
        if self.draft is not None and self.conflict is None:
            self.answers: dict[str, Any] = dict(self.draft.data)
            self.step_index = self.draft.step
        else:
            submission = self.target.submission
            self.answers = dict(submission.data) if submission else {}
            self.step_index = 0
        self.finished = False
        self.init_data()
        self._saved = self._snapshot()

    def _snapshot(self) -> tuple[dict[str, Any], int]:
        return dict(self.answers), self.step_index

    # -- formtools' storage API ---------------------------------------------------
    def _get_current_step(self):
        names = self.target.step_names
        return names[min(self.step_index, len(names) - 1)] if names else None

    def _set_current_step(self, step):
        names = self.target.step_names
        self.step_index = names.index(step) if step in names else 0

    @property
    def at_review(self) -> bool:
        return self.step_index >= len(self.target.step_names)

    def go_to_review(self) -> None:
        self.step_index = len(self.target.step_names)

    def get_step_data(self, step):
        if step not in self.target.step_names:
            return None
        data = answers_as_form_data(
            self.target.builder, self.answers, self.target.step_keys(step)
        )
        return MultiValueDict({f"{step}-{name}": v for name, v in data.items()})

    def set_step_data(self, step, cleaned_data):
        """Nothing to keep: the view puts the step's answers in ``answers``."""

    def get_step_files(self, step):
        return None

    def set_step_files(self, step, files):
        """Nothing to keep: files were stored as uploads the answer refers to."""

    def reset(self):
        self.answers, self.step_index = {}, 0
        self.init_data()

    def update_response(self, response):
        super().update_response(response)
        if self.finished or self.conflict or self._snapshot() == self._saved:
            return
        try:
            self.draft = services.submission_draft_save(
                actor=self.request.user,
                version=self.target.version,
                enterprise=self.target.enterprise,
                data=self.answers,
                step=self.step_index,
                submission=self.target.submission,
            )
        except (ValidationError, services.SubmissionRefused) as error:
            messages.error(self.request, " ".join(_messages_of(error)))
            return
        self._saved = self._snapshot()


def _messages_of(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]
