from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "core.forms"
    label = "forms"
    verbose_name = _("Forms and checklists")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from core.forms import (
            checks,  # noqa: F401 - registers the system checks
            models,
        )
        from core.forms.policy import grant_role_permissions
        from core.forms.todo import form_todo
        from core.portal.todo import register_todo

        register_todo(form_todo)

        grant_role_permissions()
        # Who changed a definition's settings, an assignment or a review; the
        # blocks' history is the published versions (with who published them),
        # and answers are kept as submission revisions.
        auditlog.register(models.FormDefinition, exclude_fields=["body"])
        auditlog.register(models.FormAssignment)
        auditlog.register(
            models.Submission,
            include_fields=["status", "review_comment", "reviewed_by", "reviewed_at"],
        )
        # Each published version, each answer revision (its answers are the
        # revision itself) and each stored file, with who wrote it.
        auditlog.register(
            models.FormVersion,
            include_fields=["definition", "number", "fillers", "published_by"],
        )
        auditlog.register(
            models.SubmissionRevision,
            include_fields=[
                "submission",
                "number",
                "submitted_by",
                "decision",
                "comment",
                "reviewed_by",
            ],
        )
        auditlog.register(
            models.FormUpload,
            include_fields=[
                "enterprise",
                "name",
                "content_type",
                "size",
                "uploaded_by",
            ],
        )
