"""JSON Schema fragments more than one question type uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.forms.definition.model import FILE_TYPES, NOT_BLANK


def text_schema(max_length: int) -> dict[str, Any]:
    """Present text: at most ``max_length`` characters, not only white space."""
    return {"type": "string", "maxLength": max_length, "pattern": NOT_BLANK}


def count_limits(
    value: Mapping[str, Any], least: str | None = None, most: str | None = None
) -> dict[str, Any]:
    """The ``minItems`` and ``maxItems`` of a list answer: at least one when
    the question is required, and the settings ``least`` and ``most`` of the
    question (``value``) when it sets them."""
    limits: dict[str, Any] = {}
    fewest = max(
        (value.get(least) if least else None) or 0, 1 if value.get("required") else 0
    )
    if fewest:
        limits["minItems"] = fewest
    if most and value.get(most):
        limits["maxItems"] = value[most]
    return limits


def upload_schema(
    kinds: list[str], max_size_mb: float, max_files: int
) -> dict[str, Any]:
    """An array of references to stored uploads (see ``FormUpload``)."""
    content_types = sorted(
        {t for kind in kinds for t in FILE_TYPES.get(kind, {}).values()}
    )
    return {
        "type": "array",
        "maxItems": max_files,
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "name": {"type": "string", "minLength": 1, "maxLength": 255},
                "content_type": {"enum": content_types},
                "size": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": int(max_size_mb * 1024 * 1024),
                },
            },
            "required": ["id", "name", "content_type", "size"],
            "additionalProperties": False,
        },
    }
