"""A department sets its industry's handbook sections in the Wagtail admin,
and an enterprise writes its own notes in the portal.

``/admin/handbook-sections/`` lists the department's industries;
``/admin/handbook-sections/<industry>/`` shows every section the industry's
handbooks may print (the core's and its packs') with "print it", the order,
a heading and an introduction — plain text fields, no code, no HTML. Only the
industry's own department opens or saves it (403 for anyone else).

``/portal/documents/notes/`` shows the enterprise's sections with a text box
each; its safety manager saves them (staff read).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.base.errors import Invalid, Refused
from core.base.filters import parse_id
from core.documents.models import HandbookNote
from core.documents.sections import (
    HEADING_MAX,
    INTRO_MAX,
    NOTE_MAX,
    available_sections,
    industry_sections,
)
from core.documents.services import (
    handbook_notes_save,
    may_set_sections,
    section_settings_save,
)
from core.organizations.models import Industry, Role
from core.organizations.scope import scope_for
from core.portal.frame import portal_page


def _department_scope(request):
    scope = scope_for(request.user)
    if scope.role != Role.INDUSTRY_DEPARTMENT:
        raise PermissionDenied
    return scope


class _SectionAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page of the handbook sections, for an industry department
    only (``self.scope``), titled and in the breadcrumbs as such."""

    page_title = gettext_lazy("Handbook sections")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        self.scope = _department_scope(request)
        self.admit(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def admit(self, **kwargs) -> None:
        """Look up and check what the URL names (nothing here); raise to refuse."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class SectionIndexView(_SectionAdminView):
    template_name = "documents/admin/section_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["industries"] = Industry.objects.filter(
            pk__in=self.scope.industry_ids
        ).order_by("code")
        return context


class SectionSettingsView(_SectionAdminView):
    template_name = "documents/admin/section_settings.html"

    def admit(self, **kwargs) -> None:
        self.industry = get_object_or_404(Industry, pk=kwargs["industry_id"])
        if not may_set_sections(self.scope, self.industry):
            raise PermissionDenied
        self.errors: dict[str, str] = {}

    def get_page_subtitle(self):
        return self.industry.name_zh

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = industry_sections(self.industry)
        posted = getattr(self, "posted", None)
        rows = []
        for index, section in enumerate(sections):
            row = {
                "index": index,
                "key": section.key,
                "title": section.title,
                "description": section.description,
                "included": section.included,
                "order": section.order,
                "heading": section.heading,
                "intro": section.intro,
            }
            if posted is not None and index < len(posted):
                row.update(posted[index])
            row["errors"] = {
                field: self.errors.get(f"/{index}/{field}", "")
                for field in ("heading", "intro", "order")
            }
            rows.append(row)
        context.update(
            industry=self.industry,
            rows=rows,
            heading_max=HEADING_MAX,
            intro_max=INTRO_MAX,
        )
        return context

    def post(self, request, *args, **kwargs):
        count = parse_id(request.POST.get("count")) or 0
        rows = [
            {
                "key": request.POST.get(f"{i}-key", ""),
                "included": request.POST.get(f"{i}-included") == "on",
                "order": request.POST.get(f"{i}-order", ""),
                "heading": request.POST.get(f"{i}-heading", ""),
                "intro": request.POST.get(f"{i}-intro", ""),
            }
            for i in range(min(count, 500))
        ]
        try:
            section_settings_save(actor=request.user, industry=self.industry, rows=rows)
        except Refused as error:
            raise PermissionDenied from error
        except Invalid as error:
            self.posted = rows
            self.errors = {problem.path: problem.reason for problem in error.errors}
            messages.error(request, _("The sections were not saved; see below."))
            response = self.get(request, *args, **kwargs)
            response.status_code = 400
            return response
        messages.success(request, _("The handbook sections are saved."))
        return redirect("documents_section_settings", industry_id=self.industry.pk)


@portal_page("documents/notes.html", post_status=400)
@require_http_methods(["GET", "POST"])
def handbook_notes(request, *, scope, enterprise):
    codes = list(enterprise.industries.values_list("code", flat=True))
    sections = available_sections(codes)
    can_edit = scope.can_manage_safety_records(enterprise)
    notes = dict(
        HandbookNote.objects.filter(enterprise=enterprise).values_list("key", "text")
    )
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        posted = {
            section.key: request.POST.get(f"note-{index}", "")
            for index, section in enumerate(sections)
        }
        try:
            handbook_notes_save(actor=request.user, enterprise=enterprise, notes=posted)
        except Invalid as error:
            errors = {problem.path: problem.reason for problem in error.errors}
            notes = posted
        else:
            messages.success(
                request,
                _("Your notes are saved; they are printed in the next version."),
            )
            return redirect("documents:notes")
    rows = [
        {
            "index": index,
            "title": section.title,
            "description": section.description,
            "text": notes.get(section.key, ""),
            "error": errors.get("/" + section.key, ""),
        }
        for index, section in enumerate(sections)
    ]
    return {"rows": rows, "may_write": can_edit, "note_max": NOTE_MAX}
