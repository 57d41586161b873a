"""What a question type is: the one place of everything that differs by type.

A ``QuestionType`` subclass (one module per type under ``core.forms.questions``)
holds its block, its checks of a definition, its JSON Schema fragment, its UI
description, its part in conditions and in the scoring plan, its Django form
fields, its answer shown as text and its uploaded files. The compiler, the
definition checks, the form builder, the answer display, the Excel export and
the validation dispatch through the registry (``question_type(name)``); they
never compare a type's name.

Two kinds of method: those of the definition (``schema``, ``ui``,
``problems``... take a parsed ``Node``) and those of a published version (``form_fields``,
``display``, ``files``... take the version's UI description of the question,
a plain mapping, so an old version is shown with its own words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from django import forms
    from django.forms.formsets import BaseFormSet
    from wagtail import blocks

    from core.forms.builder import AnswerForm, FormBuilder, QuestionLayout
    from core.forms.definition.model import Node, Problem
    from core.forms.validation import AnswerError


class QuestionType:
    """A question type; subclasses are registered with ``@register``."""

    #: The block type name: the stored format of a definition, never renamed.
    name: ClassVar[str]
    #: The block the editor offers (a ``StructBlock`` subclass).
    block_class: ClassVar[type[blocks.Block]]
    #: Holds other questions (a repeatable group): one entry per answer.
    container: ClassVar[bool] = False
    #: Computed by the server from other answers, never filled in.
    computed: ClassVar[bool] = False
    #: Its answer is a number usable in calculations and rules.
    numeric: ClassVar[bool] = False
    #: A condition (or an evidence rule) may depend on its answer.
    condition_source: ClassVar[bool] = False
    #: How the UI description's condition test compares its answer.
    condition_op: ClassVar[str] = "equals"
    #: It may have an evidence rule (``required_when``).
    evidence_rule: ClassVar[bool] = False
    #: Its options may come from a department's option list.
    has_options: ClassVar[bool] = False
    #: What the editor's condition pickers offer to compare its answer with
    #: (``form-editor.js``): "results" (a check item's), "options" (its
    #: options, typed or from an option list), "number" or "text" (typed).
    condition_picker: ClassVar[str] = "text"
    #: Its part of a generated form (``item``: its ``builder.QuestionLayout``),
    #: inside the question's ``div`` of ``forms/includes/questions.html``.
    fill_template: ClassVar[str] = "forms/questions/fill/fields.html"
    #: Its stored answer (``row``: its ``display.AnswerRow``) in the portal's
    #: ``forms/portal/includes/answers.html``, before the files it holds.
    display_template: ClassVar[str] = "forms/questions/display/text.html"
    #: Its answer is the files it holds: shown as them, never as text.
    answer_is_files: ClassVar[bool] = False
    #: Its answer signs the form (a signature): a public notice shows it as
    #: the signatory's statement, below the other answers.
    signs: ClassVar[bool] = False

    # -- the editor ------------------------------------------------------------

    def block(self) -> blocks.Block:
        return self.block_class()

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        """What is wrong with this question's own settings (``earlier``: the
        questions before it, by key)."""
        return []

    # -- conditions on its answer -------------------------------------------------

    def condition_values(self, node: Node) -> list[str] | None:
        """The values a condition on it may compare with (None: any)."""
        return None

    def condition_value_problem(self, node: Node, text: str) -> str | None:
        """Why ``text`` cannot be compared with its answer (None: it can)."""
        return None

    def condition_value(self, text: str) -> Any:
        """A compared value as the JSON answer holds it."""
        return text

    def match_one(self, values: list[Any]) -> dict[str, Any]:
        """The schema an answer matches when it is (one of) ``values``."""
        return {"const": values[0]} if len(values) == 1 else {"enum": values}

    def match_answer(self, matched: dict[str, Any]) -> dict[str, Any]:
        """``match_one`` (or its negation) applied to the whole answer."""
        return matched

    # -- compiled ------------------------------------------------------------------

    def schema(self, node: Node, by_key: Mapping[str, Node]) -> dict[str, Any]:
        """The JSON Schema of its answer (the title and description are added)."""
        raise NotImplementedError

    def required_when_then(self, node: Node) -> dict[str, Any]:
        """What an evidence rule adds to ``required`` when it holds."""
        return {}

    def ui(self, node: Node) -> dict[str, Any]:
        """Its own entries of the UI description (after the common ones)."""
        return {}

    def scoring_item(self, node: Node, group: str | None) -> dict[str, Any] | None:
        """Its item of the scoring plan (None: not scored)."""
        return None

    def compute(self, question: Mapping[str, Any], answers: dict[str, Any]) -> None:
        """Put its computed value in ``answers`` (a ``computed`` type)."""

    # -- the Django form ------------------------------------------------------------

    def form_fields(
        self, question: Mapping[str, Any], required: bool, common: dict[str, Any]
    ) -> dict[str, forms.Field]:
        """Its form fields by name (``common``: label and help text)."""
        return {}

    def answer(
        self,
        question: Mapping[str, Any],
        cleaned: Mapping[str, Any],
        references: Callable[[Any], list[dict[str, Any]]],
    ) -> Any:
        """The JSON answer from a form's cleaned data (None: unanswered, the
        key left out; ``references`` stores an upload field's new files)."""
        value = cleaned.get(question["key"])
        return None if value in (None, "", [], {}) else value

    def field_names(self, key: str) -> list[str]:
        """Its form fields' names, in the order its fill template shows them."""
        return [key]

    def field_name(self, key: str, rest: tuple) -> str:
        """The field an error at ``(key, *rest)`` of the answer is shown at."""
        return key

    def initial(self, question: Mapping[str, Any], answer: Any) -> dict[str, Any]:
        """Initial values of its fields for a stored answer."""
        return {question["key"]: answer}

    def form_data(
        self, question: Mapping[str, Any], answer: Any, name: str
    ) -> list[tuple[str, str]]:
        """What a browser posts for ``answer``: ``(field name, value)`` pairs."""
        return [(name, text(answer))]

    def post_data(
        self,
        builder: FormBuilder,
        question: Mapping[str, Any],
        answers: Mapping,
        prefix: str,
    ) -> list[tuple[str, str]]:
        """What a browser posts for its answer in ``answers`` (nothing when it
        is unanswered or computed); ``prefix`` names the fields of an entry."""
        key = question["key"]
        if self.computed or key not in answers:
            return []
        return self.form_data(question, answers[key], prefix + key)

    def formset(
        self, form: AnswerForm, question: Mapping[str, Any], initial: Any
    ) -> BaseFormSet | None:
        """The formset of its entries in ``form`` (``initial``: a stored
        answer to start from); None: its fields are the form's own. A type
        with a formset also answers ``formset_answer``, ``formset_error`` and
        ``formset_layout`` (see ``group.Group``)."""
        return None

    def formset_answer(self, form: AnswerForm, question: Mapping, partial: bool) -> Any:
        """Its answer from the cleaned entries of its formset (``form.formsets``;
        None: unanswered; ``partial``: of the fields valid on their own, empty
        entries left out)."""
        raise NotImplementedError

    def formset_error(self, form: AnswerForm, question: Mapping, error: AnswerError):
        """Put an error of its answer at the field of its entry it names."""
        raise NotImplementedError

    def formset_layout(
        self, form: AnswerForm, question: Mapping[str, Any], item: QuestionLayout
    ) -> None:
        """Give ``item`` the layouts of its entries (and of the empty entry)."""
        raise NotImplementedError

    # -- a stored answer -------------------------------------------------------------

    def display(self, question: Mapping[str, Any], answer: Any) -> str:
        """The answer (never None) as people read it."""
        return str(answer)

    def row_parts(self, question: Mapping[str, Any], answer: Any) -> dict[str, str]:
        """Extra parts of its ``AnswerRow`` (a check item's result and note, a
        drawn signature's image)."""
        return {}

    def warnings(
        self, question: Mapping[str, Any], answer: Any, path: tuple
    ) -> list[dict[str, Any]]:
        """What is accepted in the answer but flagged (a number's limits)."""
        return []

    def file_references(self, answer: Any) -> Iterator[tuple[Any, tuple]]:
        """``(reference, path within the answer)`` of each uploaded file."""
        return iter(())

    def files(self, answer: Any) -> list[dict[str, Any]]:
        """The upload references of the answer that can be shown."""
        return [
            ref
            for ref, _path in self.file_references(answer)
            if isinstance(ref, dict) and "id" in ref
        ]


def limits_in_order(node: Node, low: str, high: str, message: str) -> list[Problem]:
    """The problem of two limits of the question's settings set the wrong way
    round (``low`` above ``high``), at ``high``; none when either is unset."""
    from core.forms.definition.model import Problem

    first, last = node.value.get(low), node.value.get(high)
    if first is not None and last is not None and first > last:
        return [Problem((*node.path, high), message)]
    return []


def text(value: Any) -> str:
    """A value as a browser posts it."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def number_text(value: Any) -> str:
    """A number as typed: a float form field stores 38.0 for "38"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def with_unit(question: Mapping[str, Any], answer: Any) -> str:
    """A number answer and the question's unit: "38 m"."""
    return f"{number_text(answer)} {question.get('unit') or ''}".strip()


def number(text: str) -> int | float:
    """A compared or bound number as the JSON Schema holds it."""
    value = float(text)
    return int(value) if value.is_integer() else value
