"""The blocks a department officer builds a form or checklist from.

The block type names and child names are the stored format of a definition
(``[{"type": ..., "value": {...}}]``), shared by the editor, the pack hook
``safegrid_form_definitions()`` and the JSON import/export: never rename them.
Checks that span blocks (unique keys, conditions on earlier answers,
calculations) live in ``core.forms.definition`` and are raised at the block
they concern by ``FormBodyBlock.clean``.
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

from core.forms.definition import (
    KEY_PATTERN,
    definition_problems,
    fill_missing_keys,
    problems_as_block_error,
)

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


@deconstructible
class PickerInput(forms.TextInput):
    """A text input the editor's script turns into pickers of the questions
    before the block (by label) and of their answers (by label); the stored
    value stays the keys and values of the definition format. Without the
    script it is the plain input."""

    def __init__(self, picker: str, attrs=None):
        super().__init__(attrs={**(attrs or {}), "data-sg-picker": picker})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-sg-texts"] = json.dumps(
            picker_texts(), ensure_ascii=False
        )
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


class ConditionBlock(blocks.StructBlock):
    """Show only when an earlier answer is (not) one of given values
    (nothing chosen: always shown)."""

    question = PickerBlock(
        "condition-question",
        required=False,
        max_length=40,
        label=_("Show only when"),
        help_text=_("Leave empty to always show it."),
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

    question = PickerBlock(
        "condition-question",
        required=False,
        max_length=40,
        label=_("Required only when"),
        help_text=_("Leave empty and the “Required” tick decides."),
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


class EvidenceBlock(blocks.StructBlock):
    requires_photo = blocks.BooleanBlock(
        required=False, label=_("A non-compliant answer requires a photo")
    )
    requires_note = blocks.BooleanBlock(
        required=False, label=_("A non-compliant answer requires a note")
    )

    class Meta:
        label = _("Evidence")
        icon = "image"


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


def _options():
    # At least two, unless the question takes its options from a list
    # (checked with the whole definition: ``definition_problems``).
    return blocks.ListBlock(OptionBlock(), min_num=0, label=_("Options"))


def _option_list():
    return PickerBlock(
        "option-list",
        required=False,
        max_length=20,
        label=_("Or take the options from a list"),
        help_text=_(
            "Your department's option lists (Forms › Option lists); the "
            "options typed above are then not used."
        ),
    )


class OptionListItemBlock(blocks.StructBlock):
    """One answer of a department's option list."""

    value = blocks.CharBlock(
        max_length=40,
        label=_("Stored value"),
        validators=[key_validator],
        help_text=_("Lowercase letters, digits, underscores; never change it."),
    )
    label = blocks.CharBlock(max_length=200, label=_("Shown as"))
    score = blocks.FloatBlock(
        required=False,
        label=_("Score"),
        help_text=_("Empty: this answer counts neither in the score nor the maximum."),
    )
    finding = blocks.BooleanBlock(
        required=False,
        label=_("Counts as a finding (a hazard to follow up)"),
    )

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


def _layout(*main: str, settings: tuple[str, ...] = ()) -> BlockGroup:
    # The condition is part of the question, shown with it (not behind ⚙).
    return BlockGroup(
        children=["label", "help_text", "required", *main, "condition"],
        settings=["key", *settings],
    )


class CheckItemBlock(QuestionBlock):
    points = blocks.FloatBlock(default=10, min_value=0, label=_("Points (full score)"))
    deduction = blocks.FloatBlock(
        required=False,
        min_value=0,
        label=_("Deduction when non-compliant"),
        help_text=_("Empty: a non-compliant answer scores 0."),
    )
    guarantee = blocks.BooleanBlock(
        required=False,
        label=_("Guarantee item (保证项目)"),
        help_text=_("Counted against the section's guarantee floor."),
    )
    allow_not_applicable = blocks.BooleanBlock(
        required=False, default=True, label=_("Offer “not applicable”")
    )
    hazard_grade = blocks.ChoiceBlock(
        choices=[("general", _("General hazard")), ("major", _("Major hazard"))],
        required=False,
        label=_("A non-compliant answer opens a hazard of grade"),
    )
    evidence = EvidenceBlock()

    class Meta:
        label = _("Check item")
        icon = "tick-inverse"
        form_layout = _layout(
            "points",
            "deduction",
            "guarantee",
            "allow_not_applicable",
            "hazard_grade",
            "evidence",
        )


class SingleChoiceBlock(QuestionBlock):
    options = _options()
    option_list = _option_list()
    widget = blocks.ChoiceBlock(
        choices=[("radio", _("Buttons")), ("select", _("Drop-down list"))],
        default="radio",
        label=_("Shown as"),
    )

    class Meta:
        label = _("Single choice")
        icon = "radio-full"
        form_layout = _layout("options", "option_list", "widget")


class MultipleChoiceBlock(QuestionBlock):
    options = _options()
    option_list = _option_list()
    min_selected = blocks.IntegerBlock(
        required=False, min_value=0, label=_("At least this many")
    )
    max_selected = blocks.IntegerBlock(
        required=False, min_value=1, label=_("At most this many")
    )

    class Meta:
        label = _("Multiple choice")
        icon = "list-ul"
        form_layout = _layout("options", "option_list", "min_selected", "max_selected")


class NumberBlock(QuestionBlock):
    unit = blocks.CharBlock(required=False, max_length=20, label=_("Unit"))
    whole_number = blocks.BooleanBlock(required=False, label=_("Whole numbers only"))
    minimum = blocks.FloatBlock(required=False, label=_("Minimum"))
    maximum = blocks.FloatBlock(required=False, label=_("Maximum"))
    warning_below = blocks.FloatBlock(
        required=False,
        label=_("Warn below"),
        help_text=_("A value below this is accepted but flagged."),
    )
    warning_above = blocks.FloatBlock(
        required=False,
        label=_("Warn above"),
        help_text=_("A value above this is accepted but flagged."),
    )

    class Meta:
        label = _("Number")
        icon = "decimal"
        form_layout = _layout(
            "unit",
            "whole_number",
            "minimum",
            "maximum",
            "warning_below",
            "warning_above",
        )


class TextQuestionBlock(QuestionBlock):
    multiline = blocks.BooleanBlock(required=False, label=_("Several lines"))
    max_length = blocks.IntegerBlock(
        default=500, min_value=1, max_value=10000, label=_("Maximum length")
    )
    required_when = RequiredWhenBlock()

    class Meta:
        label = _("Text")
        icon = "pilcrow"
        form_layout = _layout("multiline", "max_length", "required_when")


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"
        form_layout = _layout()


FILE_KINDS = [
    ("image", _("Photos (JPEG, PNG, WebP)")),
    ("pdf", _("PDF documents")),
    ("office", _("Office documents (Word, Excel)")),
]


class FileUploadBlock(QuestionBlock):
    accept = blocks.MultipleChoiceBlock(
        choices=FILE_KINDS, default=["image"], label=_("Accepted files")
    )
    max_size_mb = blocks.FloatBlock(
        default=10, min_value=0.1, max_value=100, label=_("Size limit per file (MB)")
    )
    max_files = blocks.IntegerBlock(
        default=5, min_value=1, max_value=20, label=_("At most this many files")
    )
    required_when = RequiredWhenBlock()

    class Meta:
        label = _("Photo or file upload")
        icon = "image"
        form_layout = _layout("accept", "max_size_mb", "max_files", "required_when")


class SignatureBlock(QuestionBlock):
    mode = blocks.ChoiceBlock(
        choices=[
            ("confirm", _("Tick to confirm")),
            ("name", _("Type one's full name")),
            ("drawn", _("Sign by hand on the screen")),
        ],
        default="confirm",
        label=_("How"),
    )

    class Meta:
        label = _("Signature or confirmation")
        icon = "user"
        form_layout = _layout("mode")


class LocationBlock(QuestionBlock):
    class Meta:
        label = _("Location (map point)")
        icon = "site"
        form_layout = _layout()


class CalculatedBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=300, label=_("Label"))
    key = KeyBlock()
    help_text = blocks.CharBlock(required=False, max_length=500, label=_("Help text"))
    expression = PickerBlock(
        "calculation",
        max_length=500,
        label=_("Calculation"),
        help_text=_(
            "Choose what to calculate and the earlier number questions it uses, "
            "e.g. the product of length and width."
        ),
    )
    unit = blocks.CharBlock(required=False, max_length=20, label=_("Unit"))
    decimals = blocks.IntegerBlock(
        default=2, min_value=0, max_value=6, label=_("Decimal places")
    )

    class Meta:
        label = _("Calculated value")
        icon = "plus"
        label_format = "{label}"


def _simple_questions() -> list[tuple[str, blocks.Block]]:
    return [
        ("check_item", CheckItemBlock()),
        ("single_choice", SingleChoiceBlock()),
        ("multiple_choice", MultipleChoiceBlock()),
        ("number", NumberBlock()),
        ("text", TextQuestionBlock()),
        ("date", DateQuestionBlock()),
        ("file_upload", FileUploadBlock()),
        ("signature", SignatureBlock()),
        ("location", LocationBlock()),
        ("calculated", CalculatedBlock()),
    ]


class GroupBlock(QuestionBlock):
    """A repeatable group: the same questions once per entry (e.g. per tank)."""

    entry_label = blocks.CharBlock(
        required=False,
        max_length=100,
        label=_("Name of one entry"),
        help_text=_("E.g. “storage tank”."),
    )
    min_entries = blocks.IntegerBlock(
        required=False, min_value=0, max_value=500, label=_("At least this many")
    )
    max_entries = blocks.IntegerBlock(
        required=False, min_value=1, max_value=500, label=_("At most this many")
    )
    fields = blocks.StreamBlock(
        [*_simple_questions(), ("rule", RuleBlock())],
        min_num=1,
        label=_("Questions of one entry"),
    )

    class Meta:
        label = _("Repeatable group")
        icon = "table"
        form_layout = _layout("entry_label", "min_entries", "max_entries", "fields")


def _questions() -> list[tuple[str, blocks.Block]]:
    return [*_simple_questions(), ("group", GroupBlock())]


class SectionBlock(blocks.StructBlock):
    """A section: one step of the guided form and one scored part."""

    title = blocks.CharBlock(max_length=200, label=_("Section title"))
    key = KeyBlock()
    description = blocks.TextBlock(required=False, label=_("Introduction"))
    condition = ConditionBlock()
    weight = blocks.FloatBlock(
        default=1,
        min_value=0,
        label=_("Weight"),
        help_text=_("Used by the weighted-sum scoring rule."),
    )
    guarantee_floor = blocks.FloatBlock(
        required=False,
        min_value=0,
        label=_("Guarantee floor"),
        help_text=_(
            "The section scores 0 when its guarantee items score less than this "
            "in total (JGJ 59: 40 of 60)."
        ),
    )
    zero_if_guarantee_item_fails = blocks.BooleanBlock(
        required=False,
        label=_("The section scores 0 when any guarantee item scores 0"),
    )
    questions = blocks.StreamBlock(
        [*_questions(), ("rule", RuleBlock())], min_num=1, label=_("Questions")
    )

    class Meta:
        label = _("Section (a step of the form)")
        icon = "folder-open-inverse"
        label_format = "{title}"
        form_layout = BlockGroup(
            children=["title", "description", "condition", "questions"],
            settings=[
                "key",
                "weight",
                "guarantee_floor",
                "zero_if_guarantee_item_fails",
            ],
        )


class FormBodyBlock(blocks.StreamBlock):
    """The whole definition: questions and sections, checked as one."""

    def __init__(self, **kwargs):
        super().__init__(
            [*_questions(), ("section", SectionBlock()), ("rule", RuleBlock())],
            **kwargs,
        )

    def clean(self, value):
        cleaned = super().clean(value)
        raw = self.get_prep_value(cleaned)
        if fill_missing_keys(raw):
            cleaned = self.to_python(raw)
        problems = definition_problems(raw)
        if problems:
            raise problems_as_block_error(self, raw, problems)
        return cleaned

    class Meta:
        label = _("Questions and sections")


def body_block() -> FormBodyBlock:
    """The block of ``FormDefinition.body`` (also used to check plain data)."""
    return FormBodyBlock()
