"""Property-based tests (hypothesis) of the compiler and the form builder.

* Any definition the block editor can produce passes the editor's checks and
  compiles to a valid draft 2020-12 JSON Schema and a consistent UI description.
* Answers filled in as the form asks are accepted by the JSON Schema and the
  generated Django form alike.
* The generated Django form and the JSON Schema accept and refuse the same
  answers. The answers are those a browser can express: an unanswered question
  is a key left out (never ``""``, ``[]``, ``false`` or an empty check item),
  values have their JSON type, no question outside the form is answered (the
  form ignores unknown fields; the API refuses them — tested in test_api.py).
"""

from __future__ import annotations

import string
import uuid
from typing import Any

from django import forms
from django.http import QueryDict
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from core.forms.builder import FormBuilder, answers_as_form_data
from core.forms.definition import (
    CHECK_RESULTS,
    CONDITION_SOURCES,
    FILE_TYPES,
    QUESTION_TYPES,
    compile_definition,
    condition_met,
)
from core.forms.services import definition_check
from core.forms.validation import answers_validate

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SIMPLE_TYPES = list(QUESTION_TYPES)
labels = st.text(
    alphabet=string.ascii_letters + "检查项目 ", min_size=1, max_size=20
).filter(str.strip)
small_numbers = st.integers(min_value=-50, max_value=50)


# -- definitions -------------------------------------------------------------------------


class Keys:
    def __init__(self):
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"k{self.count}"


def _condition_values(source: dict[str, Any]) -> list[str]:
    kind, value = source["type"], source["value"]
    if kind == "check_item":
        return list(
            CHECK_RESULTS if value["allow_not_applicable"] else CHECK_RESULTS[:2]
        )
    if kind in ("single_choice", "multiple_choice"):
        return [o["value"] for o in value["options"]]
    return [str(n) for n in range(-3, 4)]


def _question(
    draw, kind: str, keys: Keys, earlier: list[dict[str, Any]]
) -> dict[str, Any]:
    numbers = [
        q["value"]["key"] for q in earlier if q["type"] in ("number", "calculated")
    ]
    if kind == "calculated" and not numbers:
        kind = "number"
    value: dict[str, Any] = {"key": keys.next(), "label": draw(labels)}
    if kind == "calculated":
        chosen = draw(st.lists(st.sampled_from(numbers), min_size=1, max_size=3))
        operator = draw(st.sampled_from([" + ", " - ", " * ", " / "]))
        value.update(
            expression=operator.join(chosen) or "1", decimals=draw(st.integers(0, 3))
        )
        return {"type": kind, "value": value}
    value["required"] = draw(st.booleans())
    sources = [q for q in earlier if q["type"] in CONDITION_SOURCES]
    if sources and draw(st.integers(0, 2)) == 0:
        source = draw(st.sampled_from(sources))
        value["condition"] = {
            "question": source["value"]["key"],
            "value": draw(st.sampled_from(_condition_values(source))),
        }
    if kind == "check_item":
        points = draw(st.integers(0, 20))
        value.update(
            points=points,
            deduction=draw(st.none() | st.integers(0, points)),
            guarantee=draw(st.booleans()),
            allow_not_applicable=draw(st.booleans()),
            hazard_grade=draw(st.sampled_from(["", "general", "major"])),
            evidence={
                "requires_photo": draw(st.booleans()),
                "requires_note": draw(st.booleans()),
            },
        )
    elif kind in ("single_choice", "multiple_choice"):
        count = draw(st.integers(2, 4))
        value["options"] = [
            {"value": f"o{i}", "label": f"Option {i}"} for i in range(count)
        ]
        if kind == "single_choice":
            value["widget"] = draw(st.sampled_from(["radio", "select"]))
        else:
            low = draw(st.none() | st.integers(0, count))
            high = draw(st.none() | st.integers(max(low or 1, 1), count))
            value.update(min_selected=low, max_selected=high)
    elif kind == "number":
        low = draw(st.none() | small_numbers)
        high = draw(st.none() | st.integers(low if low is not None else -50, 60))
        value.update(
            whole_number=draw(st.booleans()),
            minimum=low,
            maximum=high,
            warning_below=draw(st.none() | small_numbers),
            warning_above=None,
        )
    elif kind == "text":
        value.update(multiline=draw(st.booleans()), max_length=draw(st.integers(1, 30)))
    elif kind == "file_upload":
        value.update(
            accept=draw(
                st.lists(st.sampled_from(sorted(FILE_TYPES)), min_size=1, unique=True)
            ),
            max_size_mb=draw(st.sampled_from([0.5, 1.0, 10.0])),
            max_files=draw(st.integers(1, 3)),
        )
    elif kind == "signature":
        value["mode"] = draw(st.sampled_from(["confirm", "name", "drawn"]))
    return {"type": kind, "value": value}


@st.composite
def definitions(draw) -> list[dict[str, Any]]:
    """Stream data as the block editor stores it, valid by construction."""
    keys = Keys()
    blocks: list[dict[str, Any]] = []
    earlier: list[dict[str, Any]] = []  # top-level questions, for conditions

    def questions(max_size: int, allow_group: bool) -> list[dict[str, Any]]:
        made = []
        for _ in range(draw(st.integers(1, max_size))):
            if allow_group and draw(st.integers(0, 5)) == 0:
                fields: list[dict[str, Any]] = []
                group = {
                    "type": "group",
                    "value": {
                        "key": keys.next(),
                        "label": draw(labels),
                        "required": draw(st.booleans()),
                        "min_entries": draw(st.none() | st.integers(0, 2)),
                        "max_entries": draw(st.none() | st.integers(2, 4)),
                        "fields": fields,
                    },
                }
                for _ in range(draw(st.integers(1, 3))):
                    fields.append(
                        _question(
                            draw, draw(st.sampled_from(SIMPLE_TYPES)), keys, fields
                        )
                    )
                made.append(group)
                earlier.append(group)
            else:
                question = _question(
                    draw, draw(st.sampled_from(SIMPLE_TYPES)), keys, earlier
                )
                made.append(question)
                earlier.append(question)
        return made

    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            sources = [q for q in earlier if q["type"] in CONDITION_SOURCES]
            condition = {"question": "", "value": ""}
            if sources and draw(st.integers(0, 3)) == 0:
                source = draw(st.sampled_from(sources))
                condition = {
                    "question": source["value"]["key"],
                    "value": draw(st.sampled_from(_condition_values(source))),
                }
            key = keys.next()
            blocks.append(
                {
                    "type": "section",
                    "value": {
                        "key": key,
                        "title": draw(labels),
                        "condition": condition,
                        "weight": draw(st.integers(0, 5)),
                        "guarantee_floor": draw(st.none() | st.integers(0, 30)),
                        "questions": questions(3, allow_group=True),
                    },
                }
            )
        else:
            blocks.extend(questions(2, allow_group=True))
    return blocks


def compile_checked(blocks):
    raw, problems = definition_check(blocks)
    assert problems == [], [(p.location(), p.message) for p in problems]
    return compile_definition(raw, title="generated", scoring={"rule": "sum"})


# -- answers -----------------------------------------------------------------------------


def _reference(draw, kinds: list[str], max_mb: float, valid: bool) -> dict[str, Any]:
    allowed = sorted({t for k in kinds for t in FILE_TYPES[k].values()})
    content_type = (
        draw(st.sampled_from(allowed))
        if valid
        else draw(st.sampled_from([*allowed, "text/html"]))
    )
    limit = int(max_mb * 1024 * 1024)
    size = draw(st.integers(0, limit)) if valid else draw(st.integers(0, limit * 2))
    return {
        "id": str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1))))
        if valid or draw(st.booleans())
        else "not-a-uuid",
        "name": draw(st.sampled_from(["a.jpg", "报告.pdf", "x.xlsx"])),
        "content_type": content_type,
        "size": size,
    }


PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="


def _answer(
    draw, question: dict[str, Any], questions: dict[str, Any], valid: bool
) -> Any:
    """An answer to one question: one that fits it when ``valid``, else anything
    a browser could send."""
    kind = question["type"]
    if kind == "check_item":
        results = list(
            CHECK_RESULTS if question["allow_not_applicable"] else CHECK_RESULTS[:2]
        )
        result = draw(st.sampled_from(results if valid else [*CHECK_RESULTS, "bogus"]))
        answer: dict[str, Any] = {"result": result}
        evidence = question["evidence"]
        needs = valid and result == "non_compliant"
        if (needs and evidence["note"]) or draw(st.booleans()):
            answer["note"] = (
                draw(
                    st.text(
                        alphabet=string.ascii_letters + "中文 ", min_size=1, max_size=10
                    ).filter(str.strip)
                )
                if valid
                else draw(st.sampled_from(["ok", "  "]))
            )
        if (needs and evidence["photo"]) or draw(st.integers(0, 3)) == 0:
            answer["photos"] = [
                _reference(draw, ["image"], 10, valid)
                for _ in range(draw(st.integers(1, 2)))
            ]
        if not valid and draw(st.integers(0, 4)) == 0:
            answer.pop("result")
            answer.setdefault("note", "only a note")
        return answer
    if kind in ("single_choice", "multiple_choice"):
        values = [o["value"] for o in question["options"]]
        pool = values if valid else [*values, "zzz"]
        if kind == "single_choice":
            return draw(st.sampled_from(pool))
        low = max(question.get("min_selected") or 0, 1)
        high = question.get("max_selected") or len(values)
        if valid:
            if low > high:
                return draw(st.just(values[:low]))
            return draw(
                st.lists(
                    st.sampled_from(values), min_size=low, max_size=high, unique=True
                )
            )
        return draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool) + 1))
    if kind == "number":
        low = question.get("minimum")
        high = question.get("maximum")
        if valid:
            low = -100 if low is None else low
            high = 100 if high is None else high
            if question["whole_number"]:
                return draw(st.integers(int(low), int(high)))
            return draw(st.floats(low, high, allow_nan=False, allow_infinity=False))
        return draw(
            st.integers(-100, 100)
            | st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
            | st.sampled_from([2.5, 3.0, -0.0, 1e-05])
        )
    if kind == "text":
        if valid:
            return draw(
                st.text(
                    alphabet=string.ascii_letters + "中文",
                    min_size=1,
                    max_size=question["max_length"],
                )
            )
        return draw(
            st.text(min_size=1, max_size=40) | st.sampled_from([" ", "\t", "x" * 31])
        )
    if kind == "date":
        if valid:
            return draw(st.dates()).isoformat()
        return draw(
            st.dates().map(lambda d: d.isoformat())
            | st.sampled_from(["2023-02-29", "2024-1-5", "2024/01/05", "soon"])
        )
    if kind == "file_upload":
        count = draw(
            st.integers(
                1, question["max_files"] if valid else question["max_files"] + 1
            )
        )
        return [
            _reference(draw, question["accept"], question["max_size_mb"], valid)
            for _ in range(count)
        ]
    if kind == "signature":
        mode = question["mode"]
        if mode == "confirm":
            return True
        if mode == "name":
            return (
                draw(st.text(alphabet=string.ascii_letters, min_size=1, max_size=20))
                if valid
                else draw(st.sampled_from(["  ", "Li Lei"]))
            )
        return PNG if valid else draw(st.sampled_from([PNG, "javascript:alert(1)"]))
    if kind == "location":
        if valid:
            return {"lat": draw(st.floats(-90, 90)), "lng": draw(st.floats(-180, 180))}
        answer = {"lat": draw(st.floats(-100, 100)), "lng": draw(st.floats(-200, 200))}
        if draw(st.integers(0, 3)) == 0:
            answer.pop("lng")
        return answer
    raise AssertionError(kind)


def _fill(
    draw, keys: list[str], questions: dict[str, Any], valid: bool, scope: dict[str, Any]
):
    """Answers to ``keys`` in order; ``valid`` answers follow the conditions."""
    for key in keys:
        question = questions[key]
        kind = question["type"]
        if kind == "calculated":
            continue
        shown = condition_met(question.get("condition"), scope)
        if valid and not shown:
            continue
        if not question["required"] and draw(st.integers(0, 3)) == 0:
            continue
        if not valid and draw(st.integers(0, 4)) == 0:
            continue
        if kind == "group":
            low = max(question.get("min_entries") or 0, 1)
            high = question.get("max_entries") or 3
            count = (
                draw(st.integers(low, max(low, high)))
                if valid
                else draw(st.integers(1, 4))
            )
            entries = []
            for _ in range(count):
                entry: dict[str, Any] = {}
                _fill(draw, question["fields"], questions, valid, entry)
                entries.append(entry)
            scope[key] = entries
            continue
        scope[key] = _answer(draw, question, questions, valid)


@st.composite
def valid_answers(draw, ui_schema) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    _fill(draw, ui_schema["order"], ui_schema["questions"], True, answers)
    return answers


@st.composite
def any_answers(draw, ui_schema) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    _fill(
        draw, ui_schema["order"], ui_schema["questions"], draw(st.booleans()), answers
    )
    if answers and draw(st.booleans()):
        # Spoil a valid answer in one place, the way a user would.
        key = draw(st.sampled_from(sorted(answers)))
        question = ui_schema["questions"][key]
        if question["type"] == "group":
            answers.pop(key)
        else:
            answers[key] = _answer(draw, question, ui_schema["questions"], False)
    return answers


# -- the properties ------------------------------------------------------------------------


def form_for(compiled, answers):
    builder = FormBuilder(compiled.ui_schema, compiled.json_schema)
    form_class = builder.get_form_class()
    data = QueryDict(mutable=True)
    for name, values in answers_as_form_data(
        builder, answers, form_class.question_keys
    ).items():
        data.setlist(name, values)
    return form_class(data=data)


def schema_result(compiled, answers):
    return answers_validate(
        json_schema=compiled.json_schema, ui_schema=compiled.ui_schema, data=answers
    )


@SETTINGS
@given(definitions())
def test_any_definition_compiles_to_a_valid_json_schema(blocks):
    compiled = compile_checked(blocks)
    Draft202012Validator.check_schema(compiled.json_schema)
    ui = compiled.ui_schema
    listed = [key for step in ui["steps"] for key in step["questions"]]
    assert listed == ui["order"]
    assert set(compiled.json_schema["properties"]) == set(ui["order"])
    for question in ui["questions"].values():
        for field_key in question.get("fields", []):
            assert ui["questions"][field_key]["group"] == question["key"]


@SETTINGS
@given(st.data())
def test_answers_filled_as_asked_are_accepted_by_schema_and_form(data):
    compiled = compile_checked(data.draw(definitions()))
    answers = data.draw(valid_answers(compiled.ui_schema))
    result = schema_result(compiled, answers)
    assert result.errors == [], [(e.pointer, e.message) for e in result.errors]
    form = form_for(compiled, answers)
    assert form.is_valid(), (form.errors, [fs.errors for fs in form.formsets.values()])
    assert form.answers == result.data


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_the_form_and_the_schema_accept_and_refuse_the_same_answers(data):
    compiled = compile_checked(data.draw(definitions()))
    answers = data.draw(any_answers(compiled.ui_schema))
    result = schema_result(compiled, answers)
    form = form_for(compiled, answers)
    form_valid = form.is_valid()
    event("accepted" if result.is_valid else "refused")
    assert form_valid == result.is_valid, (
        answers,
        [(e.pointer, e.message) for e in result.errors],
        form.errors,
        [fs.errors for fs in form.formsets.values()],
    )
    if form_valid:
        assert form.answers == result.data


# -- correcting: nothing lost ----------------------------------------------------------------


def _shown_as_posted(form, data: QueryDict) -> None:
    """Put in ``data`` what a browser posts for ``form`` as shown, unchanged."""
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, forms.MultiWidget):
            parts = (
                value if isinstance(value, list | tuple) else widget.decompress(value)
            )
            for index, part in enumerate(parts):
                if part not in (None, ""):
                    data.setlist(f"{bound.html_name}_{index}", [str(part)])
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data.setlist(bound.html_name, ["on"])
        elif isinstance(value, list | tuple):
            data.setlist(bound.html_name, [str(v) for v in value])
        elif value not in (None, ""):
            shown = widget.format_value(value)
            if isinstance(shown, list):  # a select or radio buttons
                data.setlist(bound.html_name, [str(v) for v in shown if v != ""])
            elif shown not in (None, ""):
                data.setlist(bound.html_name, [str(shown)])


def correction_posted_unchanged(compiled, answers):
    """The whole form opened on stored ``answers`` (as a correction opens
    each step) and posted back as shown."""
    builder = FormBuilder(compiled.ui_schema, compiled.json_schema)
    form_class = builder.get_form_class()
    shown = form_class(initial_answers=answers, prior_answers=answers)
    data = QueryDict(mutable=True)
    _shown_as_posted(shown, data)
    for key, formset in shown.formsets.items():
        data.setlist(f"{key}-TOTAL_FORMS", [str(len(formset.forms))])
        data.setlist(f"{key}-INITIAL_FORMS", ["0"])
        for entry in formset.forms:
            _shown_as_posted(entry, data)
    return form_class(data=data, prior_answers=answers)


@SETTINGS
@given(st.data())
def test_a_correction_brings_back_every_answer_at_every_depth(data):
    """Opening a submitted answer for correction and posting it unchanged
    gives the same answer: every question type, top-level and inside
    repeatable groups (results, notes, photos and files included)."""
    compiled = compile_checked(data.draw(definitions()))
    answers = data.draw(valid_answers(compiled.ui_schema))
    accepted = schema_result(compiled, answers)
    assert accepted.errors == []
    # A group left unanswered that asks for entries (at least some, or one
    # because it is required and was hidden by a condition) opens with blank
    # entries, as a new fill does; the portal's steps never post a hidden one.
    # Such an answer is not what a correction opens on.
    questions = compiled.ui_schema["questions"]
    assume(
        not any(
            q["type"] == "group"
            and (q.get("min_entries") or q.get("required"))
            and key not in answers
            for key, q in questions.items()
        )
    )
    event(
        "with a group"
        if any(q["type"] == "group" for q in compiled.ui_schema["questions"].values())
        else "no group"
    )
    form = correction_posted_unchanged(compiled, accepted.data)
    assert form.is_valid(), (form.errors, [fs.errors for fs in form.formsets.values()])
    assert form.answers == accepted.data
