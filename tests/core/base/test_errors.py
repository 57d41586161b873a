"""The one way a service's errors reach a form (``apply_errors``) and the
messages (``show_messages``)."""

from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.base.errors import Invalid, Problems, apply_errors, show_messages


class EntryForm(forms.Form):
    title = forms.CharField(required=False)
    photos = forms.CharField(required=False)


class RowForm(forms.Form):
    name = forms.CharField(required=False)


RowFormSet = forms.formset_factory(RowForm, extra=2)


def bound() -> EntryForm:
    form = EntryForm(data={"title": "x"})
    assert form.is_valid()
    return form


def test_an_invalids_problems_land_at_the_field_their_location_starts_with():
    problems = Problems()
    problems.add("title", "title is wrong")
    problems.add(("members", 0, "name"), "not a field of the form")
    problems.add((), "the whole")
    form = bound()

    apply_errors(form, Invalid(problems.errors))

    assert form.errors["title"] == ["title is wrong"]
    assert form.non_field_errors() == ["not a field of the form", "the whole"]


def test_a_dict_error_lands_at_its_fields_and_a_plain_one_above_the_form():
    form = bound()
    apply_errors(form, ValidationError({"title": "bad", "other": "elsewhere"}))
    assert form.errors["title"] == ["bad"]
    assert form.non_field_errors() == ["elsewhere"]

    form = bound()
    apply_errors(form, ValidationError(["one", "two"]))
    assert form.non_field_errors() == ["one", "two"]


def test_rename_moves_a_service_name_to_the_forms_field():
    form = bound()
    apply_errors(form, ValidationError({"file": "too big"}), rename={"file": "photos"})
    assert form.errors["photos"] == ["too big"]

    form = bound()
    apply_errors(
        form, Invalid.at(("evidence", 1), "gone"), rename={"evidence": "photos"}
    )
    assert form.errors["photos"] == ["gone"]


def test_a_problem_of_a_formset_row_lands_on_that_row():
    form = bound()
    rows = RowFormSet(
        data={"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-name": "a"}
    )
    assert rows.is_valid()
    problems = Problems()
    problems.add(("rows", 1, "name"), "second row")
    problems.add(("rows", 5, "name"), "no such row")

    apply_errors(form, Invalid(problems.errors), formsets={"rows": rows})

    assert rows.forms[1].errors["name"] == ["second row"]
    assert not rows.forms[0].errors
    assert form.non_field_errors() == ["no such row"]


def test_show_messages_lists_every_problem():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    problems = Problems()
    problems.add("a", "first")
    problems.add("b", "second")

    show_messages(request, Invalid(problems.errors))
    show_messages(request, ValidationError("plain"))

    assert [str(m) for m in get_messages(request)] == ["first", "second", "plain"]
