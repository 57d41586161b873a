"""A check item: compliant / non-compliant / not applicable, with a note and
photos as evidence, scored (points, deduction, guarantee item) and opening a
hazard of its grade when non-compliant."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import (
    CHECK_RESULTS,
    EVIDENCE_MAX_FILES,
    EVIDENCE_MAX_MB,
    NOTE_MAX_LENGTH,
    Node,
    Problem,
)
from core.forms.fields import (
    CHECK_CHOICES,
    NOTE_SUFFIX,
    PHOTOS_SUFFIX,
    UploadsField,
    UploadsValue,
)
from core.forms.questions.base import QuestionType, number_text
from core.forms.questions.parts import QuestionBlock, layout
from core.forms.questions.registry import register
from core.forms.questions.schemas import text_schema, upload_schema

RESULT_LABELS = {
    "compliant": lambda: gettext("Compliant"),
    "non_compliant": lambda: gettext("Non-compliant"),
    "not_applicable": lambda: gettext("Not applicable"),
}


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
        form_layout = layout(
            "points",
            "deduction",
            "guarantee",
            "allow_not_applicable",
            "hazard_grade",
            "evidence",
        )


@register
class CheckItem(QuestionType):
    name = "check_item"
    block_class = CheckItemBlock
    condition_source = True
    condition_op = "result"
    condition_picker = "results"
    fill_template = "forms/questions/fill/check_item.html"
    display_template = "forms/questions/display/check_item.html"

    def problems(self, node: Node, earlier: Mapping[str, Node]) -> list[Problem]:
        points = node.value.get("points")
        deduction = node.value.get("deduction")
        if points is not None and deduction is not None and deduction > points:
            return [
                Problem(
                    (*node.path, "deduction"),
                    gettext("A deduction cannot exceed the item's points (%(points)s).")
                    % {"points": number_text(points)},
                )
            ]
        return []

    def condition_values(self, node: Node) -> list[str] | None:
        if node.value.get("allow_not_applicable", True):
            return list(CHECK_RESULTS)
        return list(CHECK_RESULTS[:2])

    def match_answer(self, matched: dict[str, Any]) -> dict[str, Any]:
        return {"properties": {"result": matched}, "required": ["result"]}

    def schema(self, node: Node, by_key: Mapping[str, Node]) -> dict[str, Any]:
        value = node.value
        results = list(CHECK_RESULTS)
        if not value.get("allow_not_applicable", True):
            results.remove("not_applicable")
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {
                "result": {"enum": results},
                "note": text_schema(NOTE_MAX_LENGTH),
                "photos": upload_schema(["image"], EVIDENCE_MAX_MB, EVIDENCE_MAX_FILES),
            },
            "required": ["result"],
            "additionalProperties": False,
        }
        evidence = value.get("evidence") or {}
        needed = [
            name
            for name, flag in (
                ("note", evidence.get("requires_note")),
                ("photos", evidence.get("requires_photo")),
            )
            if flag
        ]
        if needed:
            then: dict[str, Any] = {"required": needed}
            if "photos" in needed:
                then["properties"] = {"photos": {"minItems": 1}}
            schema["if"] = {"properties": {"result": {"const": "non_compliant"}}}
            schema["then"] = then
        return schema

    def ui(self, node: Node) -> dict[str, Any]:
        value = node.value
        evidence = value.get("evidence") or {}
        return {
            "widget": "check",
            "points": value.get("points") if value.get("points") is not None else 0,
            "deduction": value.get("deduction"),
            "guarantee": bool(value.get("guarantee")),
            "allow_not_applicable": bool(value.get("allow_not_applicable", True)),
            "hazard_grade": value.get("hazard_grade") or None,
            "evidence": {
                "photo": bool(evidence.get("requires_photo")),
                "note": bool(evidence.get("requires_note")),
            },
        }

    def scoring_item(self, node: Node, group: str | None) -> dict[str, Any] | None:
        points = node.value.get("points")
        return {
            "key": node.key,
            "label": node.label,
            "group": group,
            "points": float(points if points is not None else 0),
            "deduction": node.value.get("deduction"),
            "guarantee": bool(node.value.get("guarantee")),
            "hazard_grade": node.value.get("hazard_grade") or None,
        }

    def form_fields(self, question, required, common):
        choices = (
            CHECK_CHOICES if question.get("allow_not_applicable") else CHECK_CHOICES[:2]
        )
        key = question["key"]
        return {
            key: forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, required=required, **common
            ),
            key + NOTE_SUFFIX: forms.CharField(
                label=_("Note"),
                required=False,
                strip=False,
                max_length=NOTE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            ),
            key + PHOTOS_SUFFIX: UploadsField(
                label=_("Photos"),
                required=False,
                kinds=["image"],
                max_size_mb=EVIDENCE_MAX_MB,
                max_files=EVIDENCE_MAX_FILES,
            ),
        }

    def answer(self, question, cleaned, references):
        key = question["key"]
        item: dict[str, Any] = {}
        if cleaned.get(key):
            item["result"] = cleaned[key]
        note = cleaned.get(key + NOTE_SUFFIX)
        if note:
            item["note"] = note
        photos = references(cleaned.get(key + PHOTOS_SUFFIX))
        if photos:
            item["photos"] = photos
        return item or None

    def field_names(self, key: str) -> list[str]:
        return [key, key + NOTE_SUFFIX, key + PHOTOS_SUFFIX]

    def field_name(self, key: str, rest: tuple) -> str:
        if rest and rest[0] == "note":
            return key + NOTE_SUFFIX
        if rest and rest[0] == "photos":
            return key + PHOTOS_SUFFIX
        return key

    def initial(self, question, answer):
        key = question["key"]
        answer = answer if isinstance(answer, dict) else {}
        return {
            key: answer.get("result"),
            key + NOTE_SUFFIX: answer.get("note"),
            key + PHOTOS_SUFFIX: UploadsValue(
                references=list(answer.get("photos") or [])
            ),
        }

    def form_data(self, question, answer, name):
        answer = answer if isinstance(answer, dict) else {}
        data = []
        if "result" in answer:
            data.append((name, answer["result"]))
        if "note" in answer:
            data.append((name + NOTE_SUFFIX, answer["note"]))
        if "photos" in answer:
            data.append((name + PHOTOS_SUFFIX, json.dumps(answer["photos"])))
        return data

    def display(self, question, answer):
        if not isinstance(answer, dict):
            return str(answer)
        text = RESULT_LABELS.get(answer.get("result") or "", lambda: "—")()
        if answer.get("note"):
            text += f" — {answer['note']}"
        if answer.get("photos"):
            text += " " + gettext("(%(count)d photos)") % {
                "count": len(answer["photos"])
            }
        return text

    def row_parts(self, question, answer):
        if not isinstance(answer, dict):
            return {}
        return {
            "result": str(answer.get("result") or ""),
            "note": str(answer.get("note") or ""),
        }

    def file_references(self, answer: Any) -> Iterator[tuple[Any, tuple]]:
        if isinstance(answer, dict):
            for index, reference in enumerate(answer.get("photos") or []):
                yield reference, ("photos", index)
