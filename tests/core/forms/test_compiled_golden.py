"""The compiler's output is frozen: the same stream data compiles to the same
JSON text (see ``compiled_corpus``), whatever the code's structure."""

from __future__ import annotations

import json

import pytest

from tests.core.forms.compiled_corpus import GOLDEN, PACKS, digests

GOLDEN_ENTRIES = json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_the_golden_file_covers_every_pack_and_every_question_type():
    from core.forms.definition import QUESTION_TYPES

    names = {entry["name"].split(":")[1] for entry in GOLDEN_ENTRIES}
    assert set(PACKS) <= names
    used = set()

    def walk(blocks):
        for block in blocks:
            used.add(block["type"])
            walk(block["value"].get("questions") or [])
            walk(block["value"].get("fields") or [])

    for entry in GOLDEN_ENTRIES:
        walk(entry["blocks"])
    assert set(QUESTION_TYPES) | {"group", "section", "rule"} <= used


@pytest.mark.parametrize(
    "entry", GOLDEN_ENTRIES, ids=[entry["name"] for entry in GOLDEN_ENTRIES]
)
def test_compiled_output_is_unchanged(entry):
    assert digests(entry) == entry["compiled"]
