"""What the wizard's step forms share: errors placed by a JSON-Pointer
location, the whole-entry check after a step's own validation, and steps made
of several formsets (``CompositeStepForm``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms


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


def _select(choices, **attrs) -> forms.Select:
    return forms.Select(choices=choices, attrs=attrs)


def blank_row(formset: forms.BaseFormSet) -> forms.BaseFormSet:
    """Show one blank row in a formset nobody has filled in yet.

    A blank extra row may be left empty; "add another" (portal.js) clones
    the formset's empty form for more.
    """
    if not formset.is_bound:
        formset.extra = 1
    return formset


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
