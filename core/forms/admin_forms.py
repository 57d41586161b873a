"""Forms of the forms-engine admin screens: thin, the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.base.input_guard import guard_block_field
from core.forms.models import (
    FORM_KEY_PATTERN,
    FormDefinition,
    Recurrence,
    SubmissionStatus,
)
from core.forms.option_lists import resolve_option_lists
from core.forms.policy import assignable_industries, assignable_jurisdictions
from core.forms.rules import scoring_rule_choices
from core.organizations.admin_forms import JurisdictionChoiceField, indented_name
from core.organizations.models import Department, Industry, Role
from core.organizations.scope import scope_for


def _owner_field_needed(user) -> bool:
    """Only a user without a department (a superuser) chooses the owner."""
    return scope_for(user).department is None


class FormDefinitionAdminForm(WagtailAdminModelForm):
    """The definition editor: the blocks, the titles and the scoring settings."""

    scoring_rule = forms.ChoiceField(label=_("scoring rule"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(self.for_user)
        model_field = FormDefinition._meta.get_field("scoring_rule")
        self.fields["scoring_rule"].choices = scoring_rule_choices(
            self._industry_codes(scope)
        )
        self.fields["scoring_rule"].help_text = model_field.help_text
        # A declared field has no model default: a new form would otherwise
        # show the first choice ("none") and lose its score silently.
        self.fields["scoring_rule"].initial = model_field.get_default()
        guard_block_field(self, "body")
        if "fillers" in self.fields:
            # Left out of a form, it stays as it was (a new one: the manager).
            self.fields["fillers"].required = False
        if "industry" in self.fields:
            industries = Industry.objects.filter(is_active=True)
            if scope.role == Role.INDUSTRY_DEPARTMENT:
                industries = industries.filter(pk__in=scope.industry_ids)
            self.fields["industry"].queryset = industries
        if "department" in self.fields:
            if _owner_field_needed(self.for_user) and not self.instance.pk:
                self.fields["department"].required = True
                self.fields["department"].queryset = Department.objects.all()
            else:
                del self.fields["department"]
        if (
            self.instance.pk
            and self.instance.published_version_id
            and "key" in self.fields
        ):
            # Answers and the API refer to it: fixed once published.
            self.fields["key"].disabled = True

    def _industry_codes(self, scope) -> list[str] | None:
        """The industries whose packs' rules are offered: the form's own, or
        for a new form the department's (the committee: every rule)."""
        if self.instance.industry_id:
            return [self.instance.industry.code]
        if scope.role == Role.INDUSTRY_DEPARTMENT:
            return list(
                Industry.objects.filter(pk__in=scope.industry_ids).values_list(
                    "code", flat=True
                )
            )
        return None

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is not None:
            raw = body.stream_block.get_prep_value(body)
            department = (
                self.instance.department
                if self.instance.department_id
                else cleaned.get("department") or scope_for(self.for_user).department
            )
            _resolved, problems = resolve_option_lists(raw, department)
            for problem in problems:
                self.add_error(None, problem.message)
        industry = cleaned.get("industry")
        rule = cleaned.get("scoring_rule")
        if industry is not None and rule:
            offered = {key for key, _label in scoring_rule_choices([industry.code])}
            if rule not in offered:
                self.add_error(
                    "scoring_rule",
                    _(
                        "This scoring rule belongs to another industry; choose one "
                        "of %(industry)s or a general one."
                    )
                    % {"industry": industry},
                )
        return cleaned

    def clean_fillers(self):
        return (
            self.cleaned_data.get("fillers")
            or self.instance.fillers
            or FormDefinition._meta.get_field("fillers").get_default()
        )


class OwnerChoiceForm(forms.Form):
    """A form that ends with the owner department, asked only of a user
    without a department (``_owner_field_needed``)."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if _owner_field_needed(user):
            self.fields["department"] = forms.ModelChoiceField(
                queryset=Department.objects.all(),
                label=_("Owner department"),
                required=True,
            )


class CopyForm(OwnerChoiceForm):
    key = forms.RegexField(
        regex=FORM_KEY_PATTERN,
        required=False,
        label=_("Key of the copy"),
        help_text=_("Leave empty to derive one from the original's key."),
    )
    title_zh = forms.CharField(
        label=_("Title of the copy"), max_length=200, required=False
    )


class ImportForm(OwnerChoiceForm):
    file = forms.FileField(
        label=_("Definition file (.json)"),
        help_text=_("A file exported from SafeGrid (format safegrid.form-definition)."),
    )
    key = forms.RegexField(
        regex=FORM_KEY_PATTERN,
        required=False,
        label=_("Key"),
        help_text=_("Leave empty to keep the file's key."),
    )


class AssignmentForm(forms.Form):
    industry = forms.ModelChoiceField(
        queryset=Industry.objects.none(),
        required=False,
        label=_("Enterprises of industry"),
    )
    jurisdiction = JurisdictionChoiceField(
        required=False, label=_("Enterprises in territory")
    )
    recurrence = forms.ChoiceField(
        choices=Recurrence.choices, initial=Recurrence.NONE, label=_("Recurrence")
    )
    starts_on = forms.DateField(
        required=False,
        label=_("Starts on"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    due_date = forms.DateField(
        required=False,
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].queryset = assignable_industries(scope)
        self.fields["jurisdiction"].queryset = assignable_jurisdictions(scope).order_by(
            "path"
        )
        self.fields["jurisdiction"].label_from_instance = indented_name


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (SubmissionStatus.ACCEPTED, _("Accept")),
            (SubmissionStatus.RETURNED, _("Return for correction")),
        ],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Comment"),
        help_text=_("Required when returning: say what must be corrected."),
    )
