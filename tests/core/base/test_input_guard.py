"""Bad input never breaks a page and never stores half: refused at the boundary."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.base.errors import Invalid
from core.base.filters import parse_id
from core.base.input_guard import MAX_JSON_DEPTH, json_depth, json_loads_checked
from core.forms.models import Submission
from tests.core.forms.conftest import VALID_ANSWER

pytestmark = pytest.mark.django_db

SURROGATE_BODY = '{"enterprise": %d, "data": {"exit_problem": "\\ud800"}}'


def api(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_a_lone_surrogate_in_an_answer_is_refused_and_nothing_is_stored(
    world, published, client
):
    definition, _version = published
    response = api(world.manager_a).post(
        f"/api/v1/forms/{definition.key}/submissions/",
        SURROGATE_BODY % world.enterprise_a.pk,
        content_type="application/json",
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["path"] == "/data/exit_problem" and error["keyword"] == "encoding"
    assert "not valid UTF-8" in error["reason"]
    assert not Submission.objects.exists()
    # The pages and lists that would have shown it still work.
    listed = api(world.dept_chemicals).get(
        f"/api/v1/forms/{definition.key}/submissions/"
    )
    assert listed.status_code == 200


def test_a_valid_surrogate_pair_is_text_like_any_other():
    assert json_loads_checked('{"a": "\\ud83d\\ude00"}') == {"a": "😀"}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/scoring-rules/lec/evaluate/",
        "/api/v1/forms/fire_check/submissions/",
        "/api/v1/auth/token/",
    ],
)
def test_json_nested_deeper_than_the_bound_is_refused_before_parsing(
    world, published, path
):
    deep = "[" * 1000 + "]" * 1000
    response = api(world.manager_a).post(path, deep, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["keyword"] == "depth"
    assert json_depth(b'{"a": [[{"b": "[[[["}]]]}') == 4


def test_form_input_that_is_not_utf8_is_refused(world, client):
    client.force_login(world.manager_a)
    response = client.post(
        "/portal/profile/edit/",
        b"name=%ED%A0%80",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert client.get("/portal/?q=%ff").status_code == 400


def test_a_body_over_the_limit_is_refused_from_its_length(world, settings):
    settings.SAFEGRID_MAX_REQUEST_BYTES = 1000
    client = Client()
    client.force_login(world.manager_a)
    response = client.post(
        "/api/v1/form-uploads/",
        {"enterprise": world.enterprise_a.pk, "file": b"x" * 2000},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/enterprises/?jurisdiction=99999999999999999999999",
        "/api/v1/risk-points/?enterprise=99999999999999999999999",
        "/api/v1/risk-points/overview/?enterprise=99999999999999999999999",
        "/api/v1/risk-points/?unit=1e30",
        "/api/v1/forms/fire_check/submissions/?enterprise=99999999999999999999999",
    ],
)
def test_out_of_range_ids_in_filters_are_a_400_or_404(world, published, path):
    assert api(world.committee).get(path).status_code in (400, 404)
    evaluate = "/api/v1/scoring-rules/lec/evaluate/?enterprise=%C2%B2"
    assert api(world.committee).post(evaluate, {}, format="json").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/risk-points/overview.json",
        "/api/v1/scoring-rules/lec/evaluate.json",
        "/api/v1/forms/fire_check/submissions.json",
    ],
)
def test_format_suffixes_are_not_routes(world, published, path):
    client = api(world.manager_a)
    assert client.get(path).status_code == 404
    assert client.post(path, {}, format="json").status_code == 404


def test_parse_id_takes_database_ids_only():
    assert parse_id("12") == 12
    assert [parse_id(t) for t in ("", "0", "-1", "²", "1e3", str(2**63))] == [None] * 6


def test_a_malformed_definition_edit_is_an_error_at_the_field(world, chem_department):
    from tests.core.forms.conftest import make_definition

    definition = make_definition(chem_department)
    client = Client()
    client.force_login(world.dept_chemicals)
    url = f"/admin/forms/definitions/edit/{definition.pk}/"
    for body in ({}, {"body-count": "abc"}, {"body-count": "1", "body-0-type": "x"}):
        response = client.post(url, {"title_zh": "改", "kind": "checklist", **body})
        assert response.status_code == 400
        assert "could not be read" in response.text or "无法读取" in response.text
    definition.refresh_from_db()
    assert definition.title_zh == "消防检查表"


def test_the_checked_loader_reports_each_problem():
    with pytest.raises(Invalid) as deep:
        json_loads_checked("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))
    assert deep.value.errors[0].keyword == "depth"
    with pytest.raises(Invalid) as broken:
        json_loads_checked(b"{nope")
    assert broken.value.errors[0].keyword == "json"
    with pytest.raises(Invalid) as latin:
        json_loads_checked(b'"\xff"')
    assert latin.value.errors[0].keyword == "encoding"
    assert json_loads_checked(b'{"ok": [1, {"x": "y"}]}') == {"ok": [1, {"x": "y"}]}
    assert VALID_ANSWER  # the fixture's answer is plain JSON
