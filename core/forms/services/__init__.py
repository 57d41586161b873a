"""Writes of the forms engine; each service is one transaction.

Portal and API call the same services: ``submission_submit`` validates the
whole answer against the version (``core.forms.validation``), scores it and
stores the submission with its first revision; ``submission_draft_save`` keeps
answers in progress on the server. Refusals raise ``SubmissionRefused`` (who
may not) or ``AnswersInvalid`` (what is wrong, by path); nothing is stored then.
"""

from core.forms.services.definitions import (
    FormSyncResult,
    block_error_problems,
    compile_for,
    definition_check,
    definition_copy,
    definition_create,
    definition_publish,
    definition_update_blocks,
    form_definitions_sync,
)
from core.forms.services.errors import (
    AnswersInvalid,
    DefinitionInvalid,
    SubmissionRefused,
)
from core.forms.services.submissions import (
    DRAFT_MAX_BYTES,
    SCORED_FIELDS,
    UPLOAD_MAX_BYTES,
    assignment_create,
    assignment_end,
    assignment_remind,
    assignment_restore,
    first_revision,
    period_start,
    submission_draft_discard,
    submission_draft_save,
    submission_permitted,
    submission_resubmit,
    submission_review,
    submission_store,
    submission_submit,
    upload_store,
)

__all__ = [
    "DRAFT_MAX_BYTES",
    "SCORED_FIELDS",
    "UPLOAD_MAX_BYTES",
    "AnswersInvalid",
    "DefinitionInvalid",
    "FormSyncResult",
    "SubmissionRefused",
    "assignment_create",
    "assignment_end",
    "assignment_remind",
    "assignment_restore",
    "block_error_problems",
    "compile_for",
    "definition_check",
    "definition_copy",
    "definition_create",
    "definition_publish",
    "definition_update_blocks",
    "first_revision",
    "form_definitions_sync",
    "period_start",
    "submission_draft_discard",
    "submission_draft_save",
    "submission_permitted",
    "submission_resubmit",
    "submission_review",
    "submission_store",
    "submission_submit",
    "upload_store",
]
