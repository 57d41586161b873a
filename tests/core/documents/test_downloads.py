"""Every handbook download and page, for whoever may see it, refused to the rest.

Enterprise A (chemicals, in street 1's grid) and enterprise B (construction,
in street 2) each have a generated handbook. Foreign enterprise, foreign
department and foreign street are refused on the portal, the API and the
admin alike.
"""

from __future__ import annotations

import pytest
from django.test import TestCase
from django.urls import reverse

from core.documents.models import GenerationStatus, HandbookVersion
from core.documents.services import handbook_request
from core.jobs.worker import run_pending
from tests.core.documents.conftest import pdf_text


@pytest.fixture
def handbooks(handbook_world):
    world = handbook_world
    with TestCase.captureOnCommitCallbacks(execute=True):
        handbook_request(actor=world.manager_a, enterprise=world.enterprise_a)
        handbook_request(actor=world.manager_b, enterprise=world.enterprise_b)
    run_pending()
    assert HandbookVersion.objects.filter(status=GenerationStatus.READY).count() == 2
    return world


def _api(enterprise, number=None):
    if number is None:
        return reverse("api:handbook", args=[enterprise.pk])
    return reverse("api:handbook-version", args=[enterprise.pk, number])


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


# -- who may ---------------------------------------------------------------
@pytest.mark.parametrize(
    "role", ["manager_a", "staff_a", "committee", "dept_chemicals", "street1_office"]
)
def test_api_serves_the_handbook_in_scope(client, handbooks, role):
    client.force_login(getattr(handbooks, role))
    for url in (_api(handbooks.enterprise_a), _api(handbooks.enterprise_a, 1)):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/pdf"
        assert "甲化工有限公司" in pdf_text(_body(response))
    listing = client.get(
        reverse("api:handbook-versions", args=[handbooks.enterprise_a.pk])
    )
    assert listing.status_code == 200
    assert listing.json()[0]["number"] == 1
    assert listing.json()[0]["download"] == _api(handbooks.enterprise_a, 1)


def test_portal_offers_the_versions_to_the_enterprise(client, handbooks):
    client.force_login(handbooks.manager_a)
    page = client.get(reverse("documents:home"))
    assert page.status_code == 200
    assert b'data-testid="handbook-download"' in page.content
    assert b'data-testid="handbook-generate"' in page.content
    download = client.get(reverse("documents:handbook", args=[1]))
    assert download.status_code == 200
    assert "甲化工有限公司" in pdf_text(_body(download))


def test_staff_download_but_do_not_generate(client, handbooks):
    client.force_login(handbooks.staff_a)
    page = client.get(reverse("documents:home"))
    assert b'data-testid="handbook-generate"' not in page.content
    response = client.post(reverse("documents:generate"))
    assert response.status_code == 403
    assert HandbookVersion.objects.count() == 2


def test_portal_generation_then_progress(client, handbook_world):
    world = handbook_world
    client.force_login(world.manager_a)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("documents:generate"), {"note": "年度评审"})
    assert response.status_code == 302
    page = client.get(reverse("documents:home"))
    assert b'data-testid="handbook-pending"' in page.content
    assert b'http-equiv="refresh"' in page.content
    run_pending()
    page = client.get(reverse("documents:home"))
    assert b'data-testid="handbook-download"' in page.content
    assert "年度评审" in page.content.decode()


def test_bad_reason_is_shown_and_changes_nothing(client, handbook_world):
    client.force_login(handbook_world.manager_a)
    response = client.post(
        reverse("documents:generate"), {"note": "x" * 400}, follow=True
    )
    assert response.status_code == 200
    assert not HandbookVersion.objects.exists()


@pytest.mark.parametrize("role", ["committee", "dept_chemicals", "street1_office"])
def test_admin_lists_and_downloads_in_scope(client, handbooks, role):
    client.force_login(getattr(handbooks, role))
    listing = client.get(reverse("handbooks_admin:index"))
    assert listing.status_code == 200
    assert "甲化工有限公司" in listing.content.decode()
    version = HandbookVersion.objects.get(enterprise=handbooks.enterprise_a)
    response = client.get(reverse("documents_admin_download", args=[version.pk]))
    assert response.status_code == 200


def test_admin_offers_no_edit(client, handbooks):
    client.force_login(handbooks.committee)
    version = HandbookVersion.objects.get(enterprise=handbooks.enterprise_a)
    assert client.get(
        reverse("handbooks_admin:edit", args=[version.pk])
    ).status_code in (
        302,
        403,
        404,
    )


# -- who may not -----------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "enterprise"),
    [
        ("manager_b", "enterprise_a"),  # foreign enterprise
        ("dept_construction", "enterprise_a"),  # foreign department
        ("street1_office", "enterprise_b"),  # foreign street
        ("manager_a", "enterprise_b"),
        ("dept_chemicals", "enterprise_b"),
        ("outsider", "enterprise_a"),
    ],
)
def test_foreign_users_are_refused_everywhere(client, handbooks, role, enterprise):
    client.force_login(getattr(handbooks, role))
    target = getattr(handbooks, enterprise)
    for url in (
        _api(target),
        _api(target, 1),
        reverse("api:handbook-versions", args=[target.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), (url, response.status_code)
    version = HandbookVersion.objects.get(enterprise=target)
    response = client.get(reverse("documents_admin_download", args=[version.pk]))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "login" in response["Location"] or "admin" in response["Location"]


def test_foreign_admin_list_leaks_nothing(client, handbooks):
    client.force_login(handbooks.dept_construction)
    listing = client.get(reverse("handbooks_admin:index"))
    assert "甲化工有限公司" not in listing.content.decode()
    client.force_login(handbooks.street1_office)
    listing = client.get(reverse("handbooks_admin:index"))
    assert "乙建筑有限公司" not in listing.content.decode()


def test_portal_download_is_the_users_own_enterprise_only(client, handbooks):
    # B's manager asks for version 1 at the portal: B's own handbook, never A's.
    client.force_login(handbooks.manager_b)
    response = client.get(reverse("documents:handbook", args=[1]))
    assert "乙建筑有限公司" in pdf_text(_body(response))
    assert "甲化工有限公司" not in pdf_text(
        _body(client.get(reverse("documents:handbook", args=[1])))
    )
    assert client.get(reverse("documents:handbook", args=[2])).status_code == 404


def test_anonymous_is_refused(client, handbooks):
    assert client.get(_api(handbooks.enterprise_a)).status_code in (401, 403)
    assert client.get(reverse("documents:handbook", args=[1])).status_code == 302
