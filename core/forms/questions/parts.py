"""The blocks every question type is built from: the key, the pickers of
the editor, the condition and evidence rule, options, and what every question
has (``QuestionBlock``) or every choice question (``ChoiceQuestionBlock``).

``KeyBlock`` and ``PickerBlock`` are named in migrations as
``core.forms.blocks.<name>`` (where they were first defined, and still
importable): ``DECONSTRUCT_ALIASES`` keeps that path.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup

from core.forms.definition.model import KEY_PATTERN

key_validator = RegexValidator(
    KEY_PATTERN,
    _(
        "A key is 1-40 lowercase letters, digits or underscores and starts with "
        "a letter, e.g. fire_exits."
    ),
)


class KeyBlock(blocks.CharBlock):
    """The stable key answers are stored under; generated when left empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("label", _("Key"))
        kwargs.setdefault(
            "help_text",
            _(
                "A short fixed name of the question, used when data is exchanged "
                "with other systems. Leave it empty and one is made for you; do "
                "not change it once the form is in use."
            ),
        )
        super().__init__(validators=[key_validator], **kwargs)


@deconstructible(path="core.forms.blocks.PickerInput")
class PickerInput(forms.TextInput):
    """A text input the editor's script turns into pickers of the questions
    before the block (by label) and of their answers (by label); the stored
    value stays the keys and values of the definition format. Without the
    script it is the plain input."""

    def __init__(self, picker: str, attrs=None):
        super().__init__(attrs={**(attrs or {}), "data-sg-picker": picker})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["data-sg-texts"] = json.dumps(picker_texts(), ensure_ascii=False)
        attrs["data-sg-types"] = json.dumps(picker_types(), separators=(",", ":"))
        return context

    @property
    def media(self):
        return forms.Media(
            js=["safegrid/js/form-editor.js"],
            css={"all": ["safegrid/css/forms-admin.css"]},
        )


class PickerBlock(blocks.CharBlock):
    """A text child shown as pickers (``PickerInput``); stores text as ever."""

    def __init__(self, picker: str, **kwargs):
        super().__init__(**kwargs)
        self.field.widget = PickerInput(picker)


def picker_types() -> dict[str, dict[str, Any]]:
    """What the editor's pickers need to know of each registered question
    type, so that ``form-editor.js`` names none: whether a condition may
    depend on it, whether it is a number of calculations and rules, whether
    it holds other questions, and how a condition's value is picked
    (``QuestionType.condition_picker``)."""
    from core.forms.questions.registry import question_types

    return {
        kind.name: {
            "condition": kind.condition_source,
            "numeric": kind.numeric,
            "container": kind.container,
            "values": kind.condition_picker,
        }
        for kind in question_types()
    }


def picker_texts() -> dict[str, Any]:
    """The words of the editor's pickers, in the officer's language."""
    return {
        "choose": str(_("— choose —")),
        "question": str(_("Question")),
        "none": str(_("No earlier question can be chosen here.")),
        "notFound": str(_("(not an earlier question)")),
        "compliant": str(_("Compliant")),
        "non_compliant": str(_("Non-compliant")),
        "not_applicable": str(_("Not applicable")),
        "number": str(_("a number")),
        "add": str(_("+ add a question")),
        "remove": str(_("Remove")),
        "plus": str(_("plus")),
        "typed": str(
            _("This was written as a calculation; change it here or choose again.")
        ),
        "chooseAgain": str(_("Choose again")),
        "operation": str(_("Calculate the")),
        "operations": {
            "sum": str(_("sum of")),
            "difference": str(_("difference: the first minus the others")),
            "product": str(_("product of")),
            "ratio": str(_("ratio: the first divided by the others")),
            "average": str(_("average of")),
            "min": str(_("smallest of")),
            "max": str(_("largest of")),
        },
        "signs": {
            "sum": "+",
            "difference": "−",
            "product": "×",
            "ratio": "÷",
            "average": "、",
            "min": "、",
            "max": "、",
        },
    }


def _earlier_question(label, help_text) -> PickerBlock:
    """The earlier question a condition looks at; none chosen, no condition."""
    return PickerBlock(
        "condition-question",
        required=False,
        max_length=40,
        label=label,
        help_text=help_text,
    )


class ConditionBlock(blocks.StructBlock):
    """Show only when an earlier answer is (not) one of given values
    (nothing chosen: always shown)."""

    question = _earlier_question(
        _("Show only when"), _("Leave empty to always show it.")
    )
    operator = blocks.ChoiceBlock(
        choices=[
            ("is", _("is")),
            ("is_not", _("is not")),
            ("any_of", _("is any of")),
        ],
        default="is",
        required=False,
        label=_("Comparison"),
    )
    value = PickerBlock(
        "condition-value",
        required=False,
        max_length=400,
        label=_("Answer"),
    )

    class Meta:
        label = _("Condition")
        icon = "cogs"
        form_classname = "sg-condition"


class RequiredWhenBlock(ConditionBlock):
    """An evidence rule: the question is always shown but must be answered
    only when an earlier answer is (not) one of given values, e.g. a photo
    required when the equipment's state is 不合格 (nothing chosen: the
    "Required" tick decides)."""

    question = _earlier_question(
        _("Required only when"), _("Leave empty and the “Required” tick decides.")
    )

    class Meta:
        label = _("Evidence rule")
        icon = "image"
        form_classname = "sg-condition sg-required-when"


class RuleBlock(blocks.StructBlock):
    """A check across earlier number answers (XLSForm's constraint): e.g.
    running + stopped + under maintenance must equal the total."""

    left = PickerBlock(
        "expression",
        max_length=500,
        label=_("These answers added up"),
    )
    comparison = blocks.ChoiceBlock(
        choices=[
            ("eq", _("must equal")),
            ("ne", _("must not equal")),
            ("lt", _("must be less than")),
            ("le", _("must be at most")),
            ("gt", _("must be more than")),
            ("ge", _("must be at least")),
        ],
        default="eq",
        label=_("Comparison"),
    )
    right = PickerBlock(
        "expression",
        max_length=500,
        label=_("This answer or number"),
    )
    message = blocks.CharBlock(
        max_length=300,
        label=_("Message when it does not hold"),
        help_text=_(
            "Shown at the last of these questions, e.g. “运行、停产、检修装置之和应等于装置总数”."
        ),
    )

    class Meta:
        label = _("Check across questions")
        icon = "warning"


class OptionBlock(blocks.StructBlock):
    # Not required one by one: a row left empty is no option (a choice may
    # take its options from a list); a half-filled row is reported.
    value = blocks.CharBlock(
        required=False,
        max_length=40,
        label=_("Stored value"),
        validators=[key_validator],
        help_text=_("Lowercase letters, digits, underscores; never change it."),
    )
    label = blocks.CharBlock(required=False, max_length=200, label=_("Shown as"))

    class Meta:
        label = _("Option")
        icon = "list-ul"


class QuestionBlock(blocks.StructBlock):
    """What every question has: a label, a stable key, help, required, condition."""

    label = blocks.CharBlock(max_length=300, label=_("Question"))
    key = KeyBlock()
    help_text = blocks.CharBlock(required=False, max_length=500, label=_("Help text"))
    required = blocks.BooleanBlock(required=False, default=True, label=_("Required"))
    condition = ConditionBlock()

    class Meta:
        label_format = "{label}"


class ChoiceQuestionBlock(QuestionBlock):
    """What a choice question has besides: its options, typed here or taken
    from a list (their blocks follow the common ones, as they always did)."""

    # At least two, unless the question takes its options from a list
    # (checked with the whole definition: ``definition_problems``).
    options = blocks.ListBlock(OptionBlock(), min_num=0, label=_("Options"))
    option_list = PickerBlock(
        "option-list",
        required=False,
        max_length=20,
        label=_("Or take the options from a list"),
        help_text=_(
            "Your department's option lists (Forms › Option lists); the "
            "options typed above are then not used."
        ),
    )


def layout(*main: str, settings: tuple[str, ...] = ()) -> BlockGroup:
    # The condition is part of the question, shown with it (not behind ⚙).
    return BlockGroup(
        children=["label", "help_text", "required", *main, "condition"],
        settings=["key", *settings],
    )


# Where migrations find these blocks (Wagtail's ``Block.deconstruct``).
DECONSTRUCT_ALIASES = {
    KeyBlock: "core.forms.blocks.KeyBlock",
    PickerBlock: "core.forms.blocks.PickerBlock",
}
