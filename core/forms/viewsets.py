"""The "Forms" admin screens, declared as Wagtail viewsets.

Definitions: listed as ``core.forms.policy`` lets the user see them (pack
originals included, read-only), edited only when the policy says so, with
extra screens (preview, publish, versions, copy, export, import, assign).
Submissions: the enterprises in scope only (``Scope.filter``), filterable, with
a page per submission and an Excel export.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.admin.widgets.button import Button

from core.base.admin_columns import (
    PlainBooleanColumn,
    PlainColumn,
    PlainDateColumn,
    PlainTitleColumn,
)
from core.base.admin_views import (
    ScopedCreateView,
    ScopedEditView,
    ScopedIndexView,
    ScopedModelViewSet,
)
from core.forms import admin_views
from core.forms.admin_filters import SubmissionFilterSet
from core.forms.admin_forms import FormDefinitionAdminForm
from core.forms.models import FormDefinition, OptionList, Submission
from core.forms.option_lists import option_lists_for_editor
from core.forms.policy import can_author, can_edit_definition, option_lists_visible
from core.forms.selectors import definition_list, submission_list
from core.organizations.scope import scope_for


def _owner(definition: FormDefinition) -> str:
    if definition.department_id:
        return definition.department.name
    return _("Pack: %(pack)s") % {"pack": definition.pack}


def _version(definition: FormDefinition) -> str:
    version = definition.published_version
    if version is None:
        return _("Draft, never published")
    if definition.has_unpublished_changes:
        return _("v%(number)d (unpublished changes)") % {"number": version.number}
    return f"v{version.number}"


class DefinitionIndexView(ScopedIndexView):
    def get_edit_url(self, instance):
        if can_edit_definition(scope_for(self.request.user), instance):
            return super().get_edit_url(instance)
        return reverse(f"{admin_views.DEFINITIONS}:preview", args=(instance.pk,))

    def get_delete_url(self, instance):
        return None  # versions and submissions refer to definitions: never deleted

    def get_list_buttons(self, instance):
        """Publish (a draft with changes) and Assign (a published form) stay
        in sight in the row; the rest is under "more"."""
        shown = []
        prefix = admin_views.DEFINITIONS
        if can_edit_definition(scope_for(self.request.user), instance) and (
            instance.published_version_id is None or instance.has_unpublished_changes
        ):
            shown.append(
                ListingButton(_("Publish"), url=reverse(f"{prefix}:publish", args=(instance.pk,)), icon_name="upload", priority=1, attrs={"data-testid": "row-publish"})
            )  # fmt: skip
        if instance.published_version_id:
            shown.append(
                ListingButton(_("Assign"), url=reverse(f"{prefix}:assign", args=(instance.pk,)), icon_name="group", priority=2, attrs={"data-testid": "row-assign"})
            )  # fmt: skip
        return [*shown, *super().get_list_buttons(instance)]

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        prefix = admin_views.DEFINITIONS
        buttons += [
            ListingButton(_("Preview"), url=reverse(f"{prefix}:preview", args=(instance.pk,)), icon_name="view", priority=30),
            ListingButton(_("Versions"), url=reverse(f"{prefix}:versions", args=(instance.pk,)), icon_name="history", priority=40),
            ListingButton(_("Copy for my department"), url=reverse(f"{prefix}:copy_definition", args=(instance.pk,)), icon_name="copy", priority=50),
            ListingButton(_("Export as JSON"), url=reverse(f"{prefix}:export", args=(instance.pk,)), icon_name="download", priority=60),
        ]  # fmt: skip
        return buttons

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_author(scope_for(self.request.user)):
            buttons.append(
                HeaderButton(_("Import"), url=reverse(f"{admin_views.DEFINITIONS}:import"), icon_name="upload")
            )  # fmt: skip
        return buttons


class MalformedPostMixin:
    """A post the block editor could not read is a 400 (with the form's
    message), not a re-shown page: it did not come from the editor."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "_malformed_blocks", False):
            response.status_code = 400
        return response


class OptionListsMixin:
    """The department's option lists for the editor's pickers (a JSON script)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instance = getattr(self, "object", None)
        department = (
            instance.department
            if instance is not None and instance.department_id
            else scope_for(self.request.user).department
        )
        context["option_lists"] = option_lists_for_editor(department)
        return context


class DefinitionCreateView(OptionListsMixin, MalformedPostMixin, ScopedCreateView):
    template_name = "forms/admin/definition_create.html"

    def save_instance(self):
        scope = scope_for(self.request.user)
        instance = self.form.instance
        if instance.department_id is None:
            instance.department = scope.department
        instance.created_by = self.request.user
        return super().save_instance()


class DefinitionEditView(OptionListsMixin, MalformedPostMixin, ScopedEditView):
    template_name = "forms/admin/definition_edit.html"

    @property
    def header_buttons(self):
        """Publish and Assign in sight at the top of the editor."""
        buttons = list(super().header_buttons)
        prefix = admin_views.DEFINITIONS
        pk = self.object.pk
        buttons.append(
            HeaderButton(_("Publish"), url=reverse(f"{prefix}:publish", args=(pk,)), icon_name="upload", priority=10, attrs={"data-testid": "header-publish"})
        )  # fmt: skip
        if self.object.published_version_id:
            buttons.append(
                HeaderButton(_("Assign"), url=reverse(f"{prefix}:assign", args=(pk,)), icon_name="group", priority=20, attrs={"data-testid": "header-assign"})
            )  # fmt: skip
        return buttons

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        prefix = admin_views.DEFINITIONS
        pk = self.object.pk
        buttons += [
            Button(_("Preview"), url=reverse(f"{prefix}:preview", args=(pk,)), icon_name="view", priority=1),
            Button(_("Versions"), url=reverse(f"{prefix}:versions", args=(pk,)), icon_name="history", priority=3),
            Button(_("Export as JSON"), url=reverse(f"{prefix}:export", args=(pk,)), icon_name="download", priority=4),
        ]  # fmt: skip
        return buttons


class FormDefinitionViewSet(ScopedModelViewSet):
    """Checklists and forms built from blocks (the low-code editor)."""

    model = FormDefinition
    name = admin_views.DEFINITIONS
    url_prefix = "forms/definitions"
    icon = "form"
    menu_label = _("Forms and checklists")
    index_view_class = DefinitionIndexView
    add_view_class = DefinitionCreateView
    edit_view_class = DefinitionEditView
    search_backend_name = None
    search_fields = ["title_zh", "title_en", "key"]
    list_filter = ["kind", "industry", "is_active"]
    list_display = [
        "title_zh",
        "key",
        "kind",
        "industry",
        Column("owner", label=_("owner"), accessor=_owner),
        Column("version", label=_("version"), accessor=_version),
        BooleanColumn("is_active", label=_("active")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList([FieldPanel("body")], heading=_("Questions")),
            ObjectList(
                [
                    FieldPanel("title_zh"),
                    FieldPanel("title_en"),
                    FieldPanel("key"),
                    FieldPanel("kind"),
                    FieldPanel("fillers"),
                    FieldPanel("industry"),
                    FieldPanel("department"),
                ],
                heading=_("Settings"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("scoring_rule"),
                            FieldPanel("pass_mark"),
                            FieldPanel("fail_if_section_zeroed"),
                        ],
                        heading=_("Overall result"),
                    )
                ],
                heading=_("Scoring"),
            ),
        ],
        base_form_class=FormDefinitionAdminForm,
    )

    def get_queryset(self, request):
        return definition_list(scope=scope_for(request.user))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("preview/<int:pk>/", admin_views.PreviewView.as_view(), name="preview"),
            path("publish/<int:pk>/", admin_views.PublishView.as_view(), name="publish"),
            path("versions/<int:pk>/", admin_views.VersionsView.as_view(), name="versions"),
            path("copy-for-department/<int:pk>/", admin_views.CopyView.as_view(), name="copy_definition"),
            path("export/<int:pk>/", admin_views.ExportView.as_view(), name="export"),
            path("import/", admin_views.ImportView.as_view(), name="import"),
            path("assign/<int:pk>/", admin_views.AssignView.as_view(), name="assign"),
            path("follow-up/<int:assignment_pk>/", admin_views.AssignmentFollowUpView.as_view(), name="follow_up"),
            path("follow-up/<int:assignment_pk>/export/", admin_views.AssignmentFollowUpExportView.as_view(), name="follow_up_export"),
        ]  # fmt: skip


# -- submissions -------------------------------------------------------------------


class SubmissionIndexView(ScopedIndexView):
    """Newest first; the header sorts only by the submission time, both ways
    (``submission_order``, or ``submission_ent_order`` for one enterprise):
    any other order would sort the whole scope on every page."""

    indexed_orderings = {"submitted_at": ("submitted_at", "pk")}

    def get_edit_url(self, instance):
        return reverse(f"{admin_views.SUBMISSIONS}:detail", args=(instance.pk,))

    def get_delete_url(self, instance):
        return None

    @property
    def header_buttons(self):
        url = reverse(f"{admin_views.SUBMISSIONS}:export")
        query = self.request.GET.urlencode()
        return [
            *super().header_buttons,
            HeaderButton(_("Export to Excel"), url=f"{url}?{query}" if query else url, icon_name="download"),
        ]  # fmt: skip


def _score(submission: Submission) -> str:
    if submission.score is None:
        return "—"
    if submission.max_score:
        return f"{submission.score:g} / {submission.max_score:g}"
    return f"{submission.score:g}"


class SubmissionViewSet(ScopedModelViewSet):
    """Submissions of the enterprises in scope, across versions."""

    model = Submission
    name = admin_views.SUBMISSIONS
    url_prefix = "forms/submissions"
    icon = "doc-full"
    menu_label = _("Submissions")
    index_view_class = SubmissionIndexView
    filterset_class = SubmissionFilterSet
    search_backend_name = None
    list_display = [
        PlainTitleColumn(
            "enterprise",
            label=_("enterprise"),
            accessor=lambda s: s.enterprise.name,
            get_url=lambda s: reverse(
                f"{admin_views.SUBMISSIONS}:detail", args=(s.pk,)
            ),
        ),
        PlainColumn("form", label=_("form"), accessor=lambda s: s.definition.title),
        PlainColumn(
            "version", label=_("version"), accessor=lambda s: f"v{s.version.number}"
        ),
        PlainColumn("score", label=_("score"), accessor=_score),
        PlainBooleanColumn("passed", label=_("passed")),
        PlainColumn("status", label=_("status"), accessor="get_status_display"),
        PlainDateColumn(
            "submitted_at", label=_("submitted at"), sort_key="submitted_at"
        ),
    ]
    form_fields = ["status"]  # never edited here; Wagtail builds the views anyway

    def get_queryset(self, request):
        return submission_list(scope=scope_for(request.user), without_answers=True)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "detail/<int:pk>/", admin_views.SubmissionView.as_view(), name="detail"
            ),
            path("export/", admin_views.submissions_export, name="export"),
        ]


# -- option lists --------------------------------------------------------------------


class OptionListCreateView(ScopedCreateView):
    def save_instance(self):
        instance = self.form.instance
        if instance.department_id is None:
            instance.department = scope_for(self.request.user).department
        return super().save_instance()


class OptionListViewSet(ScopedModelViewSet):
    """A department's reusable answers (合格 / 不合格 / 不适用 with scores)."""

    model = OptionList
    name = "form_option_lists"
    url_prefix = "forms/option-lists"
    icon = "list-ul"
    menu_label = _("Option lists")
    add_view_class = OptionListCreateView
    search_backend_name = None
    list_display = [
        "name",
        Column("department", label=_("department"), accessor="department"),
    ]
    form_fields = ["name", "options"]

    def get_queryset(self, request):
        return option_lists_visible(scope_for(request.user))


class FormsViewSetGroup(ViewSetGroup):
    menu_label = _("Forms")
    menu_icon = "form"
    menu_order = 300
    items = (FormDefinitionViewSet, SubmissionViewSet, OptionListViewSet)
