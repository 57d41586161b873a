"""``GET /api/v1/forms/`` writes each version's documents from a per-process
store (core.forms.api_rows): the bytes the serializer and the renderer would
write, a new version shown at once, the versions' JSON read once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from core.forms import api_rows
from core.forms.api import FormSerializer
from core.forms.selectors import forms_for_caller
from core.forms.services import definition_publish, definition_update_blocks
from core.organizations.scope import scope_for
from tests.core.forms.conftest import checklist_blocks, make_definition
from tests.core.forms.test_api import FORMS
from tests.core.forms.test_api import client_for as api

pytestmark = pytest.mark.django_db


def expected_body(user, count: int) -> bytes:
    forms = forms_for_caller(scope=scope_for(user))
    with translation.override("en"):  # the client's language (client_for)
        return JSONRenderer().render(
            {
                "count": count,
                "next": None,
                "previous": None,
                "results": FormSerializer(forms, many=True).data,
            }
        )


@pytest.fixture
def two_forms(world, published, chem_department):
    other = make_definition(chem_department, key="gas_check", industry=None)
    definition_publish(definition=other, user=world.dept_chemicals)
    return published


def test_the_page_is_the_serializers_byte_for_byte(world, two_forms):
    api_rows.forget_versions()
    for attempt in range(2):  # read from the database, then from the store
        response = api(world.dept_chemicals).get(FORMS)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.content == expected_body(world.dept_chemicals, 2), attempt
    assert [f["key"] for f in response.json()["results"]] == ["fire_check", "gas_check"]


def test_a_new_version_is_listed_at_once(world, published):
    definition, version = published
    client = api(world.manager_a)
    assert client.get(FORMS).json()["results"][0]["version"] == 1
    changed = checklist_blocks()
    changed[0]["value"]["title"] = "消防安全（修订）"
    definition_update_blocks(definition=definition, blocks=changed)
    new = definition_publish(definition=definition, user=world.dept_chemicals)
    assert new.pk != version.pk
    [form] = client.get(FORMS).json()["results"]
    assert form["version"] == 2
    assert form["json_schema"] == new.json_schema
    assert form["ui_schema"] == new.ui_schema


def test_documents_are_read_once_per_version(world, two_forms):
    api_rows.forget_versions()
    client = api(world.dept_chemicals)
    client.get(FORMS)
    with CaptureQueriesContext(connection) as warm:
        client.get(FORMS)
    assert not any("json_schema" in q["sql"] for q in warm.captured_queries)
    assert not any('"body"' in q["sql"] for q in warm.captured_queries)
    api_rows.forget_versions()
    with CaptureQueriesContext(connection) as cold:
        client.get(FORMS)
    assert len(cold) == len(warm) + 1  # one query for every missing version


def test_the_browsable_api_still_goes_through_the_serializer(world, published):
    response = api(world.manager_a).get(FORMS, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"fire_check" in response.content


def test_foreign_callers_see_no_form(world, published):
    assert api(world.manager_b).get(FORMS).json()["results"] == []
    assert APIClient().get(FORMS).status_code == 401
