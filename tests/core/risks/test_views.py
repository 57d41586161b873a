"""The risk pages of the portal and the supervisors' admin: scope, content, queries."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from core.organizations.models import Unit
from core.risks.excel import SHEET_TITLE, risk_list_template
from core.risks.models import (
    AccidentType,
    Assessment,
    RiskAnalysisUnit,
    RiskEvent,
    RiskPoint,
)
from tests.core.admin_helpers import assert_permission_denied

pytestmark = pytest.mark.django_db

GOVERNMENT = ["committee", "dept_chemicals", "street1_office"]


def read_pages(point):
    """Every page a reader opens, by URL name and arguments."""
    event = point.events.order_by("order").first()
    return [
        ("risks:overview", []),
        ("risks:list", []),
        ("risks:detail", [point.pk]),
        ("risks:library", []),
        ("risks:excel_export", []),
        ("risks:excel_template", []),
        ("risks:reassess", [point.pk, event.pk]),  # a write page, see below
    ]


WRITE_PAGES = ["risks:new", "risks:drafts", "risks:excel_import"]


# -- who sees what --------------------------------------------------------------------
def test_anonymous_visitors_are_sent_to_sign_in(client, world, reactor):
    for name, args in read_pages(reactor):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("portal:login"))


def test_the_manager_opens_every_page(client, world, reactor):
    client.force_login(world.manager_a)
    for name, args in read_pages(reactor):
        assert client.get(reverse(name, args=args)).status_code == 200, name
    for name in WRITE_PAGES:
        assert client.get(reverse(name)).status_code in (200, 302), name
    assert client.get(reverse("risks:edit", args=[reactor.pk])).status_code == 302


def test_staff_read_without_edit_links_and_cannot_write(client, world, reactor):
    client.force_login(world.staff_a)
    event = reactor.events.order_by("order").first()
    for name, args in read_pages(reactor)[:-1]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        if not response["Content-Type"].startswith("text/html"):
            continue  # a download
        assert 'data-testid="edit-risk-point"' not in response.text
        assert 'data-testid="reassess"' not in response.text
        assert 'data-testid="new-risk-point"' not in response.text
    for name in WRITE_PAGES:
        assert client.get(reverse(name)).status_code == 403, name
    assert client.get(reverse("risks:edit", args=[reactor.pk])).status_code == 403
    url = reverse("risks:reassess", args=[reactor.pk, event.pk])
    assert client.get(url).status_code == 403
    before = Assessment.objects.count()
    response = client.post(url, {"method": "ls", "ls__L": "5", "ls__S": "5"})
    assert response.status_code == 403
    assert Assessment.objects.count() == before
    assert RiskPoint.objects.get(pk=reactor.pk).level == "general"
    # Even a read page refuses a post.
    assert client.post(reverse("risks:overview")).status_code in (403, 405)


@pytest.mark.parametrize("who", GOVERNMENT)
def test_supervisors_are_sent_to_the_admin_and_refused_writes(
    client, world, reactor, who
):
    client.force_login(getattr(world, who))
    response = client.get(reverse("risks:list"))
    assert response["Location"] == reverse("risk_points:index")
    response = client.get(reverse("risks:detail", args=[reactor.pk]))
    assert response["Location"] == reverse("risk_points:inspect", args=[reactor.pk])
    assert client.get(response["Location"]).status_code == 200
    event = reactor.events.order_by("order").first()
    response = client.post(
        reverse("risks:reassess", args=[reactor.pk, event.pk]),
        {"method": "ls", "ls__L": "5", "ls__S": "5"},
    )
    assert response.status_code == 403
    assert client.get(reverse("risks:new")).status_code == 403
    assert client.post(reverse("risks:library_use"), {"pack": "x"}).status_code == 403
    assert RiskPoint.objects.get(pk=reactor.pk).level == "general"
    assert Assessment.objects.count() == 1


def test_users_without_a_role_get_no_access(client, world, reactor):
    client.force_login(world.outsider)
    for name, args in read_pages(reactor):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 403, name
        assert "1号反应釜" not in response.text


def test_another_enterprise_gets_404_for_a_points(client, world, reactor, site_b):
    client.force_login(world.manager_b)
    event = reactor.events.order_by("order").first()
    for url in [
        reverse("risks:detail", args=[reactor.pk]),
        reverse("risks:edit", args=[reactor.pk]),
        reverse("risks:reassess", args=[reactor.pk, event.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("risks:reassess", args=[reactor.pk, event.pk]),
        {"method": "ls", "ls__L": "5", "ls__S": "5"},
    )
    assert response.status_code == 404
    assert Assessment.objects.filter(event=event).count() == 1
    # B's own pages never show A's point.
    for name in ["risks:overview", "risks:list"]:
        text = client.get(reverse(name)).text
        assert "乙塔吊作业区" in text
        assert "1号反应釜" not in text
    export = client.get(reverse("risks:excel_export"))
    sheet = load_workbook(io.BytesIO(export.content))[SHEET_TITLE]
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"乙塔吊作业区"}
    # An event of A's point under B's own point is not found either.
    other = reverse("risks:reassess", args=[site_b.pk, event.pk])
    assert client.get(other).status_code == 404


def test_the_menu_has_the_risk_entry(client, world):
    client.force_login(world.staff_a)
    text = client.get(reverse("portal:home")).text
    assert 'data-menu-key="risks"' in text
    assert reverse("risks:overview") in text


# -- overview and list -------------------------------------------------------------
def test_overview_counts_groups_and_site_plan(client, world, reactor, site_b):
    client.force_login(world.manager_a)
    response = client.get(reverse("risks:overview"))
    counts = response.context["counts"]
    assert counts["general"] == 1
    assert counts["major"] == 0  # B's major point is not A's
    assert counts["total"] == 1
    group = response.context["groups"][0]
    assert group.unit.name == "合成车间"
    assert group.level == "general"
    text = response.text
    assert 'class="point-tile level-general"' in text
    assert f'href="{reverse("risks:list")}?level=general"' in text
    shape = response.context["shapes"][0]
    assert (shape["cx"], shape["cy"]) == (250.0, 310.0)
    assert 'class="plot-item level-general"' in text
    assert "乙塔吊作业区" not in text


def test_list_filters_by_level_unit_kind_method_and_search(client, world, reactor):
    client.force_login(world.manager_a)
    company = Unit.objects.get(enterprise=world.enterprise_a, name="甲化工")
    team = Unit.objects.get(enterprise=world.enterprise_a, name="一班")
    url = reverse("risks:list")

    def names(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return [row["point"].name for row in response.context["rows"]]

    assert names() == ["1号反应釜"]
    assert names(level="general") == ["1号反应釜"]
    assert names(level="major") == []
    assert names(level="unassessed") == []
    assert names(unit=company.pk) == ["1号反应釜"]  # the whole subtree
    assert names(unit=team.pk) == []
    assert names(kind="equipment") == ["1号反应釜"]
    assert names(kind="area") == []
    assert names(method="lec") == ["1号反应釜"]
    assert names(method="ls") == []
    assert names(q="反应") == ["1号反应釜"]
    assert names(q="储罐") == []
    # Counts by level follow the other filters, not the level one.
    response = client.get(url, {"level": "major"})
    counts = {level["key"]: level["count"] for level in response.context["levels"]}
    assert counts["general"] == 1


def bulk_points(world, count):
    """``count`` more points of enterprise A with every level, an event and an
    assessment each, placed on the site plan, in units of two workshops."""
    company = Unit.objects.get(enterprise=world.enterprise_a, name="甲化工")
    workshop = Unit.objects.get(enterprise=world.enterprise_a, name="合成车间")
    second = Unit.objects.filter(enterprise=world.enterprise_a, name="储运车间").first()
    if second is None:
        second = company.add_child(
            enterprise=world.enterprise_a, name="储运车间", kind="workshop"
        )
    first_number = RiskPoint.objects.count()
    team = Unit.objects.get(enterprise=world.enterprise_a, name="一班")
    units = [workshop, second, team, None]
    levels = ["major", "significant", "general", "low", ""]
    points = RiskPoint.objects.bulk_create(
        RiskPoint(
            enterprise=world.enterprise_a,
            name=f"点{first_number + i:04d}",
            kind="equipment" if i % 2 else "area",
            unit=units[i % 4],
            level=levels[i % 5],
            methods=RiskPoint.methods_code(["lec"]),  # assessed below
            position={"type": "point", "x": (i % 10) / 10, "y": (i % 7) / 7},
        )
        for i in range(count)
    )
    analysis_units = RiskAnalysisUnit.objects.bulk_create(
        RiskAnalysisUnit(risk_point=p, is_default=True) for p in points
    )
    events = RiskEvent.objects.bulk_create(
        RiskEvent(risk_point=p, analysis_unit=u, name="事件")
        for p, u in zip(points, analysis_units, strict=True)
    )
    fire = AccidentType.objects.get(code="08")
    RiskEvent.accident_types.through.objects.bulk_create(
        RiskEvent.accident_types.through(riskevent_id=e.pk, accidenttype_id=fire.pk)
        for e in events
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(
            risk_point=p,
            event=e,
            method="lec",
            inputs={},
            value=1,
            level=p.level or "low",
        )
        for p, e in zip(points, events, strict=True)
    )
    for event, assessment in zip(events, assessments, strict=True):
        event.latest_assessment = assessment
    RiskEvent.objects.bulk_update(events, ["latest_assessment"])


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("name", ["risks:overview", "risks:list"])
def test_overview_and_list_cost_the_same_for_50_and_500_points(client, world, name):
    client.force_login(world.manager_a)
    url = reverse(name)
    bulk_points(world, 50)
    client.get(url)  # warm the session and the content types
    small, response = count_queries(client, url)
    unit = Unit.objects.get(name="储运车间")
    filtered_small, _ = count_queries(client, url, {"unit": unit.pk, "kind": "area"})
    bulk_points(world, 450)
    large, response = count_queries(client, url)
    filtered_large, _ = count_queries(client, url, {"unit": unit.pk, "kind": "area"})
    assert large == small
    assert filtered_large == filtered_small
    assert large <= 16
    if name == "risks:list":
        assert len(response.context["rows"]) == 50
        assert response.context["found"] == 500
    else:
        assert response.context["counts"]["total"] == 500
        assert sum(len(g.points) for g in response.context["groups"]) <= 24 * 4
    print(f"{name}: {small} queries with 50 points, {large} with 500")


def test_list_pages_by_cursor_to_the_last_page_without_skipping(client, world):
    client.force_login(world.manager_a)
    url = reverse("risks:list")
    bulk_points(world, 120)
    seen, link, pages = [], "", 0
    while True:
        response = client.get(url + link)
        assert response.status_code == 200
        seen += [row["point"].name for row in response.context["rows"]]
        link = response.context["pages"]["next"]
        pages += 1
        if not link:
            break
        if pages == 1:
            # A point added between two requests is neither repeated nor
            # makes another skip.
            bulk_points(world, 1)
    assert pages == 3
    assert len(seen) == len(set(seen)) == 121
    assert seen == sorted(seen, key=lambda name: name)
    first = client.get(url)
    last_link = first.context["pages"]["last"]
    assert last_link == "?cursor=last"
    assert 'data-testid="last-page"' in first.text
    last = client.get(url + last_link)
    assert [row["point"].name for row in last.context["rows"]] == seen[-50:]
    assert last.context["pages"]["next"] == last.context["pages"]["last"] == ""
    previous = client.get(url + last.context["pages"]["previous"])
    assert [row["point"].name for row in previous.context["rows"]] == seen[-100:-50]
    # Filters are kept on the page links; a forged cursor is a 404, not a 500.
    filtered = client.get(url, {"kind": "area"})
    assert "kind=area" in filtered.context["pages"]["next"]
    assert client.get(url, {"cursor": "bm90LWEtY3Vyc29y"}).status_code == 404


def test_overview_kept_figures_follow_the_counts(client, world, reactor, settings):
    settings.SAFEGRID_LEVEL_COUNTS_SECONDS = 120
    from django.core.cache import cache

    cache.clear()
    client.force_login(world.manager_a)
    url = reverse("risks:overview")
    before = client.get(url).context
    assert sum(group.total for group in before["groups"]) == 1
    bulk_points(world, 5)
    after = client.get(url).context
    assert after["counts"]["total"] == 6
    assert sum(group.total for group in after["groups"]) == 6
    cache.clear()


# -- detail and re-assessment ------------------------------------------------------
def test_detail_shows_everything_and_the_history(client, world, reactor):
    client.force_login(world.manager_a)
    response = client.get(reverse("risks:detail", args=[reactor.pk]))
    text = response.text
    assert 'data-testid="edit-risk-point"' in text
    assert "法兰密封不良" in text  # the hazard factor
    assert "火灾" in text and "其他爆炸" in text  # accident types, by name
    assert "可燃气体检测报警" in text and "泄漏应急处置卡" in text
    assert "张三" in text and "合成车间" in text  # the control assignment
    first = response.context["events"][0]
    assert first["latest"].value == 126
    assert [row["name"] for row in first["inputs"]] == ["L", "E", "C"]
    assert first["inputs"][0]["label"]["zh-hans"] == "可能，但不经常"
    assert [items[0].kind for _label, items in first["measures"]] == [
        "monitoring",
        "emergency",
    ]
    assert response.context["history"]


def test_reassessment_adds_a_record_and_keeps_the_old_one(client, world, reactor):
    client.force_login(world.manager_a)
    event = reactor.events.order_by("order").first()
    url = reverse("risks:reassess", args=[reactor.pk, event.pk])
    page = client.get(url)
    # The form starts from the latest inputs.
    assert page.context["form"]["method"].value() == "lec"
    assert page.context["form"]["lec__L"].value() == "3"

    bad = client.post(url, {"method": "lec", "lec__L": "3", "lec__E": "6"})
    assert bad.status_code == 400
    assert set(bad.context["form"].errors) == {"lec__C"}
    assert Assessment.objects.filter(event=event).count() == 1

    response = client.post(
        url, {"method": "ls", "ls__L": "5", "ls__S": "4", "note": "工艺变更后复评"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#event-{event.pk}")
    assessments = list(Assessment.objects.filter(event=event).order_by("assessed_at"))
    assert [(a.method, a.level) for a in assessments] == [
        ("lec", "general"),
        ("ls", "major"),
    ]
    assert assessments[1].note == "工艺变更后复评"
    assert RiskPoint.objects.get(pk=reactor.pk).level == "major"

    detail = client.get(reverse("risks:detail", args=[reactor.pk]))
    rows = detail.context["events"][0]["assessments"]
    assert [a.pk for a in rows] == [assessments[1].pk, assessments[0].pk]
    history = [e["assessment"].pk for e in detail.context["history"] if e["assessment"]]
    assert history == [assessments[1].pk, assessments[0].pk]


def test_a_removed_event_cannot_be_reassessed(client, world, reactor):
    client.force_login(world.manager_a)
    event = reactor.events.order_by("order").last()
    RiskEvent.objects.filter(pk=event.pk).update(is_active=False)
    url = reverse("risks:reassess", args=[reactor.pk, event.pk])
    assert client.get(url).status_code == 404


# -- Excel ---------------------------------------------------------------------------
def test_template_and_export_download(client, world, reactor):
    client.force_login(world.staff_a)
    template = client.get(reverse("risks:excel_template"))
    assert template["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument"
    )
    assert "attachment" in template["Content-Disposition"]
    export = client.get(reverse("risks:excel_export"), {"level": "general"})
    sheet = load_workbook(io.BytesIO(export.content))[SHEET_TITLE]
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"1号反应釜"}
    empty = client.get(reverse("risks:excel_export"), {"level": "major"})
    sheet = load_workbook(io.BytesIO(empty.content))[SHEET_TITLE]
    assert sheet.max_row == 1


def upload(rows):
    workbook = load_workbook(io.BytesIO(risk_list_template()))
    sheet = workbook[SHEET_TITLE]
    headings = [cell.value.split("\n")[1] for cell in sheet[1]]
    for number, row in enumerate(rows, start=2):
        for title, value in row.items():
            sheet.cell(row=number, column=headings.index(title) + 1, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "risks.xlsx"
    return buffer


GOOD = {
    "Risk point": "装卸站台",
    "Kind": "作业",
    "Risk event": "车辆伤害",
    "Accident types (GB 6441)": "02",
    "Method": "lec",
    "L": 1,
    "E": 6,
    "C": 7,
}


def test_import_with_one_bad_row_saves_nothing_and_lists_every_problem(client, world):
    client.force_login(world.manager_a)
    bad = {**GOOD, "Risk point": "3号泵", "L": 4, "Accident types (GB 6441)": "99"}
    response = client.post(reverse("risks:excel_import"), {"file": upload([GOOD, bad])})
    assert response.status_code == 400
    problems = response.context["result"].problems
    assert {(p.row, p.column_title) for p in problems} == {
        (3, "L"),
        (3, "事故类型（GB 6441）"),
    }
    for problem in problems:
        assert problem.message in response.text
    assert RiskPoint.objects.count() == 0
    assert RiskEvent.objects.count() == 0


def test_import_reports_how_many_were_created(client, world):
    client.force_login(world.manager_a)
    second = {**GOOD, "Risk point": "罐区", "Kind": "场所区域", "L": 3}
    response = client.post(
        reverse("risks:excel_import"), {"file": upload([GOOD, second])}
    )
    assert response.status_code == 200
    assert len(response.context["result"].points) == 2
    assert RiskPoint.objects.filter(enterprise=world.enterprise_a).count() == 2
    assert 'data-testid="import-result"' in response.text


def test_import_refuses_other_files(client, world):
    client.force_login(world.manager_a)
    text = io.BytesIO(b"name,kind\n")
    text.name = "risks.csv"
    response = client.post(reverse("risks:excel_import"), {"file": text})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"file"}


def test_staff_cannot_import(client, world):
    client.force_login(world.staff_a)
    response = client.post(reverse("risks:excel_import"), {"file": upload([GOOD])})
    assert response.status_code == 403
    assert not RiskPoint.objects.exists()


# -- the supervisors' admin ----------------------------------------------------------
def admin_names(response):
    return [row.name for row in response.context["object_list"]]


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("committee", {"1号反应釜", "乙塔吊作业区"}),
        ("superuser", {"1号反应釜", "乙塔吊作业区"}),
        ("dept_chemicals", {"1号反应釜"}),
        ("dept_construction", {"乙塔吊作业区"}),
        ("street1_office", {"1号反应釜"}),
    ],
)
def test_supervisors_see_the_risk_points_of_their_scope(
    client, world, reactor, site_b, who, sees
):
    client.force_login(getattr(world, who))
    response = client.get(reverse("risk_points:index"))
    assert response.status_code == 200
    assert set(admin_names(response)) == sees
    counts = {c["key"]: c["count"] for c in response.context["level_counts"]}
    assert counts["major"] == int("乙塔吊作业区" in sees)
    assert counts["general"] == int("1号反应釜" in sees)


def test_construction_department_cannot_open_chemicals_points(
    client, world, reactor, site_b
):
    client.force_login(world.dept_construction)
    for view in ["inspect", "edit", "delete", "history"]:
        url = reverse(f"risk_points:{view}", args=[reactor.pk])
        response = client.get(url)
        assert response.status_code == 404, view
        assert "1号反应釜" not in response.text
    assert (
        client.get(reverse("risk_points:inspect", args=[site_b.pk])).status_code == 200
    )


def test_admin_detail_is_read_only(client, world, reactor):
    client.force_login(world.committee)
    response = client.get(reverse("risk_points:inspect", args=[reactor.pk]))
    text = response.text
    assert "可燃气体检测报警" in text
    assert 'data-testid="history"' in text
    assert reverse("risk_points:edit", args=[reactor.pk]) not in text
    assert_permission_denied(client.get(reverse("risk_points:edit", args=[reactor.pk])))
    assert_permission_denied(
        client.post(reverse("risk_points:edit", args=[reactor.pk]), {"name": "改名"})
    )
    assert_permission_denied(
        client.post(reverse("risk_points:delete", args=[reactor.pk]))
    )
    assert_permission_denied(client.get(reverse("risk_points:add")))
    assert RiskPoint.objects.get(pk=reactor.pk).name == "1号反应釜"


def test_admin_filters(client, world, reactor, site_b):
    client.force_login(world.committee)
    url = reverse("risk_points:index")

    def names(**params):
        return set(admin_names(client.get(url, params)))

    assert names(enterprise=world.enterprise_a.pk) == {"1号反应釜"}
    assert names(industry=world.construction.pk) == {"乙塔吊作业区"}
    assert names(jurisdiction=world.street1.pk) == {"1号反应釜"}
    assert names(level="major") == {"乙塔吊作业区"}
    assert names(kind="equipment") == {"1号反应釜"}
    assert names(q="塔吊") == {"乙塔吊作业区"}
    # The counts follow the other filters but not the level one.
    response = client.get(url, {"industry": world.chemicals.pk, "level": "major"})
    counts = {c["key"]: c["count"] for c in response.context["level_counts"]}
    assert (counts["general"], counts["major"]) == (1, 0)


def test_admin_enterprise_filter_offers_only_the_scope(client, world, reactor, site_b):
    client.force_login(world.dept_construction)
    response = client.get(reverse("risk_points:index"))
    # A chooser, not a list of every enterprise: its matches are the scope's.
    assert "sg-enterprise-chooser" in response.text
    assert world.enterprise_a.name not in response.text
    chooser = reverse("safegrid_enterprise_autocomplete")
    for text in (world.enterprise_a.name, world.enterprise_b.name, "有限"):
        matches = client.get(chooser, {"q": text[:2]}).json()["results"]
        assert {m["id"] for m in matches} <= {world.enterprise_b.pk}
    matches = client.get(chooser, {"q": world.enterprise_b.name}).json()["results"]
    assert [m["id"] for m in matches] == [world.enterprise_b.pk]
    refused = client.get(
        reverse("risk_points:index"), {"enterprise": world.enterprise_a.pk}
    )
    assert admin_names(refused) != ["1号反应釜"]
    assert "1号反应釜" not in refused.text


def test_admin_list_is_bounded(client, world):
    client.force_login(world.committee)
    url = reverse("risk_points:index")
    bulk_points(world, 50)
    client.get(url)
    small, _ = count_queries(client, url)
    bulk_points(world, 450)
    large, _ = count_queries(client, url)
    assert large == small
    print(f"admin risk points: {small} queries with 50 points, {large} with 500")


def test_enterprise_users_cannot_open_the_admin_list(client, world, reactor):
    client.force_login(world.manager_a)
    response = client.get(reverse("risk_points:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
