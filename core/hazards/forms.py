"""The portal's forms of hazards: a report, a step, the list's filters.

The choices come from the vocabularies and the one state machine; the
checks are the services' (a service's ``Invalid`` is shown at its field).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.hazards.models import (
    FixMode,
    HazardGrade,
    HazardType,
    HowFound,
    ManagementClass,
)
from core.hazards.services import MAX_PHOTOS, enabled_grades


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one input (checked and re-encoded by the upload
    service, ``core.forms.uploads``)."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(_("At most %(n)d photos.") % {"n": MAX_PHOTOS})
        return [super(PhotosField, self).clean(item, initial) for item in files]


def _grades():
    allowed = enabled_grades()
    return [(key, label) for key, label in HazardGrade.choices if key in allowed]


class ReportForm(forms.Form):
    description = forms.CharField(
        label=_("What is wrong"), max_length=2000, widget=forms.Textarea({"rows": 3})
    )
    location = forms.CharField(label=_("Where"), max_length=200, required=False)
    risk_point = forms.TypedChoiceField(
        label=_("Risk point"), required=False, coerce=int, empty_value=None
    )
    grade = forms.ChoiceField(
        label=_("Suggested grade"), choices=_grades, initial="general"
    )
    hazard_type = forms.ChoiceField(
        label=_("Hazard type"), choices=HazardType.choices, initial="safety"
    )
    how_found = forms.ChoiceField(
        label=_("How it was found"), choices=HowFound.choices, initial="routine"
    )
    management_class = forms.ChoiceField(
        label=_("Management class"),
        choices=ManagementClass.choices,
        initial="unsafe_condition",
    )
    fix_mode = forms.ChoiceField(
        label=_("How it is fixed"), choices=FixMode.choices, initial="by_deadline"
    )
    deadline = forms.DateField(
        label=_("Suggested deadline"),
        required=False,
        widget=forms.DateInput({"type": "date"}),
    )
    photos = PhotosField(label=_("Photos"), required=False)

    def __init__(self, *args, risk_points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk_point"].choices = [
            ("", "—"),
            *((point.pk, point.name) for point in risk_points),
        ]


class StepForm(forms.Form):
    """One step's data; which fields apply is the step's (``machine.Step``)."""

    action = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )
    grade = forms.ChoiceField(label=_("Grade"), choices=_grades, required=False)
    responsible = forms.TypedChoiceField(
        label=_("Responsible person"), required=False, coerce=int, empty_value=None
    )
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput({"type": "date"})
    )
    extension_until = forms.DateField(
        label=_("New deadline requested"),
        required=False,
        widget=forms.DateInput({"type": "date"}),
    )
    rectification_measures = forms.CharField(
        label=_("Rectification measures"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )
    rectification_cost = forms.DecimalField(
        label=_("Funds (yuan)"), required=False, min_value=0, max_digits=12
    )
    contingency_plan = forms.CharField(
        label=_("Contingency plan and interim measures"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )
    evidence = PhotosField(label=_("Photos of the result"), required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].choices = [
            ("", "—"),
            *((person.pk, person.name) for person in people),
        ]
