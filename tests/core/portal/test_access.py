"""Who gets into the portal: sign-in, sign-out, lock-out, roles."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PAGES = ["portal:home", "portal:profile", "portal:units", "portal:people"]


def template_names(response):
    return [t.name for t in response.templates]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, page):
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal:login"))


@pytest.mark.parametrize(
    "who", ["superuser", "committee", "dept_chemicals", "street1_office"]
)
@pytest.mark.parametrize("page", [*PAGES, "portal:profile_edit", "portal:person_add"])
def test_government_users_are_sent_to_the_admin(client, world, who, page):
    client.force_login(getattr(world, who))
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("page", PAGES)
def test_users_without_a_role_get_the_no_access_page(client, world, page):
    client.force_login(world.outsider)
    response = client.get(reverse(page))
    assert response.status_code == 403
    assert "portal/no_access.html" in template_names(response)
    assert "甲化工有限公司" not in response.text
    assert "乙建筑有限公司" not in response.text


def test_login_page_renders_with_the_language_switch(client):
    response = client.get(reverse("portal:login"))
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.text
    assert f'action="{reverse("set_language")}"' in response.text
    assert '<html lang="zh-hans"' in response.text


def login(client, username, password=PASSWORD):
    return client.post(
        reverse("portal:login"),
        {"username": username, "password": password},
        follow=True,
    )


def test_enterprise_user_signs_in_to_the_portal(client, world):
    response = login(client, "manager-a")
    assert response.redirect_chain[-1][0] == reverse("portal:home")
    assert "甲化工有限公司" in response.text


def test_government_user_signing_in_here_is_sent_to_the_admin(client, world):
    response = login(client, "committee")
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")


def test_wrong_password_shows_the_form_again(client, world):
    response = login(client, "manager-a", "wrong-password")
    assert response.status_code == 200
    assert "portal/login.html" in template_names(response)
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_even_for_the_right_password(client, world):
    for _attempt in range(5):
        response = login(client, "manager-a", "wrong-password")
    assert response.status_code == 429
    assert "portal/locked_out.html" in template_names(response)
    response = login(client, "manager-a")
    assert response.status_code == 429
    assert "portal/locked_out.html" in template_names(response)
    # Both languages are on the page, whichever is active.
    assert "账号已暂时锁定" in response.text
    assert "the account is locked" in response.text
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post(client, world):
    client.force_login(world.manager_a)
    assert client.get(reverse("portal:logout")).status_code == 405
    response = client.post(reverse("portal:logout"))
    assert response.status_code == 302
    assert response.url == reverse("portal:login")
    assert client.get(reverse("portal:home")).status_code == 302


def test_language_switch_turns_the_portal_to_english(client, world):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": reverse("portal:home")},
    )
    assert response.status_code == 302
    response = client.get(reverse("portal:home"))
    assert '<html lang="en"' in response.text
    # Industry names follow the language (no catalogue needed for this one).
    assert "Hazardous chemicals" in response.text
    assert "危险化学品" not in response.text
