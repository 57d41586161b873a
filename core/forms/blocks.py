"""The blocks a department officer builds a form or checklist from.

The block type names and child names are the stored format of a definition
(``[{"type": ..., "value": {...}}]``), shared by the editor, the pack hook
``safegrid_form_definitions()`` and the JSON import/export: never rename them.
Each question type's block lives with its type (``core.forms.questions``);
this module assembles them into the body of a definition: sections, rules and
the registered question types, in the registry's order. Checks that span
blocks (unique keys, conditions on earlier answers, calculations) live in
``core.forms.definition`` and are raised at the block they concern by
``FormBodyBlock.clean``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup

from core.forms.definition import (
    definition_problems,
    fill_missing_keys,
    problems_as_block_error,
)
from core.forms.questions import question_types
from core.forms.questions.parts import (
    ConditionBlock,
    KeyBlock,
    PickerBlock,
    PickerInput,
    RequiredWhenBlock,
    RuleBlock,
    key_validator,
    picker_texts,
)

__all__ = [
    "ConditionBlock",
    "FormBodyBlock",
    "KeyBlock",
    "OptionListItemBlock",
    "PickerBlock",
    "PickerInput",
    "RequiredWhenBlock",
    "RuleBlock",
    "SectionBlock",
    "body_block",
    "key_validator",
    "picker_texts",
]


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


def _questions() -> list[tuple[str, blocks.Block]]:
    """The blocks of every registered question type, in order."""
    return [(qt.name, qt.block()) for qt in question_types()]


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
