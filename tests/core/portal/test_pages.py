"""Every portal page renders for its users, and only their enterprise's data."""

import pytest
from django.urls import reverse

from core.organizations.models import Enterprise, EnterpriseContact, Person, Unit

pytestmark = pytest.mark.django_db

PAGES = ["portal:home", "portal:profile", "portal:units", "portal:people"]
A_SECRETS = ["甲化工有限公司", "张三", "反应釜操作岗", "合成车间"]


@pytest.mark.parametrize("who", ["manager_a", "staff_a"])
@pytest.mark.parametrize("page", PAGES)
def test_each_page_renders_for_the_enterprise_users(client, world, who, page):
    client.force_login(getattr(world, who))
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert "甲化工有限公司" in response.text
    assert "乙建筑有限公司" not in response.text
    assert 'data-menu-key="units"' in response.text


@pytest.mark.parametrize(
    "page", [*PAGES, "portal:profile_edit", "portal:person_add", "portal:unit_add"]
)
def test_manager_b_never_sees_enterprise_a(client, world, page):
    client.force_login(world.manager_b)
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert "乙建筑有限公司" in response.text
    for secret in A_SECRETS:
        assert secret not in response.text


def a_ids(world):
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    person = Person.objects.get(enterprise=world.enterprise_a)
    return {
        "portal:unit_edit": workshop.pk,
        "portal:unit_delete": workshop.pk,
        "portal:unit_add_child": workshop.pk,
        "portal:person_edit": person.pk,
        "portal:person_delete": person.pk,
    }


@pytest.mark.parametrize(
    "page",
    [
        "portal:unit_edit",
        "portal:unit_delete",
        "portal:unit_add_child",
        "portal:person_edit",
        "portal:person_delete",
    ],
)
def test_ids_of_another_enterprise_are_not_found(client, world, page):
    pk = a_ids(world)[page]
    client.force_login(world.manager_b)
    url = reverse(page, args=[pk])
    units_before = Unit.objects.count()
    assert client.get(url).status_code == 404
    response = client.post(url, {"name": "接管", "phone": "", "posts": []})
    assert response.status_code == 404
    assert "甲化工" not in response.text
    assert Unit.objects.count() == units_before
    assert Unit.objects.filter(name="合成车间").exists()
    assert Person.objects.filter(name="张三").exists()


def test_staff_cannot_change_anything(client, world):
    client.force_login(world.staff_a)
    ids = a_ids(world)
    enterprise_before = Enterprise.objects.values().get(pk=world.enterprise_a.pk)
    units_before = list(Unit.objects.values_list("pk", "name").order_by("pk"))
    people_before = list(Person.objects.values_list("pk", "name").order_by("pk"))
    attempts = [
        (
            reverse("portal:profile_edit"),
            {
                "name": "改名",
                "contacts-TOTAL_FORMS": "0",
                "contacts-INITIAL_FORMS": "0",
            },
        ),
        (reverse("portal:unit_add"), {"name": "新车间"}),
        (
            reverse("portal:unit_add_child", args=[ids["portal:unit_add_child"]]),
            {"name": "新班"},
        ),
        (reverse("portal:unit_edit", args=[ids["portal:unit_edit"]]), {"name": "改名"}),
        (reverse("portal:unit_delete", args=[ids["portal:unit_delete"]]), {}),
        (reverse("portal:person_add"), {"name": "李四"}),
        (
            reverse("portal:person_edit", args=[ids["portal:person_edit"]]),
            {"name": "改名"},
        ),
        (reverse("portal:person_delete", args=[ids["portal:person_delete"]]), {}),
    ]
    for url, data in attempts:
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert (
        Enterprise.objects.values().get(pk=world.enterprise_a.pk) == enterprise_before
    )
    assert list(Unit.objects.values_list("pk", "name").order_by("pk")) == units_before
    assert (
        list(Person.objects.values_list("pk", "name").order_by("pk")) == people_before
    )
    assert not EnterpriseContact.objects.exists()


def test_staff_pages_offer_no_edit_actions(client, world):
    client.force_login(world.staff_a)
    for page in PAGES:
        text = client.get(reverse(page)).text
        assert reverse("portal:profile_edit") not in text
        assert reverse("portal:person_add") not in text
        assert "/edit/" not in text


def test_manager_pages_offer_the_edit_actions(client, world):
    client.force_login(world.manager_a)
    assert reverse("portal:profile_edit") in client.get(reverse("portal:profile")).text
    assert reverse("portal:person_add") in client.get(reverse("portal:people")).text
    workshop = a_ids(world)["portal:unit_edit"]
    text = client.get(reverse("portal:units")).text
    assert reverse("portal:unit_edit", args=[workshop]) in text


def test_home_shows_the_key_facts(client, world):
    client.force_login(world.manager_a)
    response = client.get(reverse("portal:home"))
    text = response.text
    assert world.enterprise_a.uscc in text
    assert "危险化学品" in text
    assert "一街道" in text and "一网格" in text
    facts = response.context["facts"]
    assert facts.unit_counts["workshop"] == 1
    assert facts.unit_counts["post"] == 1
    assert facts.people_count == 1
    # Tiles of the modules from the menu.
    assert f'class="tile" href="{reverse("portal:units")}"' in text


def test_the_active_menu_entry_follows_the_page(client, world):
    client.force_login(world.manager_a)
    menu = client.get(reverse("portal:unit_add")).context["menu"]
    assert [entry.key for entry in menu if entry.active] == ["units"]
    menu = client.get(reverse("portal:home")).context["menu"]
    assert [entry.key for entry in menu if entry.active] == ["home"]


def test_error_pages_are_the_sites_own(client, world):
    client.force_login(world.staff_a)
    response = client.get(reverse("portal:profile_edit"))
    assert "403.html" in [t.name for t in response.templates]
    client.force_login(world.manager_b)
    response = client.get(reverse("portal:unit_edit", args=[999999]))
    assert "404.html" in [t.name for t in response.templates]
