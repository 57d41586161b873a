"""Export a definition to a JSON file and import one, so departments can share.

The file format (``FORMAT``, version 1) is described by ``file_schema()``, a
JSON Schema generated from the editor's blocks, so it can never drift from
them. Importing checks, in order: JSON syntax, the file schema, the blocks as
the editor checks them, the key and industry; every problem comes back with
its location (``blocks[2].questions[0].key``) and nothing is saved unless all
is well.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import blocks as wagtail_blocks

from core.base.errors import Invalid
from core.base.input_guard import json_loads_checked
from core.forms.blocks import body_block
from core.forms.definition import Problem, list_values
from core.forms.models import FORM_KEY_PATTERN, Fillers, FormDefinition, Kind
from core.forms.rules import is_known_rule
from core.forms.services import DefinitionInvalid, definition_check, definition_create
from core.organizations.models import Department, Industry
from plugins.schema_errors import schema_errors

FORMAT = "safegrid.form-definition"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 2_000_000
MAX_FILE_DEPTH = 40  # blocks nest about a dozen levels; far deeper is no form


def _plain(block, value: Any) -> Any:
    """Stored block data without ids and list wrappers: the file's form."""
    if isinstance(block, wagtail_blocks.StreamBlock):
        return [
            {
                "type": item["type"],
                "value": _plain(block.child_blocks[item["type"]], item["value"]),
            }
            for item in value or []
            if item.get("type") in block.child_blocks
        ]
    if isinstance(block, wagtail_blocks.StructBlock):
        return {
            name: _plain(child, (value or {}).get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, wagtail_blocks.ListBlock):
        return [_plain(block.child_block, item) for item in list_values(value)]
    return value


def definition_export(definition: FormDefinition) -> dict[str, Any]:
    """The definition as a file (its current draft, not a published version)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key": definition.key,
        "title": {"zh_hans": definition.title_zh, "en": definition.title_en},
        "kind": definition.kind,
        "fillers": definition.fillers,
        "industry": definition.industry.code if definition.industry_id else None,
        "scoring": definition.scoring_settings(),
        "blocks": _plain(body_block(), definition.body_data()),
    }


# -- the file schema ----------------------------------------------------------------


def block_schema(block) -> dict[str, Any]:
    """A JSON Schema of a block's file form (recursively)."""
    if isinstance(block, wagtail_blocks.StreamBlock):
        names = list(block.child_blocks)
        item: dict[str, Any] = {
            "type": "object",
            "properties": {
                "type": {"enum": names},
                "value": {},
                "id": {"type": "string"},
            },
            "required": ["type", "value"],
            "additionalProperties": False,
            "allOf": [
                {
                    "if": {
                        "properties": {"type": {"const": name}},
                        "required": ["type"],
                    },
                    "then": {"properties": {"value": block_schema(child)}},
                }
                for name, child in block.child_blocks.items()
            ],
        }
        schema: dict[str, Any] = {"type": "array", "items": item}
        if block.meta.min_num:
            schema["minItems"] = block.meta.min_num
        return schema
    if isinstance(block, wagtail_blocks.StructBlock):
        return {
            "type": "object",
            "properties": {
                name: block_schema(child) for name, child in block.child_blocks.items()
            },
            "additionalProperties": False,
        }
    if isinstance(block, wagtail_blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    nullable = not getattr(block, "required", True) or not block.field.required
    if isinstance(block, wagtail_blocks.BooleanBlock):
        return {"type": ["boolean", "null"]}
    if isinstance(block, wagtail_blocks.MultipleChoiceBlock):
        return {
            "type": "array",
            "items": {"enum": [str(v) for v, _l in block.field.choices]},
        }
    if isinstance(block, wagtail_blocks.ChoiceBlock):
        values = [str(v) for v, _l in block.field.choices if v != ""]
        return {"enum": [*values, "", None] if nullable else values}
    if isinstance(block, wagtail_blocks.IntegerBlock | wagtail_blocks.FloatBlock):
        kind = "integer" if isinstance(block, wagtail_blocks.IntegerBlock) else "number"
        schema = {"type": [kind, "null"] if nullable else kind}
        if block.field.min_value is not None:
            schema["minimum"] = block.field.min_value
        if block.field.max_value is not None:
            schema["maximum"] = block.field.max_value
        return schema
    schema = {"type": ["string", "null"] if nullable else "string"}
    max_length = getattr(block.field, "max_length", None)
    if max_length:
        schema["maxLength"] = max_length
    return schema


@cache
def file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an exported definition file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "SafeGrid form definition",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "key": {"type": "string", "pattern": FORM_KEY_PATTERN},
            "title": {
                "type": "object",
                "properties": {
                    "zh_hans": {"type": "string", "minLength": 1, "maxLength": 200},
                    "en": {"type": "string", "maxLength": 200},
                },
                "required": ["zh_hans"],
                "additionalProperties": False,
            },
            "kind": {"enum": list(Kind.values)},
            "fillers": {"enum": list(Fillers.values)},
            "industry": {"type": ["string", "null"]},
            "scoring": {
                "type": "object",
                "properties": {
                    "rule": {"type": "string"},
                    "pass_mark": {"type": ["number", "null"]},
                    "fail_if_section_zeroed": {"type": "boolean"},
                },
                "additionalProperties": False,
            },
            "blocks": block_schema(body_block()),
        },
        "required": ["format", "format_version", "key", "title", "kind", "blocks"],
        "additionalProperties": False,
    }


def _location(path: tuple) -> tuple:
    """A file path without the stream's ``value`` steps: a block path."""
    if not path or path[0] != "blocks":
        return ("file", *path)
    return tuple(part for part in path[1:] if part != "value")


# -- import ------------------------------------------------------------------------


def definition_import(
    *,
    content: bytes | str | dict[str, Any],
    department: Department,
    user=None,
    key: str | None = None,
) -> FormDefinition:
    """Create a department's definition from an exported file.

    ``key`` replaces the file's key (e.g. when it is already used). Raises
    ``DefinitionInvalid`` with every problem found; nothing is saved then.
    """
    data = _load(content)
    if key:
        data = {**data, "key": key}
    problems = [
        Problem(_location(tuple(error.location)), error.reason)
        for error in schema_errors(file_schema(), data)
    ]
    if problems:
        raise DefinitionInvalid(problems)
    if FormDefinition.objects.filter(key=data["key"]).exists():
        problems.append(
            Problem(
                ("file", "key"),
                _("The key “%(key)s” is already used; choose another key.")
                % {"key": data["key"]},
            )
        )
    industry = None
    if data.get("industry"):
        industry = Industry.objects.filter(code=data["industry"]).first()
        if industry is None:
            problems.append(
                Problem(
                    ("file", "industry"),
                    _("There is no industry “%(code)s”.") % {"code": data["industry"]},
                )
            )
    scoring = data.get("scoring") or {}
    if scoring.get("rule") and not is_known_rule(scoring["rule"]):
        problems.append(
            Problem(
                ("file", "scoring", "rule"),
                _("The scoring rule “%(rule)s” is not available here.")
                % {"rule": scoring["rule"]},
            )
        )
    problems += definition_check(data["blocks"])[1]
    if problems:
        raise DefinitionInvalid(problems)
    with transaction.atomic():
        return definition_create(
            department=department,
            key=data["key"],
            title_zh=data["title"]["zh_hans"],
            title_en=data["title"].get("en") or "",
            kind=data["kind"],
            industry=industry,
            blocks=data["blocks"],
            scoring=scoring,
            user=user,
            fillers=data.get("fillers") or Fillers.MANAGER,
        )


def _load(content: bytes | str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(content, dict):
        return content
    if isinstance(content, bytes) and len(content) > MAX_FILE_BYTES:
        raise DefinitionInvalid(
            [Problem(("file",), _("The file is too large (at most 2 MB)."))]
        )
    try:
        # Refuses text that is not UTF-8, nesting deeper than a form needs and
        # anything that is not JSON, each with its reason.
        data = json_loads_checked(content, max_depth=MAX_FILE_DEPTH)
    except Invalid as invalid:
        raise DefinitionInvalid(
            [Problem(("file",), error.reason) for error in invalid.errors]
        ) from None
    if not isinstance(data, dict):
        raise DefinitionInvalid(
            [Problem(("file",), _("The file does not hold a form definition."))]
        )
    return data
