"""The emergency API: every endpoint scoped (a foreign user gets 404 or an
empty list), the review only by the department filed with."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from core.emergency.models import FilingStatus, PlanFiling
from core.emergency.services import plan_revise, rescue_agreement_save

pytestmark = pytest.mark.django_db
ROLES = (
    "superuser",
    "committee",
    "dept_chemicals",
    "dept_construction",
    "street1_office",
    "manager_a",
    "manager_b",
    "staff_a",
    "outsider",
)
SEES_A = {
    "superuser",
    "committee",
    "dept_chemicals",
    "street1_office",
    "manager_a",
    "staff_a",
}


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _ids(response) -> set[int]:
    data = response.data
    rows = data["results"] if isinstance(data, dict) else data
    return {row["id"] for row in rows}


@pytest.mark.parametrize("role", ROLES)
def test_every_read_is_scoped(world, plan_a, filing_a, role):
    agreement = rescue_agreement_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        party="救援大队",
        valid_from=datetime.date.today() - datetime.timedelta(days=300),
        valid_until=datetime.date.today() + datetime.timedelta(days=10),
    )
    client = client_for(getattr(world, role))
    sees = role in SEES_A
    assert _ids(client.get("/api/v1/emergency-plans/")) == (
        {plan_a.pk} if sees else set()
    )
    assert client.get(f"/api/v1/emergency-plans/{plan_a.pk}/").status_code == (
        200 if sees else 404
    )
    assert _ids(client.get("/api/v1/plan-filings/")) == (
        {filing_a.pk} if sees else set()
    )
    assert client.get(f"/api/v1/plan-filings/{filing_a.pk}/").status_code == (
        200 if sees else 404
    )
    assert _ids(client.get("/api/v1/rescue-agreements/")) == (
        {agreement.pk} if sees else set()
    )
    card = client.get(f"/api/v1/emergency-cards/{world.post_a.pk}/")
    assert card.status_code == (200 if sees else 404)


def test_anonymous_is_refused(world, plan_a):
    for url in (
        "/api/v1/emergency-plans/",
        f"/api/v1/emergency-cards/{world.post_a.pk}/",
    ):
        assert client_for(None).get(url).status_code in (401, 403)


def test_plan_detail_lists_every_version_and_filing(world, plan_a, filing_a):
    plan_revise(actor=world.manager_a, plan=plan_a, content="第二版")
    data = (
        client_for(world.dept_chemicals)
        .get(f"/api/v1/emergency-plans/{plan_a.pk}/")
        .data
    )
    assert [v["number"] for v in data["versions"]] == [2, 1]
    assert data["current_version_number"] == 2
    assert [f["status"] for f in data["filings"]] == [FilingStatus.UNDER_REVIEW]


def test_the_review_through_the_api(world, filing_a, filing_b):
    url = f"/api/v1/plan-filings/{filing_a.pk}/review/"
    # Another department, the committee, the enterprise: refused or not found.
    for role in ("dept_construction", "street1_office", "committee", "manager_a"):
        response = client_for(getattr(world, role)).post(
            url, {"decision": "on_file"}, format="json"
        )
        assert response.status_code in (403, 404), role
    chem = client_for(world.dept_chemicals)
    bad = chem.post(url, {"decision": "sent_back"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["path"] == "/comment"
    assert chem.post(url, {"decision": "maybe"}, format="json").status_code == 400
    assert PlanFiling.objects.get(pk=filing_a.pk).status == FilingStatus.UNDER_REVIEW
    ok = chem.post(url, {"decision": "on_file"}, format="json")
    assert ok.status_code == 200 and ok.data["status"] == FilingStatus.ON_FILE
    queue = chem.get(
        "/api/v1/plan-filings/", {"mine": "true", "status": "under_review"}
    )
    assert _ids(queue) == set()
    foreign = chem.post(
        f"/api/v1/plan-filings/{filing_b.pk}/review/",
        {"decision": "on_file"},
        format="json",
    )
    assert foreign.status_code == 404


def test_a_bad_card_id_is_a_404(world):
    client = client_for(world.manager_a)
    assert client.get("/api/v1/emergency-cards/abc/").status_code == 404
    assert client.get(f"/api/v1/emergency-cards/{2**70}/").status_code == 404


def test_plan_list_budget(world, plan_a, django_assert_max_num_queries):
    client = client_for(world.dept_chemicals)
    client.get("/api/v1/emergency-plans/")
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/emergency-plans/").status_code == 200
