"""Campaigns: targets, criteria and progress against hand-built data, scoped
per role, bounded queries at two data sizes; the admin pages as each role."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.base.errors import Invalid, Refused
from core.campaigns.models import Campaign
from core.campaigns.progress import campaign_progress, enterprise_checklist
from core.campaigns.services import campaign_create
from core.documents.models import GenerationStatus, HandbookVersion
from core.hazards.models import HazardStatus
from core.organizations.scope import scope_for
from tests.core.admin_helpers import assert_permission_denied
from tests.core.forms.conftest import (  # noqa: F401 - fixtures used here
    chem_department,
    published,
)
from tests.core.supervision.test_map import hazard, point
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def make_campaign(world, **changes) -> Campaign:
    fields = {
        "title": "双重预防机制建设推进",
        "starts_on": TODAY - datetime.timedelta(days=30),
        "ends_on": TODAY + datetime.timedelta(days=60),
        "criteria": [{"key": "risk_list"}, {"key": "handbook"}],
        "milestones": [
            {
                "title": "风险辨识完成",
                "deadline": TODAY - datetime.timedelta(days=1),
                "target_percent": 50,
            },
            {
                "title": "全面建成",
                "deadline": TODAY + datetime.timedelta(days=30),
                "target_percent": 100,
            },
        ],
    }
    fields.update(changes)
    return campaign_create(actor=world.committee, **fields)


@pytest.fixture
def data(world):
    # A: risk list and handbook (established); B: a risk list only.
    point(world.enterprise_a, "major")
    point(world.enterprise_b, "general")
    HandbookVersion.objects.create(
        enterprise=world.enterprise_a, number=1, status=GenerationStatus.READY
    )
    return world


def test_only_the_committee_creates_a_campaign(world):
    for user in (world.dept_chemicals, world.street1_office, world.manager_a):
        with pytest.raises(Refused):
            campaign_create(
                actor=user,
                title="x",
                starts_on=TODAY,
                ends_on=TODAY,
                criteria=[{"key": "risk_list"}],
            )
    assert Campaign.objects.count() == 0


def test_bad_campaign_input_is_refused_at_the_field(world):
    with pytest.raises(Invalid) as caught:
        campaign_create(
            actor=world.committee,
            title="",
            starts_on=TODAY,
            ends_on=TODAY - datetime.timedelta(days=1),
            criteria=[{"key": "inspections", "value": "abc"}, {"key": "nope"}],
            milestones=[
                {"title": "m", "deadline": "2099-01-01", "target_percent": 150}
            ],
        )
    paths = set(caught.value.message_dict)
    assert {"/title", "/ends_on", "/criteria/0", "/criteria/1"} <= paths
    assert "/milestones-0-target_percent" in paths
    assert Campaign.objects.count() == 0


def test_progress_against_hand_built_data(data):
    campaign = make_campaign(data)
    progress = campaign_progress(campaign, scope=scope_for(data.committee))
    assert progress.overall.total == 2
    assert progress.overall.established == 1
    assert progress.overall.percent == 50.0
    assert {row["key"]: row["met"] for row in progress.criteria} == {
        "risk_list": 2,
        "handbook": 1,
    }
    by_industry = {row["name"]: row for row in progress.industries}
    assert by_industry["危险化学品"]["established"] == 1
    assert by_industry["建筑施工"]["established"] == 0
    assert by_industry["建筑施工"]["criteria"] == [1, 0]
    by_territory = {row["name"]: row["total"] for row in progress.territories}
    assert by_territory == {"一街道": 1, "二街道": 1}
    states = [row["state"] for row in progress.milestones]
    assert states == ["met", "open"]  # 50 % reached; 100 % still to come
    assert progress.milestones[1]["needed"] == 1


def test_progress_is_the_viewers_part(data):
    campaign = make_campaign(data)
    chem = campaign_progress(campaign, scope=scope_for(data.dept_chemicals))
    assert chem.overall.total == 1 and chem.overall.established == 1
    assert [row["name"] for row in chem.industries] == ["危险化学品"]
    street = campaign_progress(campaign, scope=scope_for(data.street1_office))
    assert street.overall.total == 1
    assert [row["name"] for row in street.territories] == ["一街道"]
    cons = campaign_progress(campaign, scope=scope_for(data.dept_construction))
    assert cons.overall.established == 0
    assert [row["state"] for row in cons.milestones] == ["overdue", "open"]


def test_targets_by_industry_territory_and_flags(data):
    data.enterprise_b.is_above_scale = True
    data.enterprise_b.save()
    only_above = make_campaign(data, above_scale_only=True)
    assert (
        campaign_progress(only_above, scope=scope_for(data.committee)).overall.total
        == 1
    )
    by_industry = make_campaign(data, industries=[data.chemicals])
    assert (
        campaign_progress(by_industry, scope=scope_for(data.committee)).overall.total
        == 1
    )
    by_street = make_campaign(data, territories=[data.street2])
    figures = campaign_progress(by_street, scope=scope_for(data.committee)).overall
    assert (figures.total, figures.established) == (1, 0)
    assert enterprise_checklist(by_street, enterprise=data.enterprise_a) is None


def test_inspection_and_hazard_criteria(data, published):  # noqa: F811
    from core.inspections.models import InspectionTask, TaskSource, TaskStatus

    campaign = make_campaign(
        data,
        criteria=[
            {"key": "inspections", "value": 30},
            {"key": "hazards_on_time", "value": 50},
        ],
    )
    now = timezone.now()
    InspectionTask.objects.create(
        enterprise=data.enterprise_a,
        source=TaskSource.CONTROL,
        origin="test",
        title="罐区巡检",
        period_start=now - datetime.timedelta(days=1),
        period_end=now,
        due_at=now,
        status=TaskStatus.DONE,
        done_at=now - datetime.timedelta(days=40),  # outside 30 days
        version=published[1],
    )
    # B closed one hazard late and none on time: 0 % < 50 %.
    hazard(
        data,
        data.enterprise_b,
        HazardStatus.CLOSED,
        deadline=TODAY - datetime.timedelta(days=10),
        closed_at=now,
    )
    progress = campaign_progress(campaign, scope=scope_for(data.committee))
    assert {row["key"]: row["met"] for row in progress.criteria} == {
        "inspections": 0,
        "hazards_on_time": 1,  # A has no closed hazard: met
    }
    checklist = enterprise_checklist(campaign, enterprise=data.enterprise_b)
    assert [item["met"] for item in checklist] == [False, False]


def _more(world, count):
    for index in range(count):
        enterprise = EnterpriseFactory(
            name=f"丙{index}", jurisdiction=world.grid1, industries=[world.chemicals]
        )
        point(enterprise, "low")


@pytest.mark.parametrize("role", ["committee", "dept_chemicals", "street1_office"])
def test_progress_queries_are_bounded(data, role, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    campaign = make_campaign(data)
    scope = scope_for(getattr(data, role))

    def count():
        with CaptureQueriesContext(connection) as captured:
            campaign_progress(campaign, scope=scope)
        return len(captured)

    small = count()
    _more(data, 25)
    assert count() == small <= 9


@pytest.mark.parametrize(
    "role", ["committee", "dept_chemicals", "dept_construction", "street1_office"]
)
def test_admin_pages_as_each_government_role(data, client, role):
    campaign = make_campaign(data)
    client.force_login(getattr(data, role))
    assert client.get("/admin/campaigns/").status_code == 200
    page = client.get(f"/admin/campaigns/{campaign.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert ("甲化工有限公司" in text) == (role != "dept_construction")
    assert ("乙建筑有限公司" in text) == (role in ("committee", "dept_construction"))
    creating = client.get("/admin/campaigns/new/")
    if role == "committee":
        assert creating.status_code == 200
    else:
        assert_permission_denied(creating)


def test_enterprises_and_outsiders_are_refused_in_the_admin(data, client):
    campaign = make_campaign(data)
    for user in (data.manager_a, data.staff_a, data.outsider):
        client.force_login(user)
        response = client.get(f"/admin/campaigns/{campaign.pk}/")
        assert response.status_code in (302, 403)


def test_committee_creates_a_campaign_through_the_form(data, client):
    client.force_login(data.committee)
    response = client.post(
        "/admin/campaigns/new/",
        {
            "title": "推进",
            "starts_on": str(TODAY),
            "ends_on": str(TODAY + datetime.timedelta(days=10)),
            "criterion_risk_list": "on",
            "criterion_inspections": "on",
            "value_inspections": "60",
            "milestones-TOTAL_FORMS": "1",
            "milestones-INITIAL_FORMS": "0",
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "20",
            "milestones-0-title": "完成",
            "milestones-0-deadline": str(TODAY + datetime.timedelta(days=5)),
            "milestones-0-target_percent": "80",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign = Campaign.objects.get()
    assert campaign.criteria == [
        {"key": "risk_list"},
        {"key": "inspections", "value": 60},
    ]
    assert campaign.milestones.get().target_percent == 80
    bad = client.post("/admin/campaigns/new/", {"title": ""})
    assert bad.status_code == 400


def test_portal_shows_the_checklist(data, client):
    make_campaign(data)
    client.force_login(data.manager_b)
    page = client.get("/portal/campaigns/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-criterion="handbook" data-met="0"' in text
    assert 'data-criterion="risk_list" data-met="1"' in text


def test_a_campaign_for_other_industries_or_territories_is_not_shown(data, client):
    chemicals = make_campaign(data, industries=[data.chemicals])
    street2 = make_campaign(data, territories=[data.street2])
    client.force_login(data.dept_construction)
    assert client.get(f"/admin/campaigns/{chemicals.pk}/").status_code == 404
    assert client.get(f"/admin/campaigns/{street2.pk}/").status_code == 200
    client.force_login(data.street1_office)
    assert client.get(f"/admin/campaigns/{street2.pk}/").status_code == 404
    assert client.get(f"/admin/campaigns/{chemicals.pk}/").status_code == 200
    listing = client.get("/admin/campaigns/").content.decode()
    assert f"/admin/campaigns/{street2.pk}/" not in listing


def _page_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_pages_and_assessment_queries_are_flat(data, client):
    from core.campaigns.assessment import campaign_assessment
    from core.campaigns.services import directive_send

    campaign = make_campaign(data)
    directive = directive_send(
        actor=data.committee, title="通知", body="请部署。", audience="all"
    )
    client.force_login(data.committee)
    urls = [
        f"/admin/campaigns/{campaign.pk}/",
        f"/admin/campaigns/{campaign.pk}/assessment/",
        f"/admin/campaigns/directives/{directive.pk}/",
        "/admin/campaigns/checks/",
    ]
    for url in urls:  # the first load creates the weights' setting row
        _page_queries(client, url)
    small = [_page_queries(client, url) for url in urls]
    _more(data, 30)
    directive_send(
        actor=data.committee, title="通知二", body="请部署。", audience="all"
    )
    assert [_page_queries(client, url) for url in urls] == small

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        campaign_assessment(campaign, start=TODAY, end=TODAY)
    assert len(captured) <= 9


def test_the_portal_lists_the_campaigns_that_target_the_enterprise(data, client):
    from core.campaigns.portal_views import CAMPAIGNS_SHOWN
    from core.campaigns.progress import campaigns_targeting

    mine = make_campaign(data, title="化工推进", industries=[data.chemicals])
    for number in range(CAMPAIGNS_SHOWN + 2):
        make_campaign(
            data,
            title=f"建筑推进{number}",
            industries=[data.construction],
            starts_on=TODAY - datetime.timedelta(days=1),
        )
    make_campaign(data, title="规上推进", above_scale_only=True)
    targeting = list(campaigns_targeting(data.enterprise_a, today=TODAY))
    assert mine in targeting
    assert all("建筑" not in c.title for c in targeting)
    client.force_login(data.manager_a)
    page = client.get("/portal/campaigns/").content.decode()
    assert "化工推进" in page and "建筑推进" not in page


def test_the_daily_record_keeps_the_share_of_a_passed_milestone(
    data, client, django_assert_max_num_queries
):
    """The job records each running campaign once a day (a rerun replaces
    the day); a milestone whose deadline passed shows the share recorded on
    its deadline (met or missed then) next to today's; the page shows the
    trend; another office's campaign is a 404."""
    from core.campaigns.models import ProgressRecord
    from core.campaigns.progress import progress_record_running
    from core.jobs.schedule import load_schedule

    assert "campaigns.record_progress" in {entry.name for entry in load_schedule()}
    campaign = make_campaign(data)
    ended = make_campaign(
        data,
        title="已结束",
        starts_on=TODAY - datetime.timedelta(days=90),
        ends_on=TODAY - datetime.timedelta(days=2),
        milestones=[],
    )
    deadline = TODAY - datetime.timedelta(days=1)
    # On the deadline A was established, B not: 1 of 2 = 50 %, the first
    # milestone's target: met then.
    with django_assert_max_num_queries(1 + 5):
        assert progress_record_running(deadline) == {"recorded": 1}
    assert progress_record_running(deadline) == {"recorded": 1}  # replaced
    record = ProgressRecord.objects.get(campaign=campaign, day=deadline)
    assert (record.total, record.established) == (2, 1)
    assert record.criteria == {"risk_list": 2, "handbook": 1}
    assert not ProgressRecord.objects.filter(campaign=ended).exists()
    # Since then A's handbook was withdrawn: today 0 of 2, overdue.
    HandbookVersion.objects.filter(enterprise=data.enterprise_a).delete()
    progress_record_running(TODAY)
    progress = campaign_progress(campaign, scope=scope_for(data.committee))
    first, second = progress.milestones
    assert first["state"] == "overdue"
    assert first["recorded"].day == deadline and first["met_then"] is True
    assert second["recorded"] is None  # its deadline is ahead
    assert [r.day for r in progress.trend] == [TODAY, deadline]
    client.force_login(data.committee)
    text = client.get(f"/admin/campaigns/{campaign.pk}/").content.decode()
    assert 'data-testid="campaign-trend"' in text
    assert "50.0% (1/2," in text and "当时已达成" in text
    # Missed then: a record of 0 % on the deadline.
    ProgressRecord.objects.filter(campaign=campaign, day=deadline).update(established=0)
    progress = campaign_progress(campaign, scope=scope_for(data.committee))
    assert progress.milestones[0]["met_then"] is False
    text = client.get(f"/admin/campaigns/{campaign.pk}/").content.decode()
    assert "当时未达成" in text
    # Scope: an office that does not see the campaign gets a 404.
    territorial = make_campaign(data, territories=[data.street2])
    client.force_login(data.street1_office)
    assert client.get(f"/admin/campaigns/{territorial.pk}/").status_code == 404


def test_kept_progress_is_per_office_and_campaign(data, client, settings):
    """Kept as the dashboards are: one office's figures never reach another
    office, nor another campaign."""
    from django.core.cache import cache

    settings.SAFEGRID_DASHBOARD_SECONDS = 300
    cache.clear()
    try:
        campaign = make_campaign(data)
        other = make_campaign(data, title="另一推进", criteria=[{"key": "risk_list"}])
        client.force_login(data.dept_chemicals)
        first = client.get(f"/admin/campaigns/{campaign.pk}/").context["progress"]
        assert first.overall.total == 1 and first.overall.established == 1
        HandbookVersion.objects.filter(enterprise=data.enterprise_a).delete()
        kept = client.get(f"/admin/campaigns/{campaign.pk}/").context["progress"]
        assert kept.overall.established == 1  # kept: the deletion not seen yet
        client.force_login(data.committee)
        committee = client.get(f"/admin/campaigns/{campaign.pk}/").context["progress"]
        assert committee.overall.total == 2 and committee.overall.established == 0
        client.force_login(data.dept_chemicals)
        own = client.get(f"/admin/campaigns/{other.pk}/").context["progress"]
        assert own.campaign.pk == other.pk and own.overall.established == 1
    finally:
        cache.clear()


def test_a_milestone_due_today_says_so(data, client):
    """Not "0 days left": the day of the deadline reads 今天到期."""
    campaign = make_campaign(
        data,
        milestones=[{"title": "今日节点", "deadline": TODAY, "target_percent": 100}],
    )
    client.force_login(data.committee)
    text = client.get(f"/admin/campaigns/{campaign.pk}/").content.decode()
    assert "今天到期" in text
    assert "还剩 0 天" not in text and "还剩0天" not in text
