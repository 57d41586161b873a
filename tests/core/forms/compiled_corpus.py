"""Definitions whose compiled output is frozen (``golden/compiled.json``).

A published version freezes its JSON Schema, UI description and scoring plan,
and the pack sync compares what it compiles now with what was published: the
compiler must give the very same output for the same stream data. The corpus
is every bundled pack's form definitions, the forms tests' checklist, one
definition using every feature, and definitions drawn (derandomized) from the
property tests' strategy. The golden file holds each input beside the SHA-256 of its output,
so a later change of a pack's content does not touch this check.

Write the golden file again only for an intended change of the compiled
format (it changes published versions' meaning)::

    DJANGO_SETTINGS_MODULE=safegrid_site.settings.test \
        .venv/bin/python -m tests.core.forms.compiled_corpus
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden" / "compiled.json"
PACKS = ("chemicals", "construction", "road_transport", "gas")
DRAWN = 120

# Every feature the compiler maps: conditions with each operator, evidence
# rules, rules in the JSON Schema and for the evaluator, scored options,
# signatures of each mode, a group with its own rule and calculation.
EVERY_FEATURE: list[dict[str, Any]] = [
    {
        "type": "check_item",
        "value": {
            "key": "guard",
            "label": "防护罩完好",
            "help_text": "逐台检查",
            "points": 8,
            "deduction": 3,
            "guarantee": True,
            "allow_not_applicable": False,
            "hazard_grade": "general",
            "evidence": {"requires_photo": True, "requires_note": False},
        },
    },
    {
        "type": "single_choice",
        "value": {
            "key": "state",
            "label": "设备状态",
            "required": True,
            "widget": "select",
            "options": [
                {"value": "ok", "label": "合格", "score": 5},
                {"value": "bad", "label": "不合格", "score": 0, "finding": True},
                {"value": "na", "label": ""},
            ],
        },
    },
    {
        "type": "multiple_choice",
        "value": {
            "key": "kinds",
            "label": "种类",
            "required": True,
            "min_selected": 1,
            "max_selected": 2,
            "options": [
                {"value": "a", "label": "甲", "score": 2},
                {"value": "b", "label": "乙", "score": -1},
                {"value": "c", "label": "丙"},
            ],
            "condition": {"question": "state", "operator": "is_not", "value": "na"},
        },
    },
    {
        "type": "text",
        "value": {
            "key": "why",
            "label": "原因",
            "multiline": True,
            "max_length": 300,
            "required": True,
            "required_when": {
                "question": "state",
                "operator": "any_of",
                "value": "bad, na",
            },
        },
    },
    {
        "type": "file_upload",
        "value": {
            "key": "photo",
            "label": "照片",
            "accept": ["image", "pdf"],
            "max_size_mb": 2.5,
            "max_files": 3,
            "required_when": {"question": "guard", "value": "non_compliant"},
            "condition": {"question": "kinds", "value": "a"},
        },
    },
    {
        "type": "section",
        "value": {
            "key": "counts",
            "title": "装置数量",
            "description": "按实际填写",
            "weight": 2.5,
            "guarantee_floor": 4,
            "zero_if_guarantee_item_fails": True,
            "condition": {"question": "guard", "value": "compliant"},
            "questions": [
                {"type": "number", "value": {"key": "total", "label": "装置总数", "required": True, "whole_number": True, "minimum": 0, "maximum": 500, "warning_above": 100, "unit": "套"}},
                {"type": "number", "value": {"key": "running", "label": "运行", "minimum": 0, "condition": {"question": "total", "operator": "any_of", "value": "1, 2.5, 3"}}},
                {"type": "number", "value": {"key": "stopped", "label": "停产", "warning_below": 0}},
                {"type": "calculated", "value": {"key": "share", "label": "运行比例", "expression": "running / total", "unit": "%", "decimals": 1}},
                {"type": "rule", "value": {"left": "running + stopped", "comparison": "le", "right": "total", "message": "运行与停产之和不能超过总数"}},
                {"type": "rule", "value": {"left": "total", "comparison": "lt", "right": "400", "message": "总数应小于 400"}},
                {"type": "rule", "value": {"left": "3", "comparison": "ge", "right": "stopped", "message": "停产不超过 3"}},
                {"type": "rule", "value": {"left": "running", "comparison": "ne", "right": "7", "message": "运行不能是 7"}},
                {
                    "type": "group",
                    "value": {
                        "key": "tanks",
                        "label": "储罐",
                        "required": True,
                        "entry_label": "储罐",
                        "min_entries": 2,
                        "max_entries": 9,
                        "condition": {"question": "kinds", "operator": "any_of", "value": "a, b"},
                        "fields": [
                            {"type": "check_item", "value": {"key": "tank_ok", "label": "罐体完好", "points": 2}},
                            {"type": "single_choice", "value": {"key": "tank_kind", "label": "类型", "options": [{"value": "x", "label": "X", "score": 1}, {"value": "y", "label": "Y", "finding": True}]}},
                            {"type": "number", "value": {"key": "volume", "label": "容积", "required": True}},
                            {"type": "number", "value": {"key": "level", "label": "液位", "condition": {"question": "tank_ok", "operator": "is_not", "value": "not_applicable"}}},
                            {"type": "calculated", "value": {"key": "fill", "label": "充装率", "expression": "level / volume"}},
                            {"type": "text", "value": {"key": "tank_note", "label": "说明", "required_when": {"question": "tank_ok", "value": "non_compliant"}}},
                            {"type": "rule", "value": {"left": "level", "comparison": "le", "right": "volume", "message": "液位不能超过容积"}},
                            {"type": "rule", "value": {"left": "volume", "comparison": "gt", "right": "0", "message": "容积应大于 0"}},
                        ],
                    },
                },
            ],
        },
    },
    {"type": "date", "value": {"key": "day", "label": "日期", "required": True}},
    {"type": "location", "value": {"key": "where", "label": "位置", "required": False}},
    {"type": "signature", "value": {"key": "tick", "label": "确认", "mode": "confirm"}},
    {"type": "signature", "value": {"key": "name", "label": "姓名", "mode": "name", "required": False}},
    {"type": "signature", "value": {"key": "drawn", "label": "签名", "mode": "drawn"}},
    {"type": "rule", "value": {"left": "total", "comparison": "eq", "right": "running + stopped", "message": "之和应等于总数"}},
]  # fmt: skip


def _packs() -> list[dict[str, Any]]:
    from plugins.manager import set_plugin_manager
    from plugins.pack_support.testing import contributions, pack_manager

    entries = []
    try:
        for name in PACKS:
            manager = pack_manager(name)
            for item in contributions(manager, name, "safegrid_form_definitions"):
                entries.append(
                    {
                        "name": f"pack:{name}:{item.key}",
                        "blocks": copy.deepcopy(list(item.blocks)),
                        "title": item.title.zh_hans,
                        "scoring": dict(item.scoring or {}),
                    }
                )
    finally:
        from plugins.manager import build_plugin_manager

        set_plugin_manager(build_plugin_manager())
    return entries


def _drawn() -> list[dict[str, Any]]:
    from hypothesis import given, settings

    from tests.core.forms.test_properties import definitions

    drawn: list[list[dict[str, Any]]] = []

    @settings(max_examples=DRAWN, derandomize=True, database=None, deadline=None)
    @given(definitions())
    def collect(blocks):
        drawn.append(copy.deepcopy(blocks))

    collect()
    return [
        {
            "name": f"drawn:{index}",
            "blocks": blocks,
            "title": "generated",
            "scoring": {"rule": "sum"},
        }
        for index, blocks in enumerate(drawn[:DRAWN])
    ]


def build_inputs() -> list[dict[str, Any]]:
    """The corpus's stream data (before the editor's checks)."""
    from tests.core.forms.conftest import CHECKLIST

    return [
        *_packs(),
        {
            "name": "tests:checklist",
            "blocks": CHECKLIST,
            "title": "检查表",
            "scoring": {},
        },
        {
            "name": "tests:every_feature",
            "blocks": EVERY_FEATURE,
            "title": "全部功能",
            "scoring": {"rule": "weighted", "pass_mark": 60},
        },
        {
            "name": "tests:every_feature_resolved",
            "blocks": EVERY_FEATURE,
            "title": "全部功能",
            "scoring": {"rule": "sum", "fail_if_section_zeroed": True},
            "resolved": True,
        },
        *_drawn(),
    ]


def compiled_text(entry: dict[str, Any]) -> dict[str, str]:
    """The checked input compiled, each part as the JSON text a version stores
    (key order included)."""
    from core.forms.definition import compile_definition, definition_problems
    from core.forms.services import definition_check

    blocks = copy.deepcopy(entry["blocks"])
    if entry.get("resolved"):
        # As publishing compiles a definition whose option lists were
        # resolved: the options carry scores the editor's blocks do not have.
        problems = definition_problems(blocks)
    else:
        blocks, problems = definition_check(blocks)
    assert problems == [], (entry["name"], [p.location() for p in problems])
    compiled = compile_definition(
        blocks, title=entry["title"], scoring=entry["scoring"]
    )
    return {
        part: json.dumps(getattr(compiled, part), ensure_ascii=False)
        for part in ("json_schema", "ui_schema", "scoring")
    }


def digests(entry: dict[str, Any]) -> dict[str, str]:
    """SHA-256 of each compiled part's JSON text."""
    return {
        part: hashlib.sha256(text.encode()).hexdigest()
        for part, text in compiled_text(entry).items()
    }


def write_golden() -> int:
    entries = build_inputs()
    golden = [{**entry, "compiled": digests(entry)} for entry in entries]
    GOLDEN.parent.mkdir(exist_ok=True)
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in golden]
    GOLDEN.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    return len(golden)


if __name__ == "__main__":
    import django

    django.setup()
    print(write_golden(), "definitions written to", GOLDEN)
