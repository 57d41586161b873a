"""Forms of the risk pages: the guided entry's steps, re-assessment, filters, import.

Choices (units, people, dictionaries, methods) are read once per request into
``RiskChoices`` and shared by every form of the request: the wizard builds its
step forms several times per request and must not query per form. The
assessment fields are generated from each method's JSON Schema, as Wagtail's
form builder picks a field per question type: an ``enum`` becomes a select
labelled from the method's tables (``x-enum-titles``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.organizations.models import Enterprise, Person, Unit
from core.risks.models import (
    ControlLevel,
    ControlMeasure,
    InspectionUnit,
    RiskLevel,
    RiskPoint,
)
from core.risks.selectors import UNASSESSED, accident_types, hazard_factor_classes
from core.risks.selectors import thresholds_for as configured_thresholds
from core.scoring import (
    PLATFORM_INPUTS,
    Evaluation,
    InvalidInputs,
    RegisteredRule,
    ScoringEngine,
    number,
    scoring_engine,
)
from plugins.contributions import LevelThresholds

# The "method" of an event the user does not assess now: a new event is
# assessed later; an assessed event keeps its latest assessment.
SKIP = "skip"
EMPTY = [("", "—")]


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def localised(text: Any) -> str:
    """A schema title in the current language.

    Titles are ``{"zh-hans": ..., "en": ...}`` objects, or strings written
    ``"中文 / English"`` (the built-in methods' convention), or plain strings.
    """
    if isinstance(text, dict):
        return str(text.get("en" if _english() else "zh-hans") or "")
    text = str(text or "")
    if " / " in text:
        zh, en = text.split(" / ", 1)
        return en if _english() else zh
    return text


def enum_key(value: Any) -> str:
    """The form value of an ``enum`` member (``0.5`` → ``"0.5"``, ``10.0`` → ``"10"``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(number(value))
    return str(value)


class RiskChoices:
    """Everything the risk forms offer, read once for one enterprise."""

    def __init__(self, enterprise: Enterprise):
        self.enterprise = enterprise
        self.registry: ScoringEngine = scoring_engine()
        self._thresholds: dict[str, list[tuple[str, LevelThresholds]]] = {}

    @cached_property
    def industries(self) -> list[str]:
        return list(self.enterprise.industries.values_list("code", flat=True))

    @cached_property
    def units(self) -> list[Unit]:
        return list(
            Unit.objects.filter(enterprise=self.enterprise)
            .only("pk", "path", "depth", "name", "kind")
            .order_by("path")
        )

    @cached_property
    def unit_labels(self) -> dict[int, str]:
        """Each unit's path below the company: "合成车间 / 一班"."""
        names = {unit.path: unit.name for unit in self.units}
        step = Unit.steplen
        labels = {}
        for unit in self.units:
            parts = [
                names.get(unit.path[:end], "")
                for end in range(2 * step, len(unit.path) + 1, step)
            ]
            labels[unit.pk] = " / ".join(filter(None, parts)) or unit.name
        return labels

    @cached_property
    def unit_choices(self) -> list[tuple[str, str]]:
        # Indented by depth so the tree reads in a plain select.
        return [
            (str(unit.pk), "\u3000" * (unit.depth - 1) + unit.name)
            for unit in self.units
        ]

    @cached_property
    def person_choices(self) -> list[tuple[str, str]]:
        return [
            (str(person.pk), person.name)
            for person in Person.objects.filter(enterprise=self.enterprise).order_by(
                "name", "pk"
            )
        ]

    @cached_property
    def factor_classes(self) -> dict[str, Any]:
        return {f.code: f for f in hazard_factor_classes()}

    @cached_property
    def factor_choices(self) -> list[tuple[str, Any]]:
        """GB/T 13861 classes grouped under their four top-level groups."""
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        for code, factor in self.factor_classes.items():
            label = "\u3000" * max(factor.depth - 2, 0) + f"{code} {factor.name}"
            if len(code) == 1 or not groups:
                groups.append((factor.name, []))
            groups[-1][1].append((code, label))
        return groups

    @cached_property
    def accident_types(self) -> dict[str, Any]:
        return {a.code: a for a in accident_types()}

    @cached_property
    def accident_choices(self) -> list[tuple[str, str]]:
        return [(code, a.name) for code, a in self.accident_types.items()]

    @cached_property
    def methods(self) -> list[RegisteredRule]:
        return self.registry.risk_methods()

    def method(self, key: str) -> RegisteredRule | None:
        return next((m for m in self.methods if m.key == key), None)

    @cached_property
    def method_titles(self) -> dict[str, str]:
        return {m.key: str(m.rule.title) for m in self.methods}

    @cached_property
    def method_short(self) -> dict[str, str]:
        """Short method names for lists: the abbreviation a title ends with in
        brackets ("作业条件危险性分析法（LEC）" → "LEC"), else the title."""
        short = {}
        for key, title in self.method_titles.items():
            match = re.search(r"[（(]([^（）()]{1,12})[）)]\s*$", title)
            short[key] = match.group(1) if match else title
        return short

    @cached_property
    def conditions(self) -> list[tuple[str, str]]:
        return [
            (c.condition.key, str(c.condition.title))
            for c in self.registry.declarable_conditions(self.industries)
        ]

    def thresholds(self, method: str) -> list[tuple[str, LevelThresholds]]:
        if method not in self._thresholds:
            self._thresholds[method] = configured_thresholds(
                method=method, industry_codes=self.industries
            )
        return self._thresholds[method]

    def evaluate(self, method: str, inputs: dict[str, Any]) -> Evaluation:
        """Grade ``inputs`` as the service will (raises ``InvalidInputs``)."""
        return self.registry.evaluate(
            method,
            inputs,
            thresholds=self.thresholds(method),
            industries=self.industries,
        )


class LocatedErrorsMixin:
    """Put an error located by a JSON-Pointer tail on the field it concerns."""

    def add_location_error(self, location: tuple, message: str) -> None:
        name = str(location[0]) if location else None
        field = self.fields.get(name) if name else None
        # A hidden field (an id) shows nothing: the message goes to the form.
        if field is None or field.widget.is_hidden:
            name = None
        self.add_error(name, message)


class CheckedStepMixin(LocatedErrorsMixin):
    """A wizard step: after its own validation, the wizard's check runs.

    The wizard sets ``wizard_check`` to a callable that validates the whole
    risk point, as the service will, and adds the problems of this step to
    this form (``add_location_error``).
    """

    wizard_check: Callable[[Any], None] | None = None

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and not self._errors and self.wizard_check is not None:
            self.wizard_check(self)


def _canonical(inputs: Any) -> str:
    """Inputs as compared with those kept in a draft (JSON, keys sorted)."""
    return json.dumps(inputs, sort_keys=True, default=str)


def _select(choices, **attrs) -> forms.Select:
    return forms.Select(choices=choices, attrs=attrs)


# -- step 1: the risk point --------------------------------------------------------
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
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    position_x = forms.DecimalField(
        label=gettext_lazy("Position across the site plan (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=gettext_lazy("0 is the left edge, 100 the right edge."),
    )
    position_y = forms.DecimalField(
        label=gettext_lazy("Position down the site plan (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=gettext_lazy("0 is the top edge, 100 the bottom edge."),
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
    consequence = forms.CharField(
        label=gettext_lazy("Possible consequence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
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


def blank_row(formset: forms.BaseFormSet) -> forms.BaseFormSet:
    """Show one blank row in a formset nobody has filled in yet.

    A blank extra row may be left empty; "add another" (portal.js) clones
    the formset's empty form for more.
    """
    if not formset.is_bound:
        formset.extra = 1
    return formset


FactorFormSet = forms.formset_factory(FactorForm, extra=0, can_delete=True)
EventFormSet = forms.formset_factory(EventForm, extra=0, can_delete=True)


def _all_valid(parts) -> bool:
    # Every part is validated (not all() on a generator): each shows its errors.
    results = [part.is_valid() for part in parts]
    return all(results)


class CompositeStepForm(forms.Form):
    """Several formsets or forms posted as one wizard step.

    django-formtools gives each step one form; this one holds ``parts`` (by
    name) and is valid when they all are. ``cleaned_data`` maps each part's
    name to its cleaned data, with formsets reduced to their kept rows (not
    deleted, not left empty) in order; ``kept[name]`` holds those row forms,
    so an error located at row *i* of the data lands on the right form.
    """

    wizard_check: Callable[[Any], None] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts: dict[str, Any] = {}
        self.kept: dict[str, list[forms.Form]] = {}

    def is_valid(self) -> bool:
        return self.is_bound and not self.errors and _all_valid(self.parts.values())

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound:
            return
        if not _all_valid(self.parts.values()):
            return
        self.cleaned_data = {
            name: self._part_data(name, part) for name, part in self.parts.items()
        }
        self.clean_parts()
        if not self.has_errors() and self.wizard_check is not None:
            self.wizard_check(self)

    def _part_data(self, name: str, part: Any) -> Any:
        if isinstance(part, forms.BaseFormSet):
            deleted = set(map(id, part.deleted_forms))
            self.kept[name] = [
                form
                for form in part.forms
                if id(form) not in deleted and form.has_changed()
            ]
            return [form.cleaned_data for form in self.kept[name]]
        return part.cleaned_data

    def partial_data(self) -> dict[str, Any]:
        """What the parts hold that is valid on its own, shaped as
        ``cleaned_data``: a formset's rows not deleted and not left empty
        (each with its fields that are valid), a form's valid fields."""
        data: dict[str, Any] = {}
        for name, part in self.parts.items():
            if isinstance(part, forms.BaseFormSet):
                data[name] = [
                    getattr(form, "cleaned_data", {})
                    for form in part.forms
                    if form.has_changed()
                    and not getattr(form, "cleaned_data", {}).get("DELETE")
                ]
            else:
                data[name] = getattr(part, "cleaned_data", {})
        return data

    def clean_parts(self) -> None:
        """Checks across parts (the parts themselves are valid)."""

    def has_errors(self) -> bool:
        return bool(self._errors) or not _all_valid(self.parts.values())

    def add_location_error(self, location: tuple, message: str) -> None:
        if len(location) >= 2 and location[0] in self.kept:
            rows = self.kept[location[0]]
            if isinstance(location[1], int) and location[1] < len(rows):
                rows[location[1]].add_location_error(location[2:], message)
                return
        if location and location[0] in self.parts:
            part = self.parts[location[0]]
            if hasattr(part, "add_location_error"):
                part.add_location_error(location[1:], message)
                return
        self.add_error(None, message)

    @property
    def media(self):
        media = forms.Media()
        for part in self.parts.values():
            media += part.media
        return media


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


# -- step 3: assessment ----------------------------------------------------------------
def schema_field(name: str, prop: dict[str, Any]) -> forms.Field:
    """A form field for one input of a method's JSON Schema.

    ``enum`` → a select whose options carry the table's labels; numbers,
    integers, booleans and strings their own fields. Every field is optional
    here: what a method requires is checked by the method's schema, so the
    messages are the engine's, at the field.
    """
    label = localised(prop.get("title")) or name
    description = localised(prop.get("description"))
    if "enum" in prop:
        titles = prop.get("x-enum-titles") or []
        options = []
        values = {}
        for index, value in enumerate(prop["enum"]):
            key = enum_key(value)
            values[key] = value
            title = localised(titles[index]) if index < len(titles) else ""
            options.append((key, f"{key} — {title}" if title else key))
        return forms.TypedChoiceField(
            label=label,
            help_text=description,
            choices=EMPTY + options,
            coerce=values.__getitem__,
            empty_value=None,
            required=False,
        )
    kind = prop.get("type")
    bounds = {
        "min_value": prop.get("minimum"),
        "max_value": prop.get("maximum"),
    }
    if kind == "integer":
        return forms.IntegerField(
            label=label, help_text=description, required=False, **bounds
        )
    if kind == "number":
        return forms.DecimalField(
            label=label, help_text=description, required=False, **bounds
        )
    if kind == "boolean":
        return forms.BooleanField(label=label, help_text=description, required=False)
    items = prop.get("items") if kind == "array" else None
    if isinstance(items, dict) and "enum" in items:
        titles = items.get("x-enum-titles") or []
        return forms.TypedMultipleChoiceField(
            label=label,
            help_text=description,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[
                (
                    enum_key(value),
                    localised(titles[i]) if i < len(titles) else enum_key(value),
                )
                for i, value in enumerate(items["enum"])
            ],
            coerce={enum_key(v): v for v in items["enum"]}.__getitem__,
        )
    return forms.CharField(
        label=label,
        help_text=description,
        required=False,
        max_length=prop.get("maxLength"),
    )


class AssessmentForm(LocatedErrorsMixin, forms.Form):
    """Assess one risk event: a method and the inputs its schema asks for.

    Fields of every enabled method are present (``<method>__<input>``); the
    page shows those of the chosen method. Only the chosen method's inputs
    are read, validated and graded, exactly as the service will grade them,
    so ``evaluation`` holds the value and level to preview.
    """

    method = forms.ChoiceField(label=gettext_lazy("Method"))
    direct_conditions = forms.MultipleChoiceField(
        label=gettext_lazy("Conditions that hold"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Tick any condition that holds: it makes the risk major whatever the score."
        ),
    )
    direct_note = forms.CharField(
        label=gettext_lazy("Explanation of the conditions"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args,
        choices: RiskChoices,
        skip_label: str | None = None,
        kept: tuple[str, str, Evaluation] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.evaluation: Evaluation | None = None
        # (method, canonical inputs, evaluation) entered before, if any.
        self.kept = kept
        method_choices = [(m.key, str(m.rule.title)) for m in choices.methods]
        if skip_label:
            method_choices.append((SKIP, skip_label))
        self.fields["method"].choices = EMPTY + method_choices
        self.fields["direct_conditions"].choices = choices.conditions
        if not choices.conditions:
            del self.fields["direct_conditions"]
        self.method_fields: dict[str, list[str]] = {}
        for registered in choices.methods:
            schema = choices.registry.input_schema(registered.key, choices.industries)
            names = []
            for name, prop in (schema.get("properties") or {}).items():
                if name in PLATFORM_INPUTS or not isinstance(prop, dict):
                    continue
                field_name = f"{registered.key}__{name}"
                self.fields[field_name] = schema_field(name, prop)
                names.append(field_name)
            self.method_fields[registered.key] = names

    def fieldsets(self) -> list[dict[str, Any]]:
        """The methods' fields in groups, for the template."""
        return [
            {
                "key": registered.key,
                "title": str(registered.rule.title),
                "description": str(registered.rule.description or ""),
                "fields": [self[name] for name in self.method_fields[registered.key]],
            }
            for registered in self.choices.methods
        ]

    def inputs_for(self, method: str, cleaned: dict[str, Any]) -> dict[str, Any]:
        inputs: dict[str, Any] = {}
        for field_name in self.method_fields.get(method, []):
            value = cleaned.get(field_name)
            if value is None or value == "" or value == []:
                continue
            if isinstance(value, Decimal):
                value = number(value)
            inputs[field_name.split("__", 1)[1]] = value
        conditions = cleaned.get("direct_conditions") or []
        if conditions:
            inputs["direct_conditions"] = list(conditions)
        if cleaned.get("direct_note"):
            inputs["direct_note"] = cleaned["direct_note"]
        return inputs

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("method")
        if not method or method == SKIP:
            cleaned["inputs"] = {}
            return cleaned
        inputs = self.inputs_for(method, cleaned)
        cleaned["inputs"] = inputs
        if self.kept is not None and self.kept[:2] == (method, _canonical(inputs)):
            # Unchanged since it was evaluated: no second evaluation.
            self.evaluation = self.kept[2]
            return cleaned
        try:
            self.evaluation = self.choices.evaluate(method, inputs)
        except InvalidInputs as exc:
            for error in exc.errors:
                self.add_input_error(method, error.location, error.reason)
        return cleaned

    def add_input_error(self, method: str, location: tuple, message: str) -> None:
        """An engine error at ``/inputs/<location>`` on the field concerned."""
        name = str(location[0]) if location else ""
        if name in PLATFORM_INPUTS and name in self.fields:
            field = name
        elif f"{method}__{name}" in self.fields:
            field = f"{method}__{name}"
        else:
            field = "method"
        if field in self.errors and message in self.errors[field]:
            return
        self.add_error(field, message)

    def add_location_error(self, location: tuple, message: str) -> None:
        # Located under the event's assessment: ("method",) or ("inputs", ...).
        if location and location[0] == "inputs":
            method = self.cleaned_data.get("method") or ""
            self.add_input_error(method, tuple(location[1:]), message)
        else:
            super().add_location_error(location, message)


class AssessmentStepForm(CompositeStepForm):
    """Step 3: one assessment form per event of step 2, keyed by the event."""

    def __init__(self, *args, choices: RiskChoices, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.events = list(events)
        data = self.data if self.is_bound else None
        for event in self.events:
            assessed = event.get("latest") is not None
            self.parts[event["key"]] = AssessmentForm(
                data,
                prefix=f"{self.prefix}-{event['key']}",
                choices=choices,
                skip_label=(
                    _("Keep the current assessment") if assessed else _("Assess later")
                ),
                initial={"method": SKIP} if assessed else None,
                kept=event.get("kept"),
            )

    def rows(self) -> list[tuple[dict[str, Any], AssessmentForm]]:
        return [(event, self.parts[event["key"]]) for event in self.events]


# -- step 4: measures ----------------------------------------------------------------
class MeasureForm(LocatedErrorsMixin, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"), choices=EMPTY + ControlMeasure.Kind.choices
    )
    description = forms.CharField(
        label=gettext_lazy("Measure"), widget=forms.Textarea(attrs={"rows": 2})
    )


MeasureFormSet = forms.formset_factory(MeasureForm, extra=0, can_delete=True)


class MeasuresStepForm(CompositeStepForm):
    """Step 4: the control measures of each event, by type."""

    def __init__(self, *args, choices: RiskChoices, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.events = list(events)
        data = self.data if self.is_bound else None
        for event in self.events:
            self.parts[event["key"]] = blank_row(
                MeasureFormSet(data, prefix=f"{self.prefix}-{event['key']}")
            )

    def rows(self) -> list[tuple[dict[str, Any], Any]]:
        return [(event, self.parts[event["key"]]) for event in self.events]


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


# -- other pages -------------------------------------------------------------------
class RiskListFilterForm(forms.Form):
    """The risk list's filters (GET)."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=100)
    level = forms.ChoiceField(label=gettext_lazy("Level"), required=False)
    unit = forms.TypedChoiceField(
        label=gettext_lazy("Unit"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=EMPTY + RiskPoint.Kind.choices,
    )
    method = forms.ChoiceField(label=gettext_lazy("Method"), required=False)

    def __init__(self, *args, choices: RiskChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [
            *EMPTY,
            *RiskLevel.choices,
            (UNASSESSED, _("Not assessed yet")),
        ]
        self.fields["unit"].choices = EMPTY + choices.unit_choices
        self.fields["method"].choices = EMPTY + [
            (m.key, str(m.rule.title)) for m in choices.methods
        ]

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments (invalid values are ignored)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data.get("q") or None,
            "level": data.get("level") or None,
            "unit": data.get("unit"),
            "kind": data.get("kind") or None,
            "method": data.get("method") or None,
        }


class ImportForm(forms.Form):
    """Upload a filled-in risk list."""

    MAX_SIZE = 10 * 1024 * 1024

    file = forms.FileField(
        label=gettext_lazy("Risk list (.xlsx)"),
        help_text=gettext_lazy("Fill in the downloaded template; at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(
                _("Upload an Excel workbook (.xlsx), such as the template.")
            )
        if upload.size > self.MAX_SIZE:
            raise ValidationError(_("The file is larger than 10 MB."))
        return upload
