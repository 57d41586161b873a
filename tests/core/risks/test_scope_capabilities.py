"""The Scope capabilities risk grading added: who writes records, who configures."""

import pytest

from core.organizations.scope import NO_SCOPE, scope_for

pytestmark = pytest.mark.django_db


def test_only_the_own_manager_writes_safety_records(world):
    a, b = world.enterprise_a, world.enterprise_b
    assert scope_for(world.manager_a).can_manage_safety_records(a)
    assert scope_for(world.manager_a).can_manage_safety_records(a.pk)
    assert not scope_for(world.manager_a).can_manage_safety_records(b)
    assert scope_for(world.superuser).can_manage_safety_records(b)
    for who in ("committee", "dept_chemicals", "street1_office", "staff_a", "outsider"):
        assert not scope_for(getattr(world, who)).can_manage_safety_records(a), who
    assert not NO_SCOPE.can_manage_safety_records(a)


def test_who_configures_which_industry(world):
    chemicals, construction = world.chemicals, world.construction
    dept = scope_for(world.dept_chemicals)
    assert dept.can_configure_industry(chemicals)
    assert dept.can_configure_industry(chemicals.pk)
    assert not dept.can_configure_industry(construction)
    assert not dept.can_configure_industry(None)
    assert list(dept.configurable_industries()) == [chemicals]
    committee = scope_for(world.committee)
    assert committee.can_configure_industry(None)
    assert committee.can_configure_industry(construction)
    assert committee.configurable_industries().count() == 2
    for who in ("street1_office", "manager_a", "outsider"):
        scope = scope_for(getattr(world, who))
        assert not scope.can_configure_industry(chemicals)
        assert scope.configurable_industries().count() == 0
