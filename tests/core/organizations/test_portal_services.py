"""Services behind the enterprise portal: profile, units and people."""

import pytest
from django.core.exceptions import ValidationError

from core.organizations.models import Enterprise, EnterpriseContact, Person, Unit
from core.organizations.scope import scope_for
from core.organizations.services import (
    ContactData,
    enterprise_update_profile,
    person_create,
    person_update,
    unit_add_child,
    unit_delete,
    unit_rename,
)
from tests.factories import unit

pytestmark = pytest.mark.django_db


def test_profile_update_is_all_or_nothing(world):
    enterprise = world.enterprise_a
    with pytest.raises(ValidationError):
        enterprise_update_profile(
            enterprise=enterprise,
            profile={"name": "新名字"},
            contacts=[
                ContactData(name="甲", phone="13800000001"),
                ContactData(name="乙", phone="13800000002", email="not-an-email"),
            ],
        )
    assert Enterprise.objects.get(pk=enterprise.pk).name == "甲化工有限公司"
    assert not EnterpriseContact.objects.exists()


def test_profile_update_refuses_registration_fields(world):
    with pytest.raises(ValueError, match="uscc"):
        enterprise_update_profile(
            enterprise=world.enterprise_a,
            profile={"uscc": "91110000000000000X"},
            contacts=[],
        )


def test_contacts_are_replaced_by_the_given_list(world):
    enterprise = world.enterprise_a
    old = EnterpriseContact.objects.create(
        enterprise=enterprise, name="旧", phone="13800000000"
    )
    enterprise_update_profile(
        enterprise=enterprise,
        profile={},
        contacts=[ContactData(name="新", phone="13900000000")],
    )
    assert list(
        EnterpriseContact.objects.filter(enterprise=enterprise).values_list(
            "name", flat=True
        )
    ) == ["新"]
    assert not EnterpriseContact.objects.filter(pk=old.pk).exists()


def test_a_contact_of_another_enterprise_is_refused(world):
    foreign = EnterpriseContact.objects.create(
        enterprise=world.enterprise_b, name="乙", phone="13800000000"
    )
    with pytest.raises(ValidationError):
        enterprise_update_profile(
            enterprise=world.enterprise_a,
            profile={},
            contacts=[ContactData(pk=foreign.pk, name="改", phone="1")],
        )
    foreign.refresh_from_db()
    assert foreign.name == "乙"


def test_unit_add_child_creates_the_company_unit_once(world):
    enterprise = world.enterprise_b
    first = unit_add_child(enterprise=enterprise, parent=None, name="一车间")
    second = unit_add_child(enterprise=enterprise, parent=None, name="二车间")
    assert first.kind == second.kind == Unit.Kind.WORKSHOP
    assert first.get_parent() == second.get_parent()
    assert Unit.objects.filter(enterprise=enterprise, depth=1).count() == 1
    # Enterprise A's tree is not disturbed by B's new root.
    assert [
        u.name
        for u in Unit.objects.filter(enterprise=world.enterprise_a).order_by("path")
    ] == [
        "甲化工",
        "合成车间",
        "一班",
        "反应釜操作岗",
    ]


def test_unit_add_child_refuses_a_foreign_parent_and_posts(world):
    with pytest.raises(ValueError):
        unit_add_child(enterprise=world.enterprise_b, parent=world.post_a, name="x")
    with pytest.raises(ValidationError):
        unit_add_child(enterprise=world.enterprise_a, parent=world.post_a, name="x")
    with pytest.raises(ValidationError):
        unit_add_child(
            enterprise=world.enterprise_a, parent=world.post_a.get_parent(), name=" "
        )


def test_unit_rename_keeps_siblings_in_name_order(world):
    team = Unit.objects.get(name="一班")
    spare = unit(world.enterprise_a, "乙岗", Unit.Kind.POST, team)
    unit_rename(unit=spare, name="丙岗")
    names = [u.name for u in Unit.objects.get(pk=team.pk).get_children()]
    assert names == sorted(names)
    assert Unit.objects.get(pk=spare.pk).name == "丙岗"


def test_unit_delete_refuses_units_in_use(world):
    with pytest.raises(ValidationError):
        unit_delete(unit=Unit.objects.get(name="合成车间"))
    with pytest.raises(ValidationError):
        unit_delete(unit=world.post_a)
    assert Unit.objects.filter(enterprise=world.enterprise_a).count() == 4


def test_people_hold_posts_of_their_own_enterprise_only(world):
    foreign_root = unit(world.enterprise_b, "乙", Unit.Kind.COMPANY)
    with pytest.raises(ValidationError):
        person_create(enterprise=world.enterprise_b, name="x", posts=[world.post_a])
    assert not Person.objects.filter(name="x").exists()
    person = person_create(
        enterprise=world.enterprise_a, name="李四", posts=[world.post_a]
    )
    with pytest.raises(ValidationError):
        person_update(person=person, name="李四", posts=[foreign_root])
    assert list(person.posts.all()) == [world.post_a]


def test_scope_people(world):
    other = Person.objects.create(enterprise=world.enterprise_a, name="李四")
    b_person = Person.objects.create(enterprise=world.enterprise_b, name="王五")

    def names(user):
        return set(scope_for(user).people().values_list("name", flat=True))

    assert names(world.staff_a) == {"张三"}
    assert names(world.manager_a) == {"张三", other.name}
    assert names(world.manager_b) == {b_person.name}
    assert names(world.dept_chemicals) == {"张三", "李四"}
    assert names(world.committee) == {"张三", "李四", "王五"}
    assert names(world.outsider) == set()
