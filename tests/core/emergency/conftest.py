"""Plans, filings and rescue records of the test world for the emergency tests."""

from __future__ import annotations

import datetime

import pytest

from core.emergency.services import plan_create, plan_file


@pytest.fixture
def plan_a(world):
    return plan_create(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        kind="comprehensive",
        title="甲化工综合应急预案",
        content="总则、组织机构、预警、应急响应……",
        approved_on=datetime.date(2026, 1, 5),
        approved_by="总经理",
    )


@pytest.fixture
def plan_b(world):
    return plan_create(
        actor=world.manager_b,
        enterprise=world.enterprise_b,
        kind="special",
        title="乙建筑高处坠落专项应急预案",
        content="高处坠落的应急响应……",
        approved_on=datetime.date(2026, 1, 6),
    )


@pytest.fixture
def chem_dept(world):
    from core.organizations.models import Department

    return Department.objects.get(name="应急管理局")


@pytest.fixture
def filing_a(world, plan_a, chem_dept):
    return plan_file(
        actor=world.manager_a, version=plan_a.current_version, department=chem_dept
    )


@pytest.fixture
def filing_b(world, plan_b):
    from core.organizations.models import Department

    return plan_file(
        actor=world.manager_b,
        version=plan_b.current_version,
        department=Department.objects.get(name="住建局"),
    )
