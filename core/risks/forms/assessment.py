"""The assessment of one risk event: a method and the inputs its JSON Schema asks.

The fields are generated from each method's schema, as Wagtail's form builder
picks a field per question type: an ``enum`` becomes a select labelled from the
method's tables (``x-enum-titles``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from core.base.form_fields import text_area
from core.risks.forms.base import LocatedErrorsMixin
from core.risks.forms.choices import EMPTY, SKIP, RiskChoices, enum_key, localised
from core.scoring import (
    PLATFORM_INPUTS,
    Evaluation,
    InvalidInputs,
    number,
)


def _canonical(inputs: Any) -> str:
    """Inputs as compared with those kept in a draft (JSON, keys sorted)."""
    return json.dumps(inputs, sort_keys=True, default=str)


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
    direct_note = text_area(
        gettext_lazy("Explanation of the conditions"), 2, max_length=500
    )
    note = text_area(gettext_lazy("Note"), 2)

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
