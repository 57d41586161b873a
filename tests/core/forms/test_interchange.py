"""JSON export and import of definitions: round trip, clear errors, nothing saved."""

from __future__ import annotations

import json

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator

from core.forms.interchange import definition_export, definition_import, file_schema
from core.forms.models import FormDefinition
from core.forms.services import DefinitionInvalid
from tests.core.forms.conftest import make_definition

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def exported(world, chem_department):
    definition = make_definition(
        chem_department,
        industry=world.chemicals,
        scoring={"rule": "weighted", "pass_mark": 60},
    )
    return definition_export(definition)


def problems_of(content, department, **kwargs):
    before = FormDefinition.objects.count()
    with pytest.raises(DefinitionInvalid) as caught:
        definition_import(content=content, department=department, **kwargs)
    assert FormDefinition.objects.count() == before  # nothing saved
    return {p.location(): p.message for p in caught.value.problems}


def test_the_file_schema_is_valid_and_describes_exports(exported):
    Draft202012Validator.check_schema(file_schema())
    Draft202012Validator(file_schema()).validate(exported)
    assert exported["format"] == "safegrid.form-definition"
    assert exported["industry"] == "chemicals"
    assert "id" not in exported["blocks"][0]


def test_export_and_import_round_trip(exported, cons_department):
    content = json.dumps(exported, ensure_ascii=False).encode()
    copy = definition_import(
        content=content, department=cons_department, key="shared_fire"
    )
    assert copy.key == "shared_fire" and copy.department == cons_department
    assert (copy.scoring_rule, copy.pass_mark) == ("weighted", 60)
    assert definition_export(copy)["blocks"] == exported["blocks"]


def test_broken_json_is_refused(cons_department):
    problems = problems_of(b'{"format": ', cons_department)
    assert "not valid JSON (line 1" in problems["file"]


def test_file_schema_errors_name_the_block(exported, cons_department):
    exported["key"] = "other_key"
    exported["blocks"][0]["value"]["questions"][0]["type"] = "laser"
    exported["blocks"][1]["value"]["questions"][0]["value"]["minimum"] = "zero"
    exported["blocks"][1]["value"]["questions"][0]["value"]["surprise"] = 1
    problems = problems_of(exported, cons_department)
    assert "blocks[0].questions[0].type" in problems
    assert "blocks[1].questions[0].minimum" in problems
    assert "blocks[1].questions[0].surprise" in problems


def test_block_problems_and_used_keys_are_refused(exported, cons_department):
    problems = problems_of(exported, cons_department)
    assert "already used" in problems["key"]
    exported["key"] = "new_key"
    exported["industry"] = "mining"
    exported["blocks"][0]["value"]["questions"][1]["value"]["key"] = "extinguishers"
    problems = problems_of(exported, cons_department)
    assert "no industry “mining”" in problems["industry"]
    assert "already used" in problems["blocks[0].questions[1].key"]
