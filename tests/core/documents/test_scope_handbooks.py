"""Industry and territory handbooks: content, the PDF, and who may ask and read.

Enterprise A (chemicals, in street 1's grid) has a general and an unassessed
risk point; enterprise B (construction, in street 2) a major one. The
chemicals department, street 1's office and the committee office generate and
read; every foreign request and download is refused.
"""

from __future__ import annotations

import pytest
from django.test import TestCase
from django.urls import reverse

from core.base.errors import Refused
from core.documents.models import GenerationStatus, ScopeHandbook, ScopeKind
from core.documents.services import scope_handbook_request
from core.jobs.worker import run_pending
from core.risks.models import RiskPoint
from tests.core.documents.conftest import page_count, pdf_fonts, pdf_text

PAGE = "documents_scope_handbooks"
REQUEST = "documents_scope_handbook_request"
DOWNLOAD = "documents_scope_handbook_download"


@pytest.fixture
def scope_world(handbook_world):
    RiskPoint.objects.create(
        enterprise=handbook_world.enterprise_b,
        name="乙塔吊作业区",
        kind="area",
        level="major",
    )
    return handbook_world


def _generate(actor, **target) -> ScopeHandbook:
    with TestCase.captureOnCommitCallbacks(execute=True):
        handbook = scope_handbook_request(actor=actor, **target)
    run_pending()
    handbook.refresh_from_db()
    assert handbook.status == GenerationStatus.READY, handbook.error
    return handbook


def _pdf(handbook: ScopeHandbook) -> bytes:
    with handbook.file.open("rb") as handle:
        return handle.read()


def test_industry_handbook_aggregates_its_enterprises(scope_world):
    world = scope_world
    handbook = _generate(world.dept_chemicals, industry=world.chemicals)
    pdf = _pdf(handbook)
    text = pdf_text(pdf)
    assert "危险化学品" in text  # the scope on the cover
    assert "行业风险管控手册" in text
    assert "甲化工有限公司" in text
    assert "1号反应釜" in text and "物料泄漏引发火灾" in text
    assert "乙建筑有限公司" not in text and "乙塔吊作业区" not in text
    assert "四色安全风险分布图" in text or "风险分布图" in text
    assert handbook.enterprise_count == 1
    assert handbook.risk_point_count == 2
    assert page_count(pdf) == handbook.page_count >= 4
    fonts = pdf_fonts(pdf)
    assert fonts and all(f["embedded"] == "yes" for f in fonts), fonts


def test_territory_handbook_lists_major_points_with_their_enterprise(scope_world):
    world = scope_world
    handbook = _generate(world.committee, territory=world.street2)
    text = pdf_text(_pdf(handbook))
    assert "属地风险管控手册" in text
    assert "乙建筑有限公司" in text and "乙塔吊作业区" in text
    assert "甲化工有限公司" not in text
    assert handbook.kind == ScopeKind.TERRITORY
    assert handbook.enterprise_count == 1


def test_street_office_generates_its_territory(scope_world):
    world = scope_world
    handbook = _generate(world.street1_office, territory=world.street1)
    text = pdf_text(_pdf(handbook))
    assert "甲化工有限公司" in text and "乙建筑有限公司" not in text


def test_english_handbook_prints_english_labels_and_data_as_entered(scope_world):
    world = scope_world
    handbook = _generate(world.dept_chemicals, industry=world.chemicals, language="en")
    text = pdf_text(_pdf(handbook))
    assert "Industry risk control handbook" in text
    assert "Major risk points" in text
    assert "甲化工有限公司" in text  # the data stays as entered
    assert "行业风险管控手册" not in text


def test_versions_are_numbered_and_a_pending_one_is_reused(scope_world):
    world = scope_world
    first = _generate(world.dept_chemicals, industry=world.chemicals)
    with TestCase.captureOnCommitCallbacks(execute=False):
        second = scope_handbook_request(
            actor=world.dept_chemicals, industry=world.chemicals
        )
        again = scope_handbook_request(
            actor=world.dept_chemicals, industry=world.chemicals
        )
    assert (first.number, second.number, again.pk) == (1, 2, second.pk)


@pytest.mark.parametrize(
    ("role", "target"),
    [
        ("dept_chemicals", {"industry": "construction"}),
        ("dept_chemicals", {"territory": "street1"}),
        ("street1_office", {"territory": "street2"}),
        ("street1_office", {"territory": "district"}),
        ("street1_office", {"industry": "chemicals"}),
        ("manager_a", {"industry": "chemicals"}),
        ("manager_a", {"territory": "street1"}),
        ("outsider", {"territory": "street1"}),
    ],
)
def test_foreign_requests_are_refused(scope_world, role, target):
    world = scope_world
    resolved = {key: getattr(world, value) for key, value in target.items()}
    with pytest.raises(Refused):
        scope_handbook_request(actor=getattr(world, role), **resolved)
    assert not ScopeHandbook.objects.exists()


@pytest.mark.parametrize(
    ("role", "data"),
    [
        ("dept_chemicals", {"industry": "construction"}),
        ("street1_office", {"territory": "street2"}),
        ("manager_a", {"industry": "chemicals"}),
    ],
)
def test_foreign_requests_through_the_admin_are_refused(
    client, scope_world, role, data
):
    world = scope_world
    client.force_login(getattr(world, role))
    post = {key: (getattr(world, value).pk) for key, value in data.items()} | {
        "language": "zh-hans"
    }
    response = client.post(reverse(REQUEST), post)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        # Wagtail turns a refusal into a redirect with a "permission denied"
        # message (to the login for a user without admin access).
        assert response["Location"].startswith("/admin/")
        assert response["Location"] != reverse(PAGE)
    assert not ScopeHandbook.objects.exists()


def test_admin_request_then_download(client, scope_world):
    world = scope_world
    client.force_login(world.dept_chemicals)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse(REQUEST), {"industry": world.chemicals.pk, "language": "zh-hans"}
        )
    assert response.status_code == 302
    page = client.get(reverse(PAGE))
    assert page.status_code == 200
    assert 'http-equiv="refresh"' in page.content.decode()
    run_pending()
    page = client.get(reverse(PAGE))
    assert 'data-testid="scope-handbook-download"' in page.content.decode()
    handbook = ScopeHandbook.objects.get()
    download = client.get(reverse(DOWNLOAD, args=[handbook.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "甲化工有限公司" in pdf_text(b"".join(download.streaming_content))


def test_admin_bad_request_changes_nothing(client, scope_world):
    world = scope_world
    client.force_login(world.committee)
    response = client.post(
        reverse(REQUEST),
        {
            "industry": world.chemicals.pk,
            "territory": world.street1.pk,
            "language": "zh-hans",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "不能同时" in response.content.decode() or "either" in (
        response.content.decode()
    )
    assert not ScopeHandbook.objects.exists()


@pytest.mark.parametrize(
    ("role", "offers", "hides"),
    [
        ("committee", ["危险化学品", "建筑施工", "一街道", "二街道"], []),
        ("dept_chemicals", ["危险化学品"], ["建筑施工"]),
        ("dept_construction", ["建筑施工"], ["危险化学品"]),
        ("street1_office", ["一街道"], ["二街道", "危险化学品"]),
    ],
)
def test_admin_page_as_each_government_role(client, scope_world, role, offers, hides):
    world = scope_world
    client.force_login(getattr(world, role))
    page = client.get(reverse(PAGE))
    assert page.status_code == 200
    form = page.content.decode().split('data-testid="scope-handbook-request"')[1]
    form = form.split("</form>")[0]
    for name in offers:
        assert name in form, name
    for name in hides:
        assert name not in form, name


def test_foreign_versions_are_neither_listed_nor_downloadable(client, scope_world):
    world = scope_world
    chemicals = _generate(world.committee, industry=world.chemicals)
    street2 = _generate(world.committee, territory=world.street2)
    cases = [
        ("dept_construction", chemicals),
        ("street1_office", chemicals),
        ("street1_office", street2),
        ("dept_chemicals", street2),
    ]
    for role, handbook in cases:
        client.force_login(getattr(world, role))
        response = client.get(reverse(DOWNLOAD, args=[handbook.pk]))
        assert response.status_code == 404, (role, handbook)
        page = client.get(reverse(PAGE)).content.decode()
        listing = page.split('data-testid="scope-handbook-list"')[1]
        assert f"/scope-handbooks/{handbook.pk}/download/" not in listing
    for role in ("manager_a", "staff_a", "outsider"):
        client.force_login(getattr(world, role))
        for url in (reverse(PAGE), reverse(DOWNLOAD, args=[chemicals.pk])):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (role, url)
    client.logout()
    response = client.get(reverse(DOWNLOAD, args=[chemicals.pk]))
    assert response.status_code in (302, 403)


def test_content_costs_a_fixed_number_of_queries(scope_world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.documents.scope_content import scope_handbook_content
    from core.organizations.models import Enterprise

    world = scope_world
    handbook = ScopeHandbook.objects.create(
        kind=ScopeKind.TERRITORY, territory=world.district, number=1
    )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            content = scope_handbook_content(handbook=handbook)
        return len(queries), content

    few, content = count()
    assert content["enterprise_count"] == 2
    for index in range(3):
        enterprise = Enterprise.objects.create(
            name=f"丙{index}公司",
            jurisdiction=world.street2,
            uscc=f"9111000000000{index:05d}",
        )
        enterprise.industries.add(world.construction)
        for number in range(12):
            RiskPoint.objects.create(
                enterprise=enterprise,
                name=f"点{number}",
                kind="area",
                level="major" if number == 0 else "low",
            )
    many, content = count()
    assert many == few
    assert content["enterprise_count"] == 5
    assert content["risk_point_count"] == 3 + 36
    assert len(content["major_points"]) == 1 + 3
    # Each enterprise's section is bounded; the rest is counted.
    section = next(s for s in content["sections"] if s["name"] == "丙0公司")
    assert len(section["points"]) == 10 and section["more"] == 2
    assert section["points"][0]["level"] == "major"
