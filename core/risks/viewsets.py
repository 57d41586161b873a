"""Admin screens of risk grading: level thresholds, and the supervisors' view.

Thresholds are configured without code: an industry department sees and
edits only its industries' thresholds; the committee office every industry's
and the platform default. Risk points are read-only for every government
role: the enterprises in the user's scope, with the portal's filters and
counts by level. Rows out of scope are a 404 on every URL
(``ScopedModelViewSet``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy

from core.base.admin_columns import PlainTitleColumn
from core.base.admin_views import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedModelViewSet,
)
from core.base.errors import apply_errors
from core.organizations.models import Industry
from core.organizations.scope import scope_for
from core.risks.display import level_cards, risk_point_page
from core.risks.filters import AdminRiskPointFilters
from core.risks.models import LevelThreshold, RiskLevel, RiskPoint
from core.risks.selectors import (
    RISK_POINT_ORDER,
    level_threshold_list,
    risk_level_counts,
    risk_point_detail,
    risk_point_list,
)
from core.risks.services import level_threshold_delete, level_threshold_set
from core.risks.templatetags.risk_tags import level_class, level_label
from core.risks.thresholds import bands_text
from core.scoring import number, scoring_engine


def _method_title(threshold: LevelThreshold) -> str:
    try:
        return str(scoring_engine().get(threshold.method).rule.title)
    except LookupError:
        return threshold.method


def _industry_name(threshold: LevelThreshold) -> str:
    return threshold.industry.name if threshold.industry else str(_("Platform default"))


def _bands(threshold: LevelThreshold) -> str:
    return _bands_of(threshold.as_thresholds())


class LevelThresholdPermissionPolicy(ModelPermissionPolicy):
    """The role's model permissions, narrowed to the industries it configures."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return scope_for(user).can_configure_industry(instance.industry_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return LevelThreshold.objects.none()
        return level_threshold_list(scope=scope_for(user))


class PresetSelect(forms.Select):
    """The preset choices, each option carrying its cut-offs for the page's
    script to fill the fields in visibly (``thresholds-admin.js``)."""

    def __init__(self, *args, cuts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cuts = cuts or {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value in self.cuts:
            option["attrs"]["data-cuts"] = json.dumps(self.cuts[value])
        return option


CUT_NAMES = ("major_from", "significant_from", "general_from")


class LevelThresholdForm(WagtailAdminModelForm):
    """Method, industry and cut-offs; a preset can fill the cut-offs in.

    Choosing a preset fills the fields on the page (the script asks before
    replacing values already typed); without the script, a preset fills the
    empty fields on save, and values typed that differ from the preset are an
    error at the preset rather than being replaced. Saving goes through
    ``level_threshold_set``: on edit, method and industry are fixed.
    """

    preset = forms.ChoiceField(
        label=_("Fill in from a preset"),
        required=False,
        help_text=_(
            "Optional: fills the cut-offs below with a published table; you "
            "can still change them before saving."
        ),
    )

    class Meta:
        model = LevelThreshold
        fields = [
            "method",
            "industry",
            "major_from",
            "major_inclusive",
            "significant_from",
            "significant_inclusive",
            "general_from",
            "general_inclusive",
            "note",
        ]

    class Media:
        js = ["risks/js/thresholds-admin.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(self.for_user)
        methods = [r for r in scoring_engine().risk_methods() if r.has_thresholds]
        self.fields["method"] = forms.ChoiceField(
            label=_("method"),
            choices=[(r.key, str(r.rule.title)) for r in methods],
        )
        self.presets = {
            f"{r.key}:{t.key}": (r.key, t) for r in methods for t in r.presets()
        }
        self.fields["preset"].widget = PresetSelect(
            cuts={
                name: {
                    "method": key,
                    **{
                        f"{level}_from": number(cut)
                        for level, cut, _inclusive in t.cuts()
                    },
                    **{
                        f"{level}_inclusive": inclusive
                        for level, _cut, inclusive in t.cuts()
                    },
                }
                for name, (key, t) in self.presets.items()
            }
        )
        self.fields["preset"].widget.attrs["data-confirm"] = _(
            "Replace the values you typed with the preset's?"
        )
        self.fields["preset"].choices = [("", "—")] + [
            (name, f"{_method_label(methods, key)}: {t.title or t.key}")
            for name, (key, t) in self.presets.items()
        ]
        industry = self.fields["industry"]
        industry.queryset = scope.configurable_industries().order_by("code")
        if not scope.can_configure_industry(None):
            industry.required = True
            industry.empty_label = None
            industry.help_text = _("The industries your department supervises.")
        else:
            industry.empty_label = _("Platform default (every industry)")
        for name in CUT_NAMES:
            # Filled from the preset when one is chosen.
            self.fields[name].required = False
            self.fields[name].widget.attrs["step"] = "any"
            if self.instance.pk and not self.is_bound:
                # 320, not 320.0000
                self.initial[name] = number(getattr(self.instance, name))
        if self.instance.pk:
            # The row is the method's for this industry: only the bands change.
            for name in ("method", "industry"):
                self.fields[name].disabled = True
                self.fields[name].help_text = ""

    def clean(self):
        cleaned = super().clean()
        preset = cleaned.get("preset")
        if preset:
            method, thresholds = self.presets[preset]
            if method != cleaned.get("method"):
                self.add_error("preset", _("This preset belongs to another method."))
                return cleaned
            differs = []
            for level, cut, inclusive in thresholds.cuts():
                name = f"{level}_from"
                typed = cleaned.get(name)
                if typed is None:
                    cleaned[name] = cut
                    cleaned[f"{level}_inclusive"] = inclusive
                elif Decimal(str(typed)) != Decimal(str(cut)) or bool(
                    cleaned.get(f"{level}_inclusive")
                ) != bool(inclusive):
                    differs.append(name)
            if differs:
                self.add_error(
                    "preset",
                    _(
                        "The values below differ from the preset, so they were "
                        "not replaced: clear the preset to keep your values, or "
                        "clear the values to take the preset's."
                    ),
                )
                return cleaned
            for level, _cut, _inclusive in thresholds.cuts():
                for name in (f"{level}_from", f"{level}_inclusive"):
                    setattr(self.instance, name, cleaned[name])
        for name in CUT_NAMES:
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(
                    name, _("Give a value, or choose a preset to fill it in.")
                )
        return cleaned

    def save(self, commit=True):
        """Save through the service (it checks the actor and flags points)."""
        data = self.cleaned_data
        self.instance = level_threshold_set(
            actor=self.for_user,
            method=self.instance.method if self.instance.pk else data["method"],
            industry=self.instance.industry if self.instance.pk else data["industry"],
            note=data.get("note") or "",
            **{name: data[name] for name in CUT_NAMES},
            **{
                name.replace("_from", "_inclusive"): bool(
                    data.get(name.replace("_from", "_inclusive"))
                )
                for name in CUT_NAMES
            },
        )
        return self.instance


def _method_label(methods, key: str) -> str:
    for registered in methods:
        if registered.key == key:
            return str(registered.rule.title)
    return key


class ServiceErrorsMixin:
    """A refusal or a problem the service finds is shown on the form."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)


class ThresholdCreateView(ServiceErrorsMixin, ScopedCreateView):
    def get_initial(self):
        # "Set" links of the bands in force open the form for a method and
        # industry.
        initial = super().get_initial()
        for name in ("method", "industry"):
            if self.request.GET.get(name):
                initial[name] = self.request.GET[name]
        return initial

    def save_instance(self):
        return self.form.save()


class ThresholdEditView(ServiceErrorsMixin, ScopedEditView):
    def save_instance(self):
        return self.form.save()


class ThresholdDeleteView(ScopedDeleteView):
    def delete_action(self):
        level_threshold_delete(actor=self.request.user, threshold=self.object)


@dataclass(frozen=True)
class InForce:
    """The bands grading one method for one industry (or the platform)."""

    method: str
    method_title: str
    industry: Industry | None
    source: str  # "industry", "platform", "method"
    bands: str
    row: LevelThreshold | None

    @property
    def source_label(self) -> str:
        return {
            "industry": _("Set for this industry"),
            "platform": _("Platform default"),
            "method": _("The method's default"),
        }[self.source]


def thresholds_in_force(scope) -> list[InForce]:
    """For each method with thresholds, the bands in force for the platform
    and for each industry the user configures, with the row they come from.
    Two queries."""
    industries = list(scope.configurable_industries().order_by("code"))
    rows = {
        (row.method, row.industry_id): row
        for row in LevelThreshold.objects.filter(
            Q(industry__isnull=True) | Q(industry__in=industries)
        )
    }
    result = []
    for registered in scoring_engine().risk_methods():
        if not registered.has_thresholds:
            continue
        title = str(registered.rule.title)
        default = rows.get((registered.key, None))
        platform = default.as_thresholds() if default else None
        result.append(
            InForce(
                method=registered.key,
                method_title=title,
                industry=None,
                source="platform" if default else "method",
                bands=_bands_of(platform or registered.rule.default_thresholds),
                row=default,
            )
        )
        for industry in industries:
            own = rows.get((registered.key, industry.pk))
            result.append(
                InForce(
                    method=registered.key,
                    method_title=title,
                    industry=industry,
                    source="industry" if own else ("platform" if default else "method"),
                    bands=_bands_of(
                        own.as_thresholds()
                        if own
                        else platform or registered.rule.default_thresholds
                    ),
                    row=own,
                )
            )
    return result


def _bands_of(thresholds) -> str:
    labels = dict(RiskLevel.choices)
    return "；".join(
        f"{labels[level]} {text}" for level, text in bands_text(thresholds)
    )


class ThresholdIndexView(ScopedIndexView):
    """The configured rows, and above them the bands in force everywhere."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        scope = scope_for(self.request.user)
        context["in_force"] = thresholds_in_force(scope)
        context["can_set_platform"] = scope.can_configure_industry(None)
        return context


def _edit_url(threshold: LevelThreshold) -> str:
    return reverse("risk_thresholds:edit", args=[threshold.pk])


class LevelThresholdViewSet(ScopedModelViewSet):
    """Risk level thresholds per method and industry."""

    model = LevelThreshold
    name = "risk_thresholds"
    url_prefix = "risks/thresholds"
    icon = "cog"
    menu_label = _("Risk level thresholds")
    add_to_admin_menu = True
    menu_order = 310
    search_backend_name = None
    index_view_class = ThresholdIndexView
    add_view_class = ThresholdCreateView
    edit_view_class = ThresholdEditView
    delete_view_class = ThresholdDeleteView
    index_results_template_name = "risks/admin/threshold_index_results.html"
    list_display = [
        PlainTitleColumn(
            "method", label=_("method"), accessor=_method_title, get_url=_edit_url
        ),
        Column("industry", label=_("industry"), accessor=_industry_name),
        Column("bands", label=_("bands"), accessor=_bands),
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("method"), FieldPanel("industry")]),
            FieldPanel("preset"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("major_from"), FieldPanel("major_inclusive")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("significant_from"),
                            FieldPanel("significant_inclusive"),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("general_from"), FieldPanel("general_inclusive")]
                    ),
                ],
                heading=_("Cut-offs (anything below the general cut-off is low)"),
            ),
            FieldPanel("note"),
        ],
        base_form_class=LevelThresholdForm,
    )

    def get_queryset(self, request) -> QuerySet[LevelThreshold]:
        return level_threshold_list(scope=scope_for(request.user))


# -- risk points (supervision, read-only) -----------------------------------------


class PlainColumn(Column):
    """A plain cell written in Python: the markup of Wagtail's
    ``tables/cell.html`` without a template rendered per cell (a page has 50
    rows of six cells; docs/performance.md)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        text = (
            ""
            if value is None
            else conditional_escape(str(localize(template_localtime(value))))
        )
        if self.classname:
            return format_html('<td class="{}">{}</td>', self.classname, text)
        return format_html("<td>{}</td>", text)


def _field_column(name: str) -> PlainColumn:
    """The column Wagtail derives from a field name (label, display value,
    sort key), as a ``PlainColumn``."""
    field = RiskPoint._meta.get_field(name)
    accessor = f"get_{name}_display" if field.choices else name
    return PlainColumn(accessor, label=capfirst(field.verbose_name), sort_key=name)


class LevelColumn(Column):
    """A risk level as its coloured badge (``includes/level_badge.html``,
    written in Python for the same reason as ``PlainColumn``)."""

    def render_cell_html(self, instance, parent_context):
        level = self.get_value(instance)
        return format_html(
            '<td><span class="level-badge {}" data-level="{}">{}</span></td>',
            level_class(level),
            level or "unassessed",
            level_label(level),
        )


class RiskPointIndexView(ScopedIndexView):
    """The risk points in scope, filtered, with the counts by level on top.

    The counts follow every filter but the level one (so they show what a
    level filter would select) and refresh with the results. The headers
    sort only in orders an index serves: by enterprise (the list's own order,
    ``riskpoint_list_order``) and by the last change (``riskpoint_updated``).
    """

    indexed_orderings = {
        "enterprise": RISK_POINT_ORDER,
        "updated_at": ("updated_at", "pk"),
    }

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        data = self.request.GET.copy()
        data.pop("level", None)
        filters = self.filterset_class(
            data=data, request=self.request, queryset=self.get_base_queryset()
        )
        queryset = filters.qs if filters.is_valid() else self.get_base_queryset()
        if self.is_searching:
            queryset = self.search_queryset(queryset)
        counts = risk_level_counts(queryset, shared=not data.get("enterprise"))
        query = data.copy()
        query.pop("p", None)
        context["level_counts"] = level_cards(counts)
        context["level_total"] = counts["total"]
        context["level_query"] = query.urlencode()
        return context


class RiskPointInspectView(ScopedInspectView):
    """A risk point as the enterprise's page shows it, read-only."""

    def get_object(self, queryset=None):
        point = risk_point_detail(scope=scope_for(self.request.user), pk=self.pk)
        if point is None:
            raise Http404
        return point

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            risk_point_page(scope=scope_for(self.request.user), point=self.object)
        )
        return context


def _enterprise_name(point: RiskPoint) -> str:
    return point.enterprise.name


def _level(point: RiskPoint) -> str:
    return point.level


class RiskPointViewSet(ScopedModelViewSet):
    """Risk points of the enterprises in scope, for supervisors; read-only."""

    model = RiskPoint
    name = "risk_points"
    url_prefix = "risks/points"
    icon = "warning"
    menu_label = _("Risk points")
    add_to_admin_menu = True
    menu_order = 300
    search_backend_name = None
    search_fields = ["name", "description"]
    list_per_page = 50
    index_view_class = RiskPointIndexView
    inspect_view_class = RiskPointInspectView
    inspect_view_enabled = True
    index_template_name = "risks/admin/risk_point_index.html"
    index_results_template_name = "risks/admin/risk_point_index_results.html"
    inspect_template_name = "risks/admin/risk_point_inspect.html"
    filterset_class = AdminRiskPointFilters
    form_fields = ["name"]  # never shown: nobody adds or edits here
    list_display = [
        PlainTitleColumn(
            "name",
            label=_("risk point"),
            get_url=lambda point: reverse("risk_points:inspect", args=[point.pk]),
        ),
        LevelColumn("level", label=_("risk level"), accessor=_level),
        PlainColumn(
            "enterprise",
            label=_("enterprise"),
            accessor=_enterprise_name,
            sort_key="enterprise",
        ),
        _field_column("kind"),
        _field_column("control_level"),
        _field_column("updated_at"),
    ]

    def get_queryset(self, request) -> QuerySet[RiskPoint]:
        return risk_point_list(scope=scope_for(request.user))
