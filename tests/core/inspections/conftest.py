"""A risk point of enterprise A checked daily by 张三 (staff-a), and B's."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.organizations.models import Person, Unit
from core.risks.services import ControlData, risk_point_create
from tests.core.risks.conftest import reactor_data

#: A fixed moment (local time 10:00) the tests generate around.
NOW = timezone.make_aware(datetime.datetime(2026, 3, 10, 10, 0))


@pytest.fixture
def daily_point(world):
    person = Person.objects.get(enterprise=world.enterprise_a, name="张三")
    team = Unit.objects.get(enterprise=world.enterprise_a, name="一班")
    control = ControlData(
        level="team",
        responsible_unit=team,
        responsible_person=person,
        inspection_every=1,
        inspection_unit="day",
    )
    return risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=reactor_data(world, control=control),
    )


@pytest.fixture
def point_b(world):
    person = Person.objects.create(enterprise=world.enterprise_b, name="李四")
    control = ControlData(
        level="company",
        responsible_person=person,
        inspection_every=1,
        inspection_unit="week",
    )
    return risk_point_create(
        user=world.manager_b,
        enterprise=world.enterprise_b,
        data=reactor_data(world, name="乙点", unit=None, control=control),
    )
