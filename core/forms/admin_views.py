"""Admin views of the forms engine beyond create/edit/list: preview, publish,
copy, JSON export and import, assignment, versions; submission review and
Excel export.

Every view loads its object through ``core.forms.policy`` (definitions) or
``Scope.filter`` (submissions): an object outside the user's scope is a 404
before anything else is decided, and writes go through ``core.forms.services``.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.base.errors import apply_errors, show_messages
from core.base.workbook import xlsx_response
from core.forms import services
from core.forms.admin_filters import filtered_submissions
from core.forms.admin_forms import AssignmentForm, CopyForm, ImportForm, ReviewForm
from core.forms.builder import FormBuilder
from core.forms.display import answer_steps
from core.forms.exports import follow_up_xlsx, submissions_xlsx
from core.forms.interchange import definition_export, definition_import
from core.forms.option_lists import resolve_option_lists
from core.forms.policy import (
    assignments_visible,
    can_author,
    can_edit_definition,
    definitions_visible,
)
from core.forms.scoring import score_answers
from core.forms.selectors import (
    assignment_follow_up,
    period_end,
    submission_list,
)
from core.organizations.admin_views import ScopedAdminPage, government_scope
from core.organizations.scope import scope_for

DEFINITIONS = "form_definitions"
SUBMISSIONS = "form_submissions"


def _url(viewset: str, name: str, *args) -> str:
    return reverse(f"{viewset}:{name}", args=args)


class DefinitionView(ScopedAdminPage):
    """A page about one definition the user may see."""

    header_icon = "form"

    def load(self, scope, **kwargs):
        self.definition = get_object_or_404(definitions_visible(scope), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.definition.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": _url(DEFINITIONS, "index"),
                "label": gettext_lazy("Forms and checklists"),
            },
            {"url": "", "label": self.definition.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            definition=self.definition,
            can_edit=can_edit_definition(self.scope, self.definition),
            edit_url=_url(DEFINITIONS, "edit", self.definition.pk),
        )
        return context


def _steps(form, ui_schema) -> list[dict]:
    layout = {item.question["key"]: item for item in form.layout()}
    return [
        {
            "title": step.get("title") or "",
            "description": step.get("description") or "",
            "condition_json": json.dumps(step.get("condition"), ensure_ascii=False),
            "items": [layout[key] for key in step["questions"]],
        }
        for step in ui_schema.get("steps", [])
    ]


class PreviewView(DefinitionView):
    """The form exactly as an enterprise sees it; trying it out stores nothing.

    Without ``?version=`` the current draft is compiled; with it, that
    published version is shown.
    """

    template_name = "forms/admin/preview.html"
    page_title = gettext_lazy("Preview")

    def _compiled(self):
        number = self.request.GET.get("version")
        if number and number.isdigit():
            version = get_object_or_404(self.definition.versions, number=int(number))
            return version.json_schema, version.ui_schema, version.scoring, version
        blocks, problems = services.definition_check(self.definition.body_data())
        if not problems:
            blocks, problems = resolve_option_lists(blocks, self.definition.department)
        if problems:
            return None, None, None, problems
        compiled = services.compile_for(self.definition, blocks)
        return compiled.json_schema, compiled.ui_schema, compiled.scoring, None

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self._context(None))

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self._context(request))

    def _context(self, request):
        json_schema, ui_schema, scoring, version = self._compiled()
        if json_schema is None:
            return self.get_context_data(problems=version)
        form_class = FormBuilder(ui_schema, json_schema).get_form_class()
        form = form_class(request.POST, request.FILES) if request else form_class()
        score = None
        if request and form.is_valid():
            score = score_answers(scoring, form.answers)
        return self.get_context_data(
            form=form,
            steps=_steps(form, ui_schema),
            version=version,
            score=score,
            tried=request is not None,
        )


class PublishView(DefinitionView):
    template_name = "forms/admin/publish.html"
    page_title = gettext_lazy("Publish")

    def post(self, request, *args, **kwargs):
        if not can_edit_definition(self.scope, self.definition):
            raise PermissionDenied
        try:
            version = services.definition_publish(
                definition=self.definition, user=request.user
            )
        except services.DefinitionInvalid as exc:
            return self.render_to_response(self.get_context_data(problems=exc.problems))
        messages.success(
            request,
            _("“%(title)s” is published as version %(number)d.")
            % {"title": self.definition.title, "number": version.number},
        )
        return HttpResponseRedirect(_url(DEFINITIONS, "edit", self.definition.pk))

    def get(self, request, *args, **kwargs):
        if not can_edit_definition(self.scope, self.definition):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)


class VersionsView(DefinitionView):
    template_name = "forms/admin/versions.html"
    page_title = gettext_lazy("Versions")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = self.definition.versions.select_related(
            "published_by"
        ).order_by("-number")
        context["preview_url"] = _url(DEFINITIONS, "preview", self.definition.pk)
        return context


class CopyView(DefinitionView):
    """A department's own editable copy (of a pack original, typically)."""

    template_name = "forms/admin/simple_form.html"
    page_title = gettext_lazy("Copy")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CopyForm(user=self.request.user))
        context["submit_label"] = _("Make my copy")
        context["intro"] = _(
            "The copy belongs to your department and can be changed freely; "
            "updates of the original never overwrite it."
        )
        return context

    def post(self, request, *args, **kwargs):
        if not can_author(self.scope):
            raise PermissionDenied
        form = CopyForm(request.POST, user=request.user)
        if form.is_valid():
            department = form.cleaned_data.get("department") or self.scope.department
            try:
                copy = services.definition_copy(
                    original=self.definition,
                    department=department,
                    user=request.user,
                    key=form.cleaned_data.get("key") or None,
                    title_zh=form.cleaned_data.get("title_zh") or None,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _("Your copy was created; publish it when ready.")
                )
                return HttpResponseRedirect(_url(DEFINITIONS, "edit", copy.pk))
        return self.render_to_response(self.get_context_data(form=form))


class ExportView(DefinitionView):
    def get(self, request, *args, **kwargs):
        content = json.dumps(
            definition_export(self.definition), ensure_ascii=False, indent=2
        )
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        filename = slugify(self.definition.key) or "form"
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms/admin/import.html"
    page_title = gettext_lazy("Import a form definition")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_for(request.user)
        if not can_author(self.scope):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm(user=self.request.user))
        return context

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES, user=request.user)
        problems = None
        if form.is_valid():
            department = form.cleaned_data.get("department") or self.scope.department
            try:
                definition = definition_import(
                    content=form.cleaned_data["file"].read(),
                    department=department,
                    user=request.user,
                    key=form.cleaned_data.get("key") or None,
                )
            except services.DefinitionInvalid as exc:
                problems = exc.problems
            else:
                messages.success(request, _("The definition was imported as a draft."))
                return HttpResponseRedirect(_url(DEFINITIONS, "edit", definition.pk))
        return self.render_to_response(
            self.get_context_data(form=form, problems=problems)
        )


class AssignView(DefinitionView):
    """The form's assignments: current ones (ending one asks first, and can be
    undone), ended ones apart, and a new assignment."""

    template_name = "forms/admin/assign.html"
    page_title = gettext_lazy("Assign")

    def _assignment(self, raw):
        if not (raw and raw.isascii() and raw.isdigit() and int(raw) < 2**63):
            raise Http404
        return get_object_or_404(
            assignments_visible(self.scope).filter(definition=self.definition),
            pk=raw,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AssignmentForm(scope=self.scope))
        assignments = list(
            assignments_visible(self.scope)
            .filter(definition=self.definition)
            .select_related("industry", "jurisdiction", "department")
        )
        context["assignments"] = [a for a in assignments if a.is_active]
        context["ended_assignments"] = [a for a in assignments if not a.is_active]
        ending = self.request.GET.get("end")
        if ending and "confirm_end" not in context:
            context["confirm_end"] = self._assignment(ending)
        ended = self.request.GET.get("ended")
        if ended and ended.isascii() and ended.isdigit():
            context["just_ended"] = next(
                (a for a in assignments if str(a.pk) == ended and not a.is_active),
                None,
            )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("end"):
            assignment = self._assignment(request.POST["end"])
            services.assignment_end(actor=request.user, assignment=assignment)
            messages.success(request, _("The assignment was ended."))
            return HttpResponseRedirect(f"{request.path}?ended={assignment.pk}")
        if request.POST.get("restore"):
            assignment = self._assignment(request.POST["restore"])
            try:
                services.assignment_restore(actor=request.user, assignment=assignment)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The assignment is in force again."))
            return HttpResponseRedirect(request.path)
        form = AssignmentForm(request.POST, scope=self.scope)
        if form.is_valid():
            try:
                services.assignment_create(
                    scope=self.scope,
                    definition=self.definition,
                    user=request.user,
                    **{
                        k: v
                        for k, v in form.cleaned_data.items()
                        if v not in (None, "")
                    },
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The form was assigned."))
                return HttpResponseRedirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class AssignmentFollowUpView(DefinitionView):
    """Who in the user's scope has (not) submitted an assignment's form this
    period; the assignment must be one the user sees, else a 404. 催办 sends
    the ones who have not an in-app reminder; the list exports to Excel."""

    template_name = "forms/admin/follow_up.html"
    page_title = gettext_lazy("Who has submitted")

    def dispatch(self, request, *args, **kwargs):
        scope = scope_for(request.user)
        self.assignment = get_object_or_404(
            assignments_visible(scope).select_related(
                "definition", "industry", "jurisdiction"
            ),
            pk=kwargs["assignment_pk"],
        )
        kwargs["pk"] = self.assignment.definition_id
        return super().dispatch(request, *args, **kwargs)

    def _follow_up(self):
        today = timezone.localdate()
        start, rows = assignment_follow_up(
            scope=self.scope, assignment=self.assignment, today=today
        )
        return start, rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, rows = self._follow_up()
        context.update(
            assignment=self.assignment,
            period_start=start,
            period_end=period_end(self.assignment.recurrence, start),
            rows=rows,
            missing=sum(1 for row in rows if row.submission is None),
            assign_url=_url(DEFINITIONS, "assign", self.definition.pk),
            submissions_url=_url(SUBMISSIONS, "index"),
            export_url=_url(DEFINITIONS, "follow_up_export", self.assignment.pk),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            reminded = services.assignment_remind(
                actor=request.user,
                assignment=self.assignment,
                url=reverse("forms_portal:start", args=(self.definition.key,)),
            )
        except services.SubmissionRefused:
            raise PermissionDenied from None
        if reminded:
            messages.success(
                request,
                _("A reminder was sent to %(count)d enterprises.")
                % {"count": reminded},
            )
        else:
            messages.info(
                request,
                _(
                    "Nobody to remind: every enterprise has submitted or was reminded today."
                ),
            )
        return HttpResponseRedirect(request.path)

    def export(self):
        start, rows = self._follow_up()
        content = follow_up_xlsx(self.assignment, start, rows)
        return xlsx_response(content, "follow-up.xlsx")


class AssignmentFollowUpExportView(AssignmentFollowUpView):
    def get(self, request, *args, **kwargs):
        return self.export()

    def post(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["GET"])


# -- submissions ---------------------------------------------------------------------


class SubmissionView(ScopedAdminPage):
    """One submission shown with the version it answered, its revisions and review."""

    template_name = "forms/admin/submission.html"
    header_icon = "doc-full"
    page_title = gettext_lazy("Submission")

    def load(self, scope, **kwargs):
        self.submission = get_object_or_404(
            submission_list(scope=scope), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return f"{self.submission.definition.title} — {self.submission.enterprise.name}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url(SUBMISSIONS, "index"), "label": gettext_lazy("Submissions")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        context.update(
            submission=submission,
            steps=answer_steps(submission.version.ui_schema, submission.data),
            sections=[
                s
                for s in submission.breakdown.get("sections", [])
                if s.get("max_score")
            ],
            revisions=submission.revisions.select_related(
                "submitted_by", "reviewed_by"
            ),
            review_form=kwargs.get("review_form") or ReviewForm(),
            can_review=submission.status == "submitted"
            and self.scope.can_review_definition(
                submission.definition,
                submission.assignment.department_id if submission.assignment else None,
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                services.submission_review(
                    actor=request.user,
                    submission=self.submission,
                    decision=form.cleaned_data["decision"],
                    comment=form.cleaned_data["comment"],
                )
            except services.SubmissionRefused:
                raise PermissionDenied from None
            except ValidationError as exc:
                if self.submission.status != "submitted":
                    # Another reviewer decided first: the review form is no
                    # longer shown, so the reason goes above the page.
                    show_messages(request, exc)
                    return HttpResponseRedirect(request.path)
                apply_errors(form, exc)
            else:
                messages.success(request, _("The review was recorded."))
                return HttpResponseRedirect(request.path)
        return self.render_to_response(self.get_context_data(review_form=form))


def submissions_export(request):
    """The submissions of the list's filters as an Excel workbook, across
    versions (a version column; each answer read with its own version)."""
    scope = government_scope(request)
    content = submissions_xlsx(
        filtered_submissions(request, submission_list(scope=scope)),
        file_url=lambda pk: request.build_absolute_uri(
            reverse("forms_portal:upload", args=(pk,))
        ),
    )
    return xlsx_response(content, "submissions.xlsx")
