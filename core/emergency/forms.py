"""The portal's emergency forms (phone width first)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.hazards.forms import PhotosField


class DrillForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}))
    scenario = forms.CharField(label=_("Scenario"), max_length=200)
    planned = forms.TypedChoiceField(
        label=_("Planned drill"), required=False, coerce=int, empty_value=None
    )
    plan = forms.TypedChoiceField(
        label=_("Emergency plan used"), required=False, coerce=int, empty_value=None
    )
    participant_count = forms.IntegerField(
        label=_("Number of participants"), min_value=1, max_value=100000
    )
    participants = forms.TypedMultipleChoiceField(
        label=_("Participants"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    evaluation = forms.CharField(
        label=_("Evaluation"),
        required=False,
        max_length=20000,
        widget=forms.Textarea({"rows": 3}),
    )
    improvements = forms.CharField(
        label=_("Improvements"),
        required=False,
        max_length=20000,
        widget=forms.Textarea({"rows": 3}),
    )
    photos = PhotosField(label=_("Photos"), required=False)

    def __init__(self, *args, planned=(), plans=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned"].choices = [("", "—")] + [
            (item.pk, f"{item.due_on:%Y-%m-%d} {item.scenario}") for item in planned
        ]
        self.fields["plan"].choices = [("", "—")] + [(p.pk, p.title) for p in plans]
        self.fields["participants"].choices = [(p.pk, p.name) for p in people]
