"""The "Organizations" admin screens, declared as Wagtail viewsets.

Every viewset here is a ``ScopedModelViewSet``: its ``get_queryset(request)``
decides the rows of every view, not just the list. What a role may do comes
from the permission policies registered in ``wagtail_hooks``.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup

from core.audit.admin_views import AuditHistoryView
from core.base.admin_columns import PlainBooleanColumn, PlainColumn, PlainTitleColumn
from core.base.admin_views import ScopedIndexView, ScopedModelViewSet
from core.organizations.admin_forms import (
    DepartmentAdminForm,
    EnterpriseAdminForm,
    JurisdictionAdminForm,
    JurisdictionChoiceField,
    MembershipAdminForm,
    indented_name,
)
from core.organizations.columns import enterprise_columns
from core.organizations.models import (
    Department,
    Enterprise,
    Industry,
    Jurisdiction,
    Membership,
)
from core.organizations.scope import scope_for
from core.organizations.selectors import enterprise_filter, enterprise_list


def _label(model, field_name: str):
    return model._meta.get_field(field_name).verbose_name


def _fields_form(form_class, *fields: str | FieldPanel) -> ObjectList:
    """An edit form of these fields, one under the other (a name, or the
    field's panel when it needs more), validated by ``form_class``."""
    return ObjectList(
        [f if isinstance(f, FieldPanel) else FieldPanel(f) for f in fields],
        base_form_class=form_class,
    )


def _industry_names(obj) -> str:
    # Reads the prefetched industries: no query per row.
    return "、".join(industry.name for industry in obj.industries.all())


class OrganizationsViewSet(ScopedModelViewSet):
    """Shared set-up: the History link shows the audit log."""

    history_view_class = AuditHistoryView
    search_backend_name = None


# -- enterprises ----------------------------------------------------------------


class JurisdictionFilterField(django_filters.fields.ModelChoiceField):
    label_from_instance = JurisdictionChoiceField.label_from_instance


class JurisdictionSubtreeFilter(django_filters.ModelChoiceFilter):
    """A jurisdiction and everything under it."""

    field_class = JurisdictionFilterField


class EnterpriseFilterSet(WagtailFilterSet):
    industry = django_filters.ModelChoiceFilter(
        label=_("industry"),
        queryset=Industry.objects.order_by("code"),
        method="filter_industry",
    )
    jurisdiction = JurisdictionSubtreeFilter(
        label=_("jurisdiction"),
        queryset=Jurisdiction.objects.order_by("path"),
        method="filter_jurisdiction",
        help_text=_("Includes everything under it."),
    )

    class Meta:
        model = Enterprise
        fields = ["is_above_scale", "is_key_industry", "has_occupational_hazard"]

    def filter_industry(self, queryset, name, value):
        return enterprise_filter(queryset, industry=value.code)

    def filter_jurisdiction(self, queryset, name, value):
        return enterprise_filter(queryset, jurisdiction=value)


class EnterpriseIndexView(ScopedIndexView):
    """The headers sort in orders an index serves: by name (the list's own
    order, ``enterprise_name_order``) and by the unified social credit code
    (unique: its own index is the whole order); the jurisdiction column no
    longer sorts (docs/performance.md). A column another app contributes
    keeps its sort (its app decides it), made stable by the name and key."""

    @cached_property
    def indexed_orderings(self) -> dict[str, tuple[str, ...]]:
        orderings: dict[str, tuple[str, ...]] = {
            "name": ("name", "pk"),
            "uscc": ("uscc",),
        }
        for contributed in enterprise_columns():
            key = contributed.column.sort_key
            if key:
                orderings.setdefault(key, (key, "name", "pk"))
        return orderings


class EnterpriseViewSet(OrganizationsViewSet):
    """Enterprises in the user's scope; the committee office registers them."""

    model = Enterprise
    name = "enterprises"
    url_prefix = "organizations/enterprises"
    icon = "site"
    menu_label = _("Enterprises")
    menu_name = "enterprises"
    index_view_class = EnterpriseIndexView
    list_per_page = 50
    filterset_class = EnterpriseFilterSet
    search_fields = ["name", "uscc"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "uscc",
        "legal_representative",
        "industries",
        "jurisdiction",
        "address",
        "latitude",
        "longitude",
        "is_above_scale",
        "is_key_industry",
        "has_occupational_hazard",
        "contacts",
        "created_at",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("uscc"),
                    FieldPanel("legal_representative"),
                ],
                heading=_("Registration"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("industries", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("jurisdiction"),
                    FieldRowPanel(
                        [
                            FieldPanel("is_above_scale"),
                            FieldPanel("is_key_industry"),
                            FieldPanel("has_occupational_hazard"),
                        ]
                    ),
                ],
                heading=_("Supervision"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("Location"),
            ),
            InlinePanel("contacts", heading=_("Contacts"), label=_("Contact")),
        ],
        base_form_class=EnterpriseAdminForm,
    )

    @property
    def list_display(self):
        # The cells are written without a template (core.base.admin_columns):
        # 50 rows × 8 columns of template renders were most of the page's time.
        # Other apps' columns (the rating class) come from their registrations.
        return [
            "name",
            PlainColumn("uscc", label=_label(Enterprise, "uscc"), sort_key="uscc"),
            PlainColumn("industries", label=_("industries"), accessor=_industry_names),
            PlainColumn(
                "jurisdiction",
                label=_label(Enterprise, "jurisdiction"),
                sort_key="jurisdiction",
            ),
            PlainBooleanColumn(
                "is_above_scale", label=_label(Enterprise, "is_above_scale")
            ),
            PlainBooleanColumn(
                "is_key_industry", label=_label(Enterprise, "is_key_industry")
            ),
            PlainBooleanColumn(
                "has_occupational_hazard",
                label=_label(Enterprise, "has_occupational_hazard"),
            ),
            *(contributed.column for contributed in enterprise_columns()),
        ]

    def get_queryset(self, request):
        queryset = enterprise_list(scope=scope_for(request.user))
        joins = [name for c in enterprise_columns() for name in c.select_related]
        return queryset.select_related(*joins) if joins else queryset


# -- the territorial tree -----------------------------------------------------------


class JurisdictionIndexView(ScopedIndexView):
    """The tree in path order, names indented by depth."""

    def _get_title_column(self, field_name, column_class=PlainTitleColumn, **kwargs):
        kwargs.setdefault("accessor", indented_name)
        return super()._get_title_column(field_name, column_class, **kwargs)


class JurisdictionViewSet(OrganizationsViewSet):
    """District → street / town → grid; the committee office keeps it."""

    model = Jurisdiction
    name = "jurisdictions"
    url_prefix = "organizations/jurisdictions"
    icon = "globe"
    menu_label = _("Jurisdictions")
    menu_name = "jurisdictions"
    index_view_class = JurisdictionIndexView
    list_per_page = 100
    ordering = "path"
    list_display = ["name", "code", "level"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    edit_handler = _fields_form(
        JurisdictionAdminForm, "parent", "name", "code", "level"
    )

    def get_queryset(self, request):
        return Jurisdiction.objects.order_by("path")


# -- departments, industries, roles -----------------------------------------------


class DepartmentViewSet(OrganizationsViewSet):
    """Government offices: the committee office, industry departments and
    territorial offices, with what each supervises."""

    model = Department
    name = "departments"
    url_prefix = "organizations/departments"
    icon = "group"
    menu_label = _("Departments")
    menu_name = "departments"
    list_display = [
        "name",
        "kind",
        Column("industries", label=_("industries"), accessor=_industry_names),
        "jurisdiction",
    ]
    list_filter = ["kind"]
    search_fields = ["name"]
    edit_handler = _fields_form(
        DepartmentAdminForm,
        "name",
        "kind",
        FieldPanel("industries", widget=forms.CheckboxSelectMultiple),
        "jurisdiction",
    )

    def get_queryset(self, request):
        return Department.objects.select_related("jurisdiction").prefetch_related(
            "industries"
        )


class IndustryViewSet(OrganizationsViewSet):
    """Industries as the enabled packs contribute them: read-only here."""

    model = Industry
    name = "industries"
    url_prefix = "organizations/industries"
    icon = "tag"
    menu_label = _("Industries")
    menu_name = "industries"
    list_display = [
        "code",
        "name_zh",
        "name_en",
        "pack",
        BooleanColumn("is_active", label=_label(Industry, "is_active")),
    ]
    list_filter = ["pack", "is_active"]
    search_fields = ["code", "name_zh", "name_en"]
    # Never used (the policy allows only "view"), but Wagtail builds the views.
    form_fields = ["code", "name_zh", "name_en", "pack", "is_active"]


class MembershipViewSet(OrganizationsViewSet):
    """Who holds which role: the committee office assigns them."""

    model = Membership
    name = "memberships"
    url_prefix = "organizations/roles"
    icon = "user"
    menu_label = _("User roles")
    menu_name = "user-roles"
    list_display = ["user", "role", "department", "enterprise"]
    list_filter = ["role", "department"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    edit_handler = _fields_form(
        MembershipAdminForm, "user", "role", "department", "enterprise"
    )

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "department", "enterprise")


class OrganizationsViewSetGroup(ViewSetGroup):
    """The "Organizations" menu; each item shows only to roles that may see it."""

    menu_label = _("Organizations")
    # Stable whatever the language (Wagtail would slugify the label).
    menu_name = "organizations"
    menu_icon = "group"
    menu_order = 150
    items = (
        EnterpriseViewSet,
        JurisdictionViewSet,
        DepartmentViewSet,
        IndustryViewSet,
        MembershipViewSet,
    )
