"""The one scope function, for every role."""

import pytest

from core.organizations.models import Enterprise, Person, Unit
from core.organizations.scope import scope_for
from core.organizations.validators import uscc_check_character, validate_uscc

pytestmark = pytest.mark.django_db


def visible(user):
    return set(scope_for(user).enterprises().values_list("name", flat=True))


def test_superuser_and_committee_see_everything(world):
    assert visible(world.superuser) == {"甲化工有限公司", "乙建筑有限公司"}
    assert visible(world.committee) == {"甲化工有限公司", "乙建筑有限公司"}


def test_industry_department_sees_only_its_industries(world):
    assert visible(world.dept_chemicals) == {"甲化工有限公司"}
    assert visible(world.dept_construction) == {"乙建筑有限公司"}


def test_department_with_two_industries_sees_each_enterprise_once(world):
    world.enterprise_a.industries.add(world.construction)
    department = world.dept_construction.membership.department
    department.industries.add(world.chemicals)
    names = list(
        scope_for(
            type(world.dept_construction).objects.get(pk=world.dept_construction.pk)
        )
        .enterprises()
        .values_list("name", flat=True)
    )
    assert sorted(names) == ["乙建筑有限公司", "甲化工有限公司"]


def test_a_scope_is_read_in_one_query(world, django_assert_num_queries):
    """The membership, its department and jurisdiction and the department's
    industries (ascending ids) come in one query, for every role."""
    department = world.dept_construction.membership.department
    department.industries.add(world.chemicals)
    User = type(world.dept_construction)
    expected = {
        "dept_construction": (
            "industry_department",
            tuple(sorted([world.construction.pk, world.chemicals.pk])),
        ),
        "dept_chemicals": ("industry_department", (world.chemicals.pk,)),
        "committee": ("committee", ()),
        "street1_office": ("territorial_office", ()),
        "manager_a": ("enterprise_manager", ()),
    }
    for name, (role, industries) in expected.items():
        user = User.objects.get(pk=getattr(world, name).pk)
        with django_assert_num_queries(1):
            scope = scope_for(user)
        assert (scope.role, scope.industry_ids) == (role, industries), name
    office = scope_for(User.objects.get(pk=world.street1_office.pk))
    assert office.department is not None
    assert office.jurisdiction_path == office.department.jurisdiction.path
    assert scope_for(User.objects.get(pk=world.manager_a.pk)).enterprise_id == (
        world.enterprise_a.pk
    )


def test_territorial_office_sees_its_subtree(world):
    # Enterprise A sits in a grid under street 1: included through the subtree.
    assert visible(world.street1_office) == {"甲化工有限公司"}


def test_enterprise_users_see_only_their_own(world):
    assert visible(world.manager_a) == {"甲化工有限公司"}
    assert visible(world.manager_b) == {"乙建筑有限公司"}
    assert visible(world.staff_a) == {"甲化工有限公司"}


def test_users_without_a_role_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert visible(world.outsider) == set()
    assert list(scope_for(AnonymousUser()).enterprises()) == []


def test_who_may_edit_an_enterprise(world):
    a, b = world.enterprise_a, world.enterprise_b
    assert scope_for(world.manager_a).can_edit_enterprise(a)
    assert not scope_for(world.manager_a).can_edit_enterprise(b)
    assert not scope_for(world.staff_a).can_edit_enterprise(a)
    assert not scope_for(world.dept_chemicals).can_edit_enterprise(a)
    assert not scope_for(world.street1_office).can_edit_enterprise(a)
    assert scope_for(world.committee).can_edit_enterprise(b)


def test_filter_limits_any_enterprise_data(world):
    Person.objects.create(enterprise=world.enterprise_b, name="李四")
    people = Person.objects.all()
    assert set(
        scope_for(world.manager_a).filter(people).values_list("name", flat=True)
    ) == {"张三"}
    assert set(
        scope_for(world.dept_construction).filter(people).values_list("name", flat=True)
    ) == {"李四"}
    assert scope_for(world.committee).filter(people).count() == 2


def test_staff_sees_only_its_own_posts(world):
    other_post = world.post_a.get_parent().add_child(
        enterprise=world.enterprise_a, name="巡检岗", kind=Unit.Kind.POST
    )
    assert list(scope_for(world.staff_a).posts()) == [world.post_a]
    assert set(scope_for(world.manager_a).posts()) == {world.post_a, other_post}


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",
        "9111000071093123XX"[:17] + uscc_check_character("9111000071093123X"),
    ],
)
def test_valid_credit_codes_are_accepted(code):
    validate_uscc(code)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000100Y44", "check character"),
        ("91350100M000100YI3", "not allowed"),
    ],
)
def test_invalid_credit_codes_are_refused_with_a_clear_message(code, message):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as info:
            validate_uscc(code)
        assert message in str(info.value)


def test_enterprise_full_clean_refuses_a_wrong_code(world):
    from django.core.exceptions import ValidationError

    enterprise = Enterprise(
        name="x", uscc="91350100M000100Y44", jurisdiction=world.street1
    )
    with pytest.raises(ValidationError) as info:
        enterprise.full_clean(exclude=["industries"])
    assert "uscc" in info.value.message_dict


def test_permissions_follow_the_role(world):
    from django.contrib.auth import get_user_model

    def fresh(user):
        return get_user_model().objects.get(pk=user.pk)

    assert fresh(world.committee).has_perm("wagtailadmin.access_admin")
    assert fresh(world.committee).has_perm("organizations.change_enterprise")
    assert fresh(world.dept_chemicals).has_perm("wagtailadmin.access_admin")
    assert not fresh(world.dept_chemicals).has_perm("organizations.change_enterprise")
    assert fresh(world.street1_office).has_perm("organizations.view_enterprise")
    assert not fresh(world.manager_a).has_perm("wagtailadmin.access_admin")
    assert not fresh(world.staff_a).has_perm("organizations.view_enterprise")
    assert not fresh(world.outsider).has_perm("wagtailadmin.access_admin")
