"""调度统计: hazard statistics of a quarter or a year per industry and
territory, exported to Excel, scoped; bad periods refused; bounded queries."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from core.hazards.models import HazardGrade, HazardStatus
from core.inspections.models import InspectionTask, TaskSource, TaskStatus
from core.organizations.scope import scope_for
from core.supervision.statistics import hazard_statistics, parse_period
from tests.core.forms.conftest import (  # noqa: F401 - fixtures used here
    chem_department,
    published,
)
from tests.core.supervision.test_map import hazard, point

pytestmark = pytest.mark.django_db
URL = "/admin/supervision/statistics/export/"


def test_periods():
    q = parse_period("2026-Q4")
    assert (q.start, q.end) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    q1 = parse_period("2026-Q1")
    assert q1.end == datetime.date(2026, 3, 31)
    year = parse_period("2025")
    assert (year.start, year.end) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    for bad in ("", "2026-Q5", "26", "1999", "2026Q1", "x"):
        with pytest.raises(ValueError):
            parse_period(bad)


@pytest.fixture
def reported(world):
    hazard(world, world.enterprise_a, grade=HazardGrade.MAJOR, supervised=False)
    hazard(
        world,
        world.enterprise_a,
        HazardStatus.CLOSED,
        closed_at=timezone.now(),
        deadline=timezone.localdate(),
    )
    hazard(world, world.enterprise_b)
    old = hazard(world, world.enterprise_b)
    old.reported_at = timezone.now() - datetime.timedelta(days=800)
    old.save()
    return world


def this_year() -> str:
    return str(timezone.localdate().year)


def test_rows_per_industry_and_territory_scoped(
    reported, django_assert_max_num_queries
):
    period = parse_period(this_year())
    scope = scope_for(reported.committee)
    scope.enterprises().exists()
    with django_assert_max_num_queries(17):
        data = hazard_statistics(scope=scope, period=period)
    industries = {row["name"]: row for row in data["industries"]}
    assert industries["危险化学品"]["reported"] == 2
    assert industries["危险化学品"]["major"] == 1
    assert industries["危险化学品"]["closed"] == 1
    assert industries["危险化学品"]["closed_rate"] == 50.0
    assert industries["建筑施工"]["reported"] == 1  # the old one is outside
    territories = {row["name"]: row for row in data["territories"]}
    assert territories["一街道"]["enterprises"] == 1
    assert territories["二街道"]["reported"] == 1
    chem = hazard_statistics(scope=scope_for(reported.dept_chemicals), period=period)
    assert [row["name"] for row in chem["industries"]] == ["危险化学品"]
    street = hazard_statistics(scope=scope_for(reported.street1_office), period=period)
    assert [row["name"] for row in street["territories"]] == ["一街道"]
    assert data["total"][0]["reported"] == 3
    assert data["total"][0]["enterprises"] == 2


def test_an_enterprise_of_two_industries_is_counted_once_in_the_total(reported):
    world = reported
    world.enterprise_a.industries.add(world.construction)
    period = parse_period(this_year())
    data = hazard_statistics(scope=scope_for(world.committee), period=period)
    industries = {row["name"]: row for row in data["industries"]}
    # Each industry's row counts the enterprise's hazards ...
    assert industries["危险化学品"]["reported"] == 2
    assert industries["建筑施工"]["reported"] == 3
    # ... the total counts each hazard and enterprise once.
    assert data["total"][0]["reported"] == 3
    assert data["total"][0]["enterprises"] == 2
    # A department reports its own industries only.
    chem = hazard_statistics(scope=scope_for(world.dept_chemicals), period=period)
    assert [row["name"] for row in chem["industries"]] == ["危险化学品"]
    assert chem["total"][0]["reported"] == 2


def test_risk_points_and_inspections_per_row(reported, published):  # noqa: F811
    world = reported
    point(world.enterprise_a, "major")
    point(world.enterprise_a, "major", "反应釜")
    point(world.enterprise_a, "low", "仓库")
    point(world.enterprise_b, "general")
    now = timezone.now()
    for status in (TaskStatus.DONE, TaskStatus.OVERDUE):
        InspectionTask.objects.create(
            enterprise=world.enterprise_a,
            source=TaskSource.CONTROL,
            origin=f"test-{status}",
            title="罐区巡检",
            period_start=now - datetime.timedelta(days=1),
            period_end=now,
            due_at=now,
            status=status,
            done_at=now if status == TaskStatus.DONE else None,
            version=published[1],
        )
    period = parse_period(this_year())
    data = hazard_statistics(scope=scope_for(world.committee), period=period)
    industries = {row["name"]: row for row in data["industries"]}
    chemicals = industries["危险化学品"]
    assert (chemicals["risk_major"], chemicals["risk_low"]) == (2, 1)
    assert chemicals["risk_general"] == 0
    assert (chemicals["inspections_due"], chemicals["inspections_done"]) == (2, 1)
    assert industries["建筑施工"]["risk_general"] == 1
    territories = {row["name"]: row for row in data["territories"]}
    assert territories["二街道"]["risk_general"] == 1
    assert territories["二街道"]["inspections_due"] == 0
    total = data["total"][0]
    assert (total["risk_major"], total["risk_general"], total["risk_low"]) == (2, 1, 1)
    assert total["inspections_due"] == 2
    # A street office sees its own territory's points only.
    street = hazard_statistics(scope=scope_for(world.street1_office), period=period)
    assert street["total"][0]["risk_general"] == 0
    assert street["total"][0]["risk_major"] == 2
    # Last year's tasks are outside this year's report.
    last_year = parse_period(str(int(this_year()) - 1))
    before = hazard_statistics(scope=scope_for(world.committee), period=last_year)
    assert before["total"][0]["inspections_due"] == 0
    assert before["total"][0]["risk_major"] == 2  # points as they stand


def test_the_excel_export(reported, client):
    client.force_login(reported.dept_chemicals)
    response = client.get(URL, {"period": this_year()})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["行业", "部门", "辖区"]
    sheet = book["行业"]
    assert "隐患排查治理情况统计" in sheet["A1"].value
    assert "应急管理局" in sheet["A2"].value
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert values[0][:3] == ["危险化学品", 1, 2]
    assert values[-1][0] == "合计"
    assert all("建筑" not in str(row[0]) for row in values)
    header = [c.value for c in sheet[3]]
    assert header[-6:] == [
        "重大风险",
        "较大风险",
        "一般风险",
        "低风险",
        "应排查次数",
        "完成排查",
    ]


def test_a_name_like_a_formula_stays_text(reported, client):
    reported.enterprise_a.industries.first().__class__.objects.filter(
        code="chemicals"
    ).update(name_zh="=HYPERLINK(1)")
    client.force_login(reported.committee)
    response = client.get(URL, {"period": this_year()})
    book = load_workbook(io.BytesIO(response.content))
    names = [row[0].value for row in book["行业"].iter_rows(min_row=4)]
    assert "=HYPERLINK(1)" in names  # the text itself, no apostrophe
    cell = next(
        row[0]
        for row in book["行业"].iter_rows(min_row=4)
        if row[0].value == "=HYPERLINK(1)"
    )
    assert cell.data_type == "s"


def test_refused_and_bad_input(reported, client):
    client.force_login(reported.committee)
    response = client.get(URL, {"period": "2026-Q9"})
    assert response.status_code == 400
    assert "季度" in response.content.decode()
    # A line break after a valid period is refused, never put in a header.
    for bad in ("2026\n", "2026-Q3\n", "2026-Q3\r\nX-Evil: 1"):
        assert client.get(URL, {"period": bad}).status_code == 400
    quarter = client.get(URL, {"period": f"{this_year()}-Q2"})
    assert quarter.status_code == 200
    assert (
        f'filename="hazard-statistics-{this_year()}-Q2.xlsx"'
        in (quarter["Content-Disposition"])
    )
    for role in ("manager_a", "staff_a", "outsider"):
        client.force_login(getattr(reported, role))
        assert client.get(URL, {"period": this_year()}).status_code in (302, 403)


def test_the_dashboard_offers_the_export(reported, client):
    client.force_login(reported.street1_office)
    body = client.get("/admin/").content.decode()
    assert 'data-testid="statistics-export"' in body and URL in body


def test_rows_per_department(reported, django_assert_max_num_queries):
    """One row per industry department; an enterprise of two industries of
    the same department counts once in its row; a department sees its own
    row only, a street office every department's part of its territory."""
    world = reported
    period = parse_period(this_year())
    scope = scope_for(world.committee)
    scope.enterprises().exists()
    with django_assert_max_num_queries(17):
        data = hazard_statistics(scope=scope, period=period)
    departments = {row["name"]: row for row in data["departments"]}
    assert set(departments) == {"应急管理局", "住建局"}
    assert departments["应急管理局"]["reported"] == 2
    assert departments["应急管理局"]["enterprises"] == 1
    assert departments["住建局"]["reported"] == 1
    # A second industry of the same department: counted once in its row.
    from core.organizations.models import Department, Industry

    gas = Industry.objects.create(code="gas-test", name_zh="燃气", name_en="Gas")
    Department.objects.get(name="应急管理局").industries.add(gas)
    world.enterprise_a.industries.add(gas)
    data = hazard_statistics(scope=scope_for(world.committee), period=period)
    departments = {row["name"]: row for row in data["departments"]}
    assert departments["应急管理局"]["reported"] == 2
    assert departments["应急管理局"]["enterprises"] == 1
    chem = hazard_statistics(scope=scope_for(world.dept_chemicals), period=period)
    assert [row["name"] for row in chem["departments"]] == ["应急管理局"]
    street = hazard_statistics(scope=scope_for(world.street1_office), period=period)
    assert [row["name"] for row in street["departments"]] == ["应急管理局"]


def test_the_department_sheet(reported, client):
    client.force_login(reported.committee)
    response = client.get(URL, {"period": this_year()})
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["部门"]
    assert "隐患排查治理情况统计" in sheet["A1"].value
    assert sheet["A3"].value == "部门"
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [row[0] for row in values] == ["住建局", "应急管理局", "合计"]
    assert {row[0]: row[2] for row in values}["应急管理局"] == 2


def test_a_kept_report_is_per_office_and_period(reported, client, settings):
    """Kept as the dashboards are: another office or period computes its own."""
    from django.core.cache import cache

    settings.SAFEGRID_DASHBOARD_SECONDS = 300
    cache.clear()
    try:
        client.force_login(reported.dept_chemicals)
        first = client.get(URL, {"period": this_year()}).content
        hazard(reported, reported.enterprise_a)
        assert client.get(URL, {"period": this_year()}).content == first
        client.force_login(reported.dept_construction)
        other = load_workbook(
            io.BytesIO(client.get(URL, {"period": this_year()}).content)
        )
        names = [row[0].value for row in other["行业"].iter_rows(min_row=4)]
        assert "危险化学品" not in names
        client.force_login(reported.dept_chemicals)
        fresh = load_workbook(io.BytesIO(client.get(URL, {"period": "2020"}).content))
        assert "2020" in fresh["行业"]["A1"].value
    finally:
        cache.clear()
