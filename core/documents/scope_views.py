"""Industry and territory handbooks in the Wagtail admin (government users).

One page (``/admin/scope-handbooks/``): the request form — an industry the
user supervises or a territory in its scope, and the language — and the
versions the user may see, newest first, with the one being generated and its
progress; each ready version downloadable. A department sees and requests
only its industries, a street or town office only its territory, the
committee office any. A foreign version is a 404, a foreign request a 403.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.base.errors import Invalid, show_messages
from core.documents import selectors
from core.documents.models import ScopeHandbook
from core.documents.portal_views import pdf_download
from core.documents.services import scope_handbook_request
from core.organizations.admin_views import ScopedAdminPage, government_scope

#: The versions the page lists (newest first); the scope of one user holds a
#: few industries or territories, each with its versions.
SHOWN = 50


class ScopeHandbookRequestForm(forms.Form):
    industry = forms.ModelChoiceField(
        queryset=None, required=False, label=gettext_lazy("Industry")
    )
    territory = forms.ModelChoiceField(
        queryset=None, required=False, label=gettext_lazy("Territory")
    )
    language = forms.ChoiceField(
        choices=[
            ("zh-hans", gettext_lazy("Chinese")),
            ("en", gettext_lazy("English")),
        ],
        initial="zh-hans",
        label=gettext_lazy("Language"),
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        industries = selectors.handbook_industries(scope=scope)
        territories = selectors.handbook_territories(scope=scope)
        self.fields["industry"].queryset = industries
        self.fields["industry"].label_from_instance = lambda i: i.name_zh
        self.fields["territory"].queryset = territories
        self.fields["territory"].label_from_instance = lambda t: t.name
        if not industries.exists():
            del self.fields["industry"]
        if not territories.exists():
            del self.fields["territory"]

    def clean(self):
        data = super().clean()
        if bool(data.get("industry")) == bool(data.get("territory")):
            raise forms.ValidationError(
                _("Choose either an industry or a territory, not both.")
            )
        return data


class ScopeHandbookView(ScopedAdminPage):
    """Government users only (``ScopedAdminPage.permitted``)."""

    template_name = "documents/admin/scope_handbooks.html"
    page_title = gettext_lazy("Industry and territory handbooks")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        handbooks = list(selectors.scope_handbooks(scope=self.scope)[:SHOWN])
        form = kwargs.get("form") or ScopeHandbookRequestForm(scope=self.scope)
        context.update(
            form=form,
            can_request=bool(
                form.fields.get("industry") or form.fields.get("territory")
            ),
            handbooks=handbooks,
            pending=any(h.is_pending for h in handbooks),
        )
        return context


@require_POST
def scope_handbook_request_view(request):
    scope = government_scope(request)
    form = ScopeHandbookRequestForm(request.POST, scope=scope)
    if not form.is_valid():
        # A target outside the user's scope is not among the choices: refused.
        if "industry" in form.errors or "territory" in form.errors:
            raise PermissionDenied
        for problem in form.non_field_errors() or [
            str(error) for errors in form.errors.values() for error in errors
        ]:
            messages.error(request, problem)
        return redirect("documents_scope_handbooks")
    try:
        handbook = scope_handbook_request(
            actor=request.user,
            industry=form.cleaned_data.get("industry"),
            territory=form.cleaned_data.get("territory"),
            language=form.cleaned_data["language"],
        )
    except Invalid as error:
        show_messages(request, error)
    else:
        messages.success(
            request,
            _("Version %(number)s of the handbook of %(name)s is being generated.")
            % {"number": handbook.number, "name": handbook.target_name},
        )
    return redirect("documents_scope_handbooks")


@require_GET
def scope_handbook_download(request, pk: int):
    scope = government_scope(request)
    handbook = selectors.scope_handbooks(scope=scope).filter(pk=pk).first()
    if handbook is None or not handbook.is_ready:
        raise Http404
    return scope_handbook_response(handbook)


def scope_handbook_response(handbook: ScopeHandbook) -> FileResponse:
    return pdf_download(
        handbook.file,
        f"handbook-{handbook.kind}-{handbook.target_id}-v{handbook.number}.pdf",
    )
