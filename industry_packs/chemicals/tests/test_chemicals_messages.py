"""GB 18218's own messages reach the user unchanged through the core's API."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

EVALUATE = "/api/v1/scoring-rules/gb18218/evaluate/"
WATER = {
    "units": [
        {"substances": [{"name": "氯", "quantity": 1}], "exposed_people": 0},
        {"substances": [{"cas": "7732-18-5", "quantity": 1}], "alpha": 1},
    ]
}


def evaluate(user, payload, language):
    client = APIClient()
    client.force_authenticate(user)
    return client.post(EVALUATE, payload, format="json", HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        (
            "en",
            "CAS number 7732-18-5 is not named in GB 18218-2018 Table 1. Enter the "
            "substance by its hazard category instead (you may give its CAS number "
            "with it).",
        ),
        (
            "zh-hans",
            "CAS号7732-18-5未列入GB 18218-2018表1。"
            "请改按危险性类别填写该物质（可同时填写其CAS号）。",
        ),
    ],
)
def test_an_unknown_cas_number_gets_the_pack_s_message_at_its_field(
    world, enable_packs, language, reason
):
    enable_packs("chemicals")
    response = evaluate(world.manager_a, WATER, language)
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {"path": "/units/1/substances/0/cas", "reason": reason, "keyword": "rule"}
        ]
    }


def test_the_pack_s_other_messages_reach_the_api_too(world, enable_packs):
    enable_packs("chemicals")
    payload = {
        "substances": [
            {"name": "氯", "quantity": 1},
            {"cas": "7782-50-5", "quantity": 2},  # chlorine again
            {"category": ["W12"], "quantity": 1},
        ],
        "alpha": 1.3,
        "exposed_people": 3,
    }
    errors = evaluate(world.manager_a, payload, "en").json()["errors"]
    assert [(e["path"], e["reason"]) for e in errors] == [
        ("", "Give exactly one of: exposed_people, alpha."),
        (
            "/alpha",
            "α must be one of the GB 18218-2018 values 0.5, 1.0, 1.2, 1.5, 2.0.",
        ),
        (
            "/substances/2/category/0",
            "Unknown hazard category “W12”: use a GB 18218-2018 Table 2 symbol "
            "(J1–J5, W1.1–W11).",
        ),
    ]
    # What only the rule can tell (a substance listed twice) comes once the
    # schema is satisfied, at its entry.
    del payload["exposed_people"], payload["substances"][2]
    payload["alpha"] = 1
    [error] = evaluate(world.manager_a, payload, "en").json()["errors"]
    assert (error["path"], error["keyword"]) == ("/substances/1", "rule")
    assert "already listed" in error["reason"]
