"""The guided entry's steps (core/risks/portal_wizard.py): one form per step."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.base.form_fields import text_area
from core.risks.forms.assessment import AssessmentForm
from core.risks.forms.base import (
    CheckedStepMixin,
    CompositeStepForm,
    LocatedErrorsMixin,
    blank_row,
)
from core.risks.forms.choices import EMPTY, SKIP, RiskChoices
from core.risks.models import (
    ControlLevel,
    ControlMeasure,
    InspectionUnit,
    RiskPoint,
)


# -- step 1: the risk point --------------------------------------------------------
def _plan_position(label, help_text) -> forms.DecimalField:
    """One coordinate of the point on the site plan, in percent of its side."""
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_value=100, help_text=help_text
    )


class PointForm(CheckedStepMixin, forms.Form):
    """What the risk point is and where it is."""

    name = forms.CharField(
        label=gettext_lazy("Name of the risk point"),
        max_length=200,
        help_text=gettext_lazy(
            "A piece of equipment, a facility, an area or an operation, "
            "e.g. “Liquid ammonia tank area”."
        ),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=EMPTY + RiskPoint.Kind.choices
    )
    unit = forms.ChoiceField(
        label=gettext_lazy("Unit"),
        required=False,
        help_text=gettext_lazy("Where it sits in the enterprise's units."),
    )
    description = text_area(gettext_lazy("Description"))
    position_x = _plan_position(
        gettext_lazy("Position across the site plan (%)"),
        gettext_lazy("0 is the left edge, 100 the right edge."),
    )
    position_y = _plan_position(
        gettext_lazy("Position down the site plan (%)"),
        gettext_lazy("0 is the top edge, 100 the bottom edge."),
    )
    # A drawn area (polygon) set elsewhere is kept as it is.
    area = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = EMPTY + choices.unit_choices

    def clean(self):
        cleaned = super().clean()
        x, y = cleaned.get("position_x"), cleaned.get("position_y")
        if (x is None) != (y is None) and not self.errors.get("position_x"):
            missing = "position_y" if y is None else "position_x"
            if not self.errors.get(missing):
                self.add_error(
                    missing, _("Give both coordinates, or leave both empty.")
                )
        return cleaned

    def add_location_error(self, location: tuple, message: str) -> None:
        if location and location[0] == "position":
            self.add_error("position_x", message)
        else:
            super().add_location_error(location, message)


# -- step 2: hazard factors and risk events ------------------------------------------
class FactorForm(LocatedErrorsMixin, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    analysis_unit = forms.CharField(required=False, widget=forms.HiddenInput)
    code = forms.ChoiceField(label=gettext_lazy("Class (GB/T 13861)"))
    description = forms.CharField(
        label=gettext_lazy("What exactly"), max_length=300, required=False
    )

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = EMPTY + choices.factor_choices


class EventForm(LocatedErrorsMixin, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    analysis_unit = forms.CharField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=gettext_lazy("Risk event"),
        max_length=300,
        help_text=gettext_lazy("What can happen, e.g. “Leak of liquid ammonia”."),
    )
    accident_types = forms.MultipleChoiceField(
        label=gettext_lazy("Accident types (GB 6441)"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Choose at least one accident type (GB 6441).")
        },
    )
    consequence = text_area(gettext_lazy("Possible consequence"), 2)
    hazard_factors = forms.MultipleChoiceField(
        label=gettext_lazy("Caused by (GB/T 13861)"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy(
            "Hold Ctrl (⌘ on a Mac) to choose several. Classes that are not "
            "among the hazard factors above are added to them."
        ),
    )

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accident_types"].choices = choices.accident_choices
        self.fields["hazard_factors"].choices = choices.factor_choices


FactorFormSet = forms.formset_factory(FactorForm, extra=0, can_delete=True)
EventFormSet = forms.formset_factory(EventForm, extra=0, can_delete=True)


class FactorsEventsForm(CompositeStepForm):
    """Step 2: the hazard factors of the point and the events they can cause."""

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        data = self.data if self.is_bound else None
        self.parts["factors"] = blank_row(
            FactorFormSet(
                data, prefix=f"{self.prefix}-factors", form_kwargs={"choices": choices}
            )
        )
        self.parts["events"] = blank_row(
            EventFormSet(
                data, prefix=f"{self.prefix}-events", form_kwargs={"choices": choices}
            )
        )

    def clean_parts(self) -> None:
        if not self.cleaned_data["events"]:
            self.add_error(
                None,
                _("Add at least one risk event: what can happen at this point."),
            )


class _PerEventStepForm(CompositeStepForm):
    """A step with one part per event of step 2, keyed by the event and
    prefixed with its key; ``rows()`` pairs each event with its part."""

    def __init__(self, *args, choices: RiskChoices, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.events = list(events)
        data = self.data if self.is_bound else None
        for event in self.events:
            prefix = f"{self.prefix}-{event['key']}"
            self.parts[event["key"]] = self.event_part(event, data, prefix, choices)

    def event_part(
        self, event: dict[str, Any], data, prefix: str, choices: RiskChoices
    ) -> Any:
        raise NotImplementedError

    def rows(self) -> list[tuple[dict[str, Any], Any]]:
        return [(event, self.parts[event["key"]]) for event in self.events]


class AssessmentStepForm(_PerEventStepForm):
    """Step 3: one assessment form per event of step 2, keyed by the event."""

    def event_part(self, event, data, prefix, choices):
        assessed = event.get("latest") is not None
        return AssessmentForm(
            data,
            prefix=prefix,
            choices=choices,
            skip_label=(
                _("Keep the current assessment") if assessed else _("Assess later")
            ),
            initial={"method": SKIP} if assessed else None,
            kept=event.get("kept"),
        )


# -- step 4: measures ----------------------------------------------------------------
class MeasureForm(LocatedErrorsMixin, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"), choices=EMPTY + ControlMeasure.Kind.choices
    )
    description = text_area(gettext_lazy("Measure"), 2, required=True)


MeasureFormSet = forms.formset_factory(MeasureForm, extra=0, can_delete=True)


class MeasuresStepForm(_PerEventStepForm):
    """Step 4: the control measures of each event, by type."""

    def event_part(self, event, data, prefix, choices):
        return blank_row(MeasureFormSet(data, prefix=prefix))


# -- step 5: responsibility --------------------------------------------------------------
class ControlForm(CheckedStepMixin, forms.Form):
    """The control assignment: who controls the risk, how often it is checked."""

    level = forms.ChoiceField(
        label=gettext_lazy("Control level"),
        required=False,
        choices=EMPTY + ControlLevel.choices,
    )
    responsible_unit = forms.ChoiceField(
        label=gettext_lazy("Responsible unit"), required=False
    )
    responsible_person = forms.ChoiceField(
        label=gettext_lazy("Responsible person"), required=False
    )
    inspection_every = forms.IntegerField(
        label=gettext_lazy("Inspect every"),
        required=False,
        min_value=1,
        max_value=1000,
    )
    inspection_unit = forms.ChoiceField(
        label=gettext_lazy("Period"),
        required=False,
        choices=EMPTY + InspectionUnit.choices,
    )

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_unit"].choices = EMPTY + choices.unit_choices
        self.fields["responsible_person"].choices = EMPTY + choices.person_choices

    def clean(self):
        cleaned = super().clean()
        every, unit = cleaned.get("inspection_every"), cleaned.get("inspection_unit")
        if self.errors.get("inspection_every"):
            return cleaned
        if every is None and unit:
            self.add_error(
                "inspection_every",
                _("Give both the number and the unit of the inspection period."),
            )
        elif every is not None and not unit:
            self.add_error(
                "inspection_unit",
                _("Give both the number and the unit of the inspection period."),
            )
        return cleaned


# -- step 6: review ------------------------------------------------------------------
class ReviewForm(CheckedStepMixin, forms.Form):
    """Nothing to fill in: the wizard checks the whole risk point once more."""

    def __init__(self, *args, choices: RiskChoices | None = None, **kwargs):
        super().__init__(*args, **kwargs)
