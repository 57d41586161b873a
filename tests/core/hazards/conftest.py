"""Hazards in any state for the hazards' tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from core.forms.services import upload_store
from core.hazards.models import Hazard, HazardGrade, HazardStatus, HazardTransition
from core.organizations.models import Person
from tests.core.forms.conftest import (  # noqa: F401 - fixtures used here
    chem_department,
    published,
)
from tests.factories import image_upload


@dataclass
class HazardWorld:
    world: Any
    person: Person  # 张三, staff-a's person: the responsible person

    def user(self, role: str):
        return getattr(self.world, role)

    def photo(self, user=None, enterprise=None):
        return upload_store(
            actor=user or self.world.staff_a,
            enterprise=enterprise or self.world.enterprise_a,
            file=image_upload(),
        )

    def hazard(
        self,
        status: str = HazardStatus.REPORTED,
        *,
        grade: str = HazardGrade.GENERAL,
        supervised: bool = False,
        enterprise=None,
        **fields,
    ) -> Hazard:
        """A hazard standing in ``status`` (rows written directly: the
        services' own tests walk the loop through the services)."""
        today = timezone.localdate()
        values: dict[str, Any] = {
            "enterprise": enterprise or self.world.enterprise_a,
            "description": "配电箱门未关闭",
            "status": status,
            "grade": grade,
            "reported_by": self.world.staff_a,
        }
        if status != HazardStatus.REPORTED:
            values.update(
                responsible=self.person if enterprise is None else None,
                deadline=today + datetime.timedelta(days=7),
                confirmed_at=timezone.now(),
            )
        if status in (HazardStatus.AWAITING_ACCEPTANCE, HazardStatus.CLOSED):
            values["submitted_by"] = self.world.staff_a
        if status == HazardStatus.CLOSED:
            values["closed_at"] = timezone.now()
        if supervised:
            from core.organizations.models import Department

            values.update(
                supervised=True,
                supervising_department=Department.objects.get(name="应急管理局"),
            )
        values.update(fields)
        hazard = Hazard.objects.create(**values)
        HazardTransition.objects.create(
            hazard=hazard, action="report", to_status=HazardStatus.REPORTED
        )
        return hazard


@pytest.fixture
def hz(world) -> HazardWorld:
    return HazardWorld(
        world=world,
        person=Person.objects.get(enterprise=world.enterprise_a, name="张三"),
    )
