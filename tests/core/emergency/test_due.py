"""The departments' lists of what is due and their export: each role sees
its own scope only, pages by key, and enterprise users are refused."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client
from freezegun import freeze_time
from openpyxl import load_workbook

from core.emergency.services import (
    drill_plan_add,
    exposure_add,
    rescue_agreement_save,
    training_requirement_add,
    workplace_test_record,
)

pytestmark = pytest.mark.django_db
URL = "/admin/emergency/due/"


def client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def due_a(world):
    manager = world.manager_a
    drill_plan_add(
        actor=manager,
        enterprise=world.enterprise_a,
        year=2025,
        scenario="甲火灾疏散",
        due_on="2025-06-30",
    )
    training_requirement_add(actor=manager, post=world.post_a, topic="甲特种作业证")
    exposure = exposure_add(actor=manager, post=world.post_a, factor="noise")
    workplace_test_record(
        actor=manager,
        enterprise=world.enterprise_a,
        tested_on="2024-01-01",
        next_due="2025-01-01",
        agency="甲检测",
        results=[{"exposure": exposure.pk, "measured": "80", "compliant": True}],
    )
    rescue_agreement_save(
        actor=manager,
        enterprise=world.enterprise_a,
        party="甲救援队",
        valid_from="2025-01-01",
        valid_until="2025-12-31",
    )


LISTS = ("drills", "training", "tests", "agreements", "no_rescue")


@freeze_time("2026-03-01")
@pytest.mark.parametrize(
    "role,sees",
    [
        ("superuser", True),
        ("committee", True),
        ("dept_chemicals", True),
        ("street1_office", True),
        ("dept_construction", False),
    ],
)
def test_each_role_sees_its_scope(world, due_a, role, sees):
    client = client_for(getattr(world, role))
    expected = {
        "drills": "甲火灾疏散",
        "training": world.enterprise_a.name,
        "tests": world.enterprise_a.name,
        "agreements": "甲救援队",
    }
    for name, text in expected.items():
        page = client.get(URL, {"list": name})
        assert page.status_code == 200
        assert (text in page.content.decode()) is sees, (role, name)
    workbook = load_workbook(io.BytesIO(client.get(URL + "export/").content))
    cells = {
        str(cell.value)
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
    }
    assert ("甲火灾疏散" in cells) is sees and ("甲救援队" in cells) is sees
    assert "甲特种作业证" not in cells  # aggregated: counts per enterprise
    # enterprise B (no rescue at all) is in the construction department's list.
    no_rescue = client.get(URL, {"list": "no_rescue"}).content.decode()
    assert (world.enterprise_b.name in no_rescue) is (
        role != "dept_chemicals" and role != "street1_office"
    )


@freeze_time("2026-03-01")
def test_the_training_gaps_are_counted_per_enterprise(world, due_a):
    from core.emergency.due import training_gaps
    from core.organizations.scope import scope_for

    rows = list(training_gaps(scope_for(world.committee), datetime.date(2026, 3, 1)))
    assert rows == [
        {"enterprise_id": world.enterprise_a.pk, "missing": 1, "expired": 0}
    ]


def test_enterprise_users_are_refused(world, due_a):
    for role in ("manager_a", "manager_b", "staff_a"):
        client = client_for(getattr(world, role))
        assert client.get(URL).status_code in (302, 403)
        assert client.get(URL + "export/").status_code in (302, 403)
    assert client_for(world.committee).get(URL, {"list": "poem"}).status_code == 404


@freeze_time("2026-03-01")
def test_pages_by_key_with_bounded_queries(world, django_assert_max_num_queries):
    from core.emergency.models import DrillPlanItem

    DrillPlanItem.objects.bulk_create(
        DrillPlanItem(
            enterprise=world.enterprise_a,
            year=2025,
            scenario=f"演练{n:02d}",
            due_on=datetime.date(2025, 6, 30),
        )
        for n in range(60)
    )
    client = client_for(world.dept_chemicals)
    client.get(URL)
    with django_assert_max_num_queries(30):
        first = client.get(URL, {"list": "drills"}).content.decode()
    assert "演练00" in first and "演练59" not in first
    import re

    following = (
        re.search(r'href="([^"]*after=\d+)"', first).group(1).replace("&amp;", "&")
    )
    second = client.get(following).content.decode()
    assert "演练59" in second and "演练00" not in second
