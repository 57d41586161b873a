"""Obtaining a token, refusing bad credentials, lock-out, and 401 not 403."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from tests.factories import PASSWORD

TOKEN_URL = "/api/v1/auth/token/"
LIST_URL = "/api/v1/enterprises/"

pytestmark = pytest.mark.django_db


def obtain(client, username, password, **headers):
    return client.post(
        TOKEN_URL,
        {"username": username, "password": password},
        format="json",
        **headers,
    )


def test_token_is_returned_and_authenticates(api_client, world):
    response = obtain(api_client, "manager-a", PASSWORD)

    assert response.status_code == 200, response.content
    assert set(response.json()) == {"token"}
    token = response.json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    listed = api_client.get(LIST_URL)
    assert listed.status_code == 200
    assert [e["id"] for e in listed.json()["results"]] == [world.enterprise_a.pk]


def test_same_token_each_time(api_client, world):
    first = obtain(api_client, "manager-a", PASSWORD).json()["token"]
    second = obtain(api_client, "manager-a", PASSWORD).json()["token"]
    assert first == second


def test_form_encoded_credentials_work_too(api_client, world):
    response = api_client.post(
        TOKEN_URL, {"username": "manager-a", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert response.json()["token"]


def test_token_login_updates_last_login(api_client, world):
    assert world.manager_a.last_login is None
    obtain(api_client, "manager-a", PASSWORD)
    world.manager_a.refresh_from_db()
    assert world.manager_a.last_login is not None


def test_wrong_password_is_400_with_chinese_message_by_default(api_client, world):
    response = obtain(api_client, "manager-a", "wrong-password")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["无法使用提供的认证信息登录。"]}


def test_wrong_password_message_in_english_on_request(api_client, world):
    response = obtain(
        api_client, "manager-a", "wrong-password", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Unable to log in with provided credentials."]
    }


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(api_client, world):
    unknown = obtain(api_client, "nobody", "whatever")
    wrong = obtain(api_client, "manager-a", "wrong-password")
    assert unknown.status_code == wrong.status_code == 400
    assert unknown.json() == wrong.json()


def test_missing_fields_are_named(api_client, world):
    response = api_client.post(TOKEN_URL, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {
        "username": ["This field is required."],
        "password": ["This field is required."],
    }


def test_inactive_user_gets_no_token(api_client, world):
    world.manager_a.is_active = False
    world.manager_a.save()
    assert obtain(api_client, "manager-a", PASSWORD).status_code == 400


def test_failures_are_recorded_by_axes(api_client, world):
    obtain(api_client, "manager-a", "wrong-password")
    attempt = AccessAttempt.objects.get(username="manager-a")
    assert attempt.failures_since_start == 1


def test_lock_out_after_five_failures_refuses_even_the_right_password(
    api_client, world
):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    for _ in range(limit - 1):
        assert obtain(api_client, "manager-a", "wrong-password").status_code == 400
    # The attempt that reaches the limit already says why.
    assert obtain(api_client, "manager-a", "wrong-password").status_code == 429

    response = obtain(api_client, "manager-a", PASSWORD, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "token" not in response.json()
    detail = response.json()["detail"]
    assert "Too many failed login attempts" in detail
    assert "60 minutes" in detail
    assert response["Retry-After"] == "3600"


def test_lock_out_is_json_in_the_default_language_too(api_client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        obtain(api_client, "manager-a", "wrong-password")

    response = obtain(api_client, "manager-a", PASSWORD)

    assert response.status_code == 429
    assert response.json()["detail"]


def test_lock_out_of_one_user_leaves_another_alone(api_client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        obtain(api_client, "manager-a", "wrong-password")

    assert obtain(api_client, "manager-b", PASSWORD).status_code == 200


def test_a_token_login_resets_earlier_failures(api_client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        obtain(api_client, "manager-a", "wrong-password")
    assert obtain(api_client, "manager-a", PASSWORD).status_code == 200

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert obtain(api_client, "manager-a", "wrong-password").status_code == 400
    assert obtain(api_client, "manager-a", PASSWORD).status_code == 200


def test_a_stale_session_cookie_does_not_demand_csrf(world):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.manager_b)

    assert obtain(client, "manager-a", PASSWORD).status_code == 200


@pytest.mark.parametrize("url", [LIST_URL, "/api/v1/enterprises/1/"])
def test_anonymous_gets_401_with_www_authenticate(api_client, world, url):
    response = api_client.get(url)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_invalid_token_gets_401(api_client, world):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api_client.get(LIST_URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_session_authentication_works_for_the_browsable_api(api_client, world):
    api_client.force_login(world.manager_a)
    response = api_client.get(LIST_URL)
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_token_of_a_deactivated_user_stops_working(client_for, world):
    client = client_for(world.manager_a)
    assert client.get(LIST_URL).status_code == 200

    world.manager_a.is_active = False
    world.manager_a.save()

    assert client.get(LIST_URL).status_code == 401
