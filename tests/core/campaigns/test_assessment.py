"""The assessment of offices: figures against hand-built data, the weights
setting, the circular's text escaped, the page for the committee only."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.campaigns.assessment import assessment_circular, campaign_assessment
from core.campaigns.models import AcceptanceCheck, AssessmentWeights, CheckKind
from core.organizations.models import Department
from tests.core.admin_helpers import assert_permission_denied
from tests.core.campaigns.test_campaigns import data, make_campaign  # noqa: F401

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def check(world, enterprise, department_name, passed):
    return AcceptanceCheck.objects.create(
        enterprise=enterprise,
        department=Department.objects.get(name=department_name),
        kind=CheckKind.ACCEPTANCE,
        passed=passed,
        checked_on=TODAY,
    )


def test_scores_per_office(data):  # noqa: F811
    campaign = make_campaign(data)
    check(data, data.enterprise_a, "应急管理局", True)
    check(data, data.enterprise_b, "住建局", False)
    check(data, data.enterprise_b, "住建局", True)
    weights = AssessmentWeights.load()
    weights.progress_weight, weights.acceptance_weight, weights.pass_mark = 50, 50, 60
    weights.save()
    result = campaign_assessment(
        campaign, start=TODAY - datetime.timedelta(days=7), end=TODAY
    )
    rows = {row.office: row for row in result.rows}
    chem, cons, street = rows["应急管理局"], rows["住建局"], rows["一街道办"]
    assert (chem.targets, chem.established, chem.progress) == (1, 1, 100.0)
    assert (chem.checks, chem.acceptance, chem.score, chem.passed) == (
        1,
        100.0,
        100.0,
        True,
    )
    assert (cons.progress, cons.acceptance, cons.score, cons.passed) == (
        0.0,
        50.0,
        25.0,
        False,
    )
    assert (street.targets, street.progress, street.checks) == (1, 100.0, 1)
    title, body = assessment_circular(result)
    assert campaign.title in title
    assert "住建局" in body and "<table>" in body


def test_circular_escapes_names(data):  # noqa: F811
    Department.objects.filter(name="住建局").update(name="<script>x</script>")
    campaign = make_campaign(data, title="<b>推进</b>")
    result = campaign_assessment(campaign, start=TODAY, end=TODAY)
    title, body = assessment_circular(result)
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_page_for_the_committee_only(data, client):  # noqa: F811
    campaign = make_campaign(data)
    client.force_login(data.committee)
    page = client.get(f"/admin/campaigns/{campaign.pk}/assessment/")
    assert page.status_code == 200 and "应急管理局" in page.content.decode()
    assert (
        client.get(
            f"/admin/campaigns/{campaign.pk}/assessment/?start=2026-13-01&end=x"
        ).status_code
        == 200
    )
    for user in (data.dept_chemicals, data.street1_office):
        client.force_login(user)
        assert_permission_denied(
            client.get(f"/admin/campaigns/{campaign.pk}/assessment/")
        )


def test_weights_setting_is_the_committees(data, client):  # noqa: F811
    url = "/admin/settings/campaigns/assessmentweights/"
    client.force_login(data.dept_chemicals)
    response = client.get(url)
    assert response.status_code in (302, 403)
    client.force_login(data.committee)
    assert client.get(url).status_code in (200, 302)


def test_the_committee_publishes_the_assessment_as_a_circular(data, client):  # noqa: F811
    from core.notices.models import CircularPage

    campaign = make_campaign(data)
    check(data, data.enterprise_a, "应急管理局", True)
    url = f"/admin/campaigns/{campaign.pk}/assessment/"
    period = {"start": (TODAY - datetime.timedelta(days=7)).isoformat(), "end": TODAY}
    for user in (data.dept_chemicals, data.street1_office, data.manager_a):
        client.force_login(user)
        client.post(url, period)
    assert not CircularPage.objects.exists()
    client.force_login(data.committee)
    response = client.post(url, period)
    assert response.status_code == 302
    page = CircularPage.objects.get()
    assert page.live and campaign.title in page.title
    from core.organizations.scope import scope_for

    assert page.issuer == scope_for(data.committee).department
    public = client.get(page.url)
    assert public.status_code == 200 and "应急管理局" in public.content.decode()
    # The scores stay a table on the public page (the sanitiser keeps it).
    assert "<td>应急管理局</td>" in public.content.decode()
    # A period whose end is before its start publishes nothing.
    client.post(url, {"start": TODAY.isoformat(), "end": "2000-01-01"})
    assert CircularPage.objects.count() == 1
