"""Photos or files: of given kinds, a size limit per file, at most so many."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.forms.definition.model import FILE_TYPES, Node
from core.forms.fields import UploadsField, UploadsValue
from core.forms.questions.base import QuestionType
from core.forms.questions.parts import QuestionBlock, RequiredWhenBlock, layout
from core.forms.questions.registry import register
from core.forms.questions.schemas import count_limits, upload_schema

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
        form_layout = layout("accept", "max_size_mb", "max_files", "required_when")


@register
class FileUpload(QuestionType):
    name = "file_upload"
    block_class = FileUploadBlock
    evidence_rule = True
    display_template = "forms/questions/display/files.html"
    answer_is_files = True

    def schema(self, node, by_key):
        value = node.value
        return {
            **upload_schema(
                list(value.get("accept") or ["image"]),
                value.get("max_size_mb") or 10,
                value.get("max_files") or 5,
            ),
            **count_limits(value),
        }

    def required_when_then(self, node: Node) -> dict[str, Any]:
        return {"properties": {node.key: {"minItems": 1}}}

    def ui(self, node: Node) -> dict[str, Any]:
        value = node.value
        kinds = list(value.get("accept") or ["image"])
        return {
            "widget": "file",
            "accept": kinds,
            "extensions": sorted({e for k in kinds for e in FILE_TYPES.get(k, {})}),
            "max_size_mb": value.get("max_size_mb") or 10,
            "max_files": value.get("max_files") or 5,
        }

    def form_fields(self, question, required, common):
        return {
            question["key"]: UploadsField(
                kinds=question.get("accept") or ["image"],
                max_size_mb=question.get("max_size_mb") or 10,
                max_files=question.get("max_files") or 5,
                required=required,
                **common,
            )
        }

    def answer(self, question, cleaned, references):
        return references(cleaned.get(question["key"])) or None

    def initial(self, question, answer):
        return {question["key"]: UploadsValue(references=list(answer or []))}

    def form_data(self, question, answer, name):
        return [(name, json.dumps(answer))]

    def display(self, question, answer):
        if not isinstance(answer, list):
            return str(answer)
        return "、".join(
            str(ref.get("name", "")) for ref in answer if isinstance(ref, dict)
        )

    def file_references(self, answer: Any) -> Iterator[tuple[Any, tuple]]:
        if isinstance(answer, list):
            for index, reference in enumerate(answer):
                yield reference, (index,)
