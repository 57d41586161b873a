"""People of the enterprise and the posts they hold."""

import pytest
from django.urls import reverse

from core.organizations.models import Person, Unit
from tests.factories import unit

pytestmark = pytest.mark.django_db


def test_manager_adds_a_person_with_posts(client, world):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("portal:person_add"),
        {"name": "李四", "phone": "138 0000 1111", "posts": [world.post_a.pk]},
    )
    assert response.status_code == 302
    person = Person.objects.get(name="李四")
    assert person.enterprise == world.enterprise_a
    assert list(person.posts.all()) == [world.post_a]
    text = client.get(reverse("portal:people")).text
    assert "李四" in text and "合成车间 / 一班 / 反应釜操作岗" in text


def test_posts_of_another_enterprise_cannot_be_chosen(client, world):
    foreign_company = unit(world.enterprise_b, "乙建筑", Unit.Kind.COMPANY)
    foreign_workshop = unit(
        world.enterprise_b, "钢筋车间", Unit.Kind.WORKSHOP, foreign_company
    )
    foreign_team = unit(world.enterprise_b, "一组", Unit.Kind.TEAM, foreign_workshop)
    foreign_post = unit(world.enterprise_b, "钢筋工", Unit.Kind.POST, foreign_team)
    client.force_login(world.manager_a)
    form_page = client.get(reverse("portal:person_add")).text
    assert "钢筋工" not in form_page
    assert "反应釜操作岗" in form_page
    response = client.post(
        reverse("portal:person_add"),
        {"name": "李四", "posts": [foreign_post.pk]},
    )
    assert response.status_code == 400
    assert "posts" in response.context["form"].errors
    assert "李四" in response.text  # what was typed is kept
    assert not Person.objects.filter(name="李四").exists()


def test_units_are_not_posts(client, world):
    client.force_login(world.manager_a)
    team = Unit.objects.get(name="一班")
    response = client.post(
        reverse("portal:person_add"), {"name": "李四", "posts": [team.pk]}
    )
    assert response.status_code == 400
    assert not Person.objects.filter(name="李四").exists()


def test_manager_edits_and_removes_a_person(client, world):
    person = Person.objects.get(name="张三")
    client.force_login(world.manager_a)
    url = reverse("portal:person_edit", args=[person.pk])
    page = client.get(url)
    assert page.context["form"].initial["posts"] == [world.post_a.pk]
    response = client.post(url, {"name": "张三丰", "phone": "13900000000"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.phone) == ("张三丰", "13900000000")
    assert not person.posts.exists()

    response = client.post(reverse("portal:person_delete", args=[person.pk]))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    # The user account is kept.
    world.staff_a.refresh_from_db()


def test_invalid_phone_keeps_the_input(client, world):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("portal:person_add"), {"name": "王五", "phone": "call me"}
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["phone"]
    assert "王五" in response.text and "call me" in response.text
    assert not Person.objects.filter(name="王五").exists()


def test_staff_see_only_themselves(client, world):
    Person.objects.create(enterprise=world.enterprise_a, name="李四")
    client.force_login(world.staff_a)
    response = client.get(reverse("portal:people"))
    assert [person.name for person, _labels in response.context["rows"]] == ["张三"]
    assert "李四" not in response.text
    assert "合成车间 / 一班 / 反应釜操作岗" in response.text


def test_staff_cannot_open_another_persons_record(client, world):
    other = Person.objects.create(enterprise=world.enterprise_a, name="李四")
    client.force_login(world.staff_a)
    assert client.get(reverse("portal:person_edit", args=[other.pk])).status_code == 403


@pytest.mark.parametrize("size", [5, 50])
def test_people_page_costs_a_bounded_number_of_queries(
    client, world, size, django_assert_max_num_queries
):
    team = Unit.objects.get(name="一班")
    for n in range(size):
        post = unit(world.enterprise_a, f"岗位{n:03d}", Unit.Kind.POST, team)
        team.refresh_from_db()
        person = Person.objects.create(enterprise=world.enterprise_a, name=f"人{n:03d}")
        person.posts.set([post, world.post_a])
    client.force_login(world.manager_a)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("portal:people"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == min(size + 1, 50)


def test_people_are_paginated(client, world):
    Person.objects.bulk_create(
        Person(enterprise=world.enterprise_a, name=f"人{n:03d}") for n in range(60)
    )
    client.force_login(world.manager_a)
    first = client.get(reverse("portal:people"))
    assert len(first.context["rows"]) == 50
    second = client.get(reverse("portal:people"), {"page": 2})
    assert len(second.context["rows"]) == 11
