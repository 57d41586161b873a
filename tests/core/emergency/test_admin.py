"""The departments' admin screens: scoped lists, the review form for the
department filed with only, the Excel export of the scope."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from core.emergency.models import FilingStatus, PlanFiling
from core.emergency.services import rescue_agreement_save

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def agreements(world):
    return [
        rescue_agreement_save(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            party="甲方救援大队",
            valid_from="2025-01-01",
            valid_until="2025-12-31",
        ),
        rescue_agreement_save(
            actor=world.manager_b,
            enterprise=world.enterprise_b,
            party="乙方救援大队",
            valid_from="2026-01-01",
            valid_until="2030-12-31",
        ),
    ]


def test_lists_show_the_scope_only(world, filing_a, filing_b, agreements):
    chem = client_for(world.dept_chemicals)
    page = chem.get("/admin/emergency/filings/").content.decode()
    assert "甲化工综合应急预案" in page and "乙建筑" not in page
    page = chem.get("/admin/emergency/agreements/").content.decode()
    assert "甲方救援大队" in page and "乙方救援大队" not in page
    assert (
        chem.get(f"/admin/emergency/filings/inspect/{filing_b.pk}/").status_code == 404
    )
    assert (
        chem.get(f"/admin/emergency/agreements/inspect/{agreements[1].pk}/").status_code
        == 404
    )
    street = client_for(world.street1_office)
    assert (
        street.get(f"/admin/emergency/filings/inspect/{filing_a.pk}/").status_code
        == 200
    )
    assert (
        street.get(f"/admin/emergency/filings/inspect/{filing_b.pk}/").status_code
        == 404
    )


def test_enterprise_users_have_no_admin(world, filing_a):
    for role in ("manager_a", "staff_a"):
        response = client_for(getattr(world, role)).get("/admin/emergency/filings/")
        assert response.status_code in (302, 403)
        response = client_for(getattr(world, role)).get("/admin/emergency/export/")
        assert response.status_code in (302, 403)


def test_the_review_form_is_the_filed_departments(world, filing_a):
    url = f"/admin/emergency/filings/inspect/{filing_a.pk}/"
    assert (
        'data-testid="filing-review"'
        in client_for(world.dept_chemicals).get(url).content.decode()
    )
    for role in ("street1_office", "committee"):
        page = client_for(getattr(world, role)).get(url).content.decode()
        assert 'data-testid="filing-review"' not in page
        client_for(getattr(world, role)).post(
            f"/admin/emergency/filings/{filing_a.pk}/review/", {"decision": "on_file"}
        )
    assert PlanFiling.objects.get(pk=filing_a.pk).status == FilingStatus.UNDER_REVIEW
    foreign = client_for(world.dept_construction).post(
        f"/admin/emergency/filings/{filing_a.pk}/review/", {"decision": "on_file"}
    )
    assert foreign.status_code == 404
    chem = client_for(world.dept_chemicals)
    chem.post(
        f"/admin/emergency/filings/{filing_a.pk}/review/", {"decision": "sent_back"}
    )
    assert PlanFiling.objects.get(pk=filing_a.pk).status == FilingStatus.UNDER_REVIEW
    chem.post(
        f"/admin/emergency/filings/{filing_a.pk}/review/",
        {"decision": "sent_back", "comment": "补充物资清单"},
    )
    filing = PlanFiling.objects.get(pk=filing_a.pk)
    assert filing.status == FilingStatus.SENT_BACK and filing.comment == "补充物资清单"


def test_the_export_is_scoped(world, filing_a, filing_b, agreements):
    response = client_for(world.dept_construction).get("/admin/emergency/export/")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    filings, agreement_sheet, missing = book.worksheets
    cells = [c.value for row in filings.iter_rows(min_row=2) for c in row]
    assert "乙建筑高处坠落专项应急预案" in cells and "甲化工综合应急预案" not in cells
    assert [r[1].value for r in agreement_sheet.iter_rows(min_row=2)] == [
        "乙方救援大队"
    ]
    assert [r[0].value for r in missing.iter_rows(min_row=2)] == []
    chem = load_workbook(
        io.BytesIO(
            client_for(world.dept_chemicals).get("/admin/emergency/export/").content
        )
    )
    assert [r[1].value for r in chem.worksheets[1].iter_rows(min_row=2)] == [
        "甲方救援大队"
    ]
    # Enterprise A's agreement has expired: it has no rescue capability.
    assert [r[0].value for r in chem.worksheets[2].iter_rows(min_row=2)] == [
        "甲化工有限公司"
    ]


def test_admin_list_budget(world, filing_a, django_assert_max_num_queries):
    chem = client_for(world.dept_chemicals)
    chem.get("/admin/emergency/filings/")
    with django_assert_max_num_queries(25):
        assert chem.get("/admin/emergency/filings/").status_code == 200
