"""What the portal's guided form fills: a version for an enterprise, or a correction.

The draft itself is the answer JSON in the ``SubmissionDraft`` row of the
version, enterprise and user, kept by the guided-entry storage
(``core.guided.storage``) through ``FormFillWizard``. Uploaded photos and
files are stored by ``services.upload_store`` while a step is validated and
the answer refers to them, so formtools' ``file_storage`` is not needed.

The wizard's prefix names what is filled:
``form_<key>_v<version>_e<enterprise>[_s<submission>]`` — formtools' default
prefix (the class name) would make two forms open at once share one state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from core.forms import services
from core.forms.builder import FormBuilder
from core.forms.models import FormVersion, Submission
from core.forms.selectors import (
    definitions_assigned_to,
    enterprise_submission,
    form_version_steps,
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
