"""The safety manager's entry screens: each form saves through its service,
bad input is a 400 with the message at the field and nothing written, a
worker and a government user are refused, and another enterprise's records
are out of reach (404) and never written."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from core.emergency.models import (
    DrillPlanItem,
    EmergencyPlan,
    OccupationalExposure,
    PlanFiling,
    PostEmergencyContent,
    RescueAgreement,
    RescueTeam,
    TrainingAttendance,
    TrainingRequirement,
    TrainingSession,
    WorkplaceTest,
)
from core.emergency.services import (
    exposure_add,
    rescue_agreement_save,
    training_session_save,
)
from core.organizations.models import Person

pytestmark = pytest.mark.django_db
URL = "/portal/emergency/"


def client_for(user, language="en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


@pytest.fixture
def event_a(world):
    from core.risks.models import RiskEvent
    from core.risks.services import RiskPointData, risk_point_create

    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="反应釜", kind="equipment", events=[]),
    )
    return RiskEvent.objects.create(
        risk_point=point, analysis_unit=point.analysis_units.get(), name="物料泄漏中毒"
    )


def _page(response) -> str:
    return response.content.decode()


def test_a_plan_is_created_revised_and_filed(world, event_a, chem_dept):
    manager = client_for(world.manager_a)
    assert manager.get(URL + "plans/new/").status_code == 200
    bad = manager.post(URL + "plans/new/", {"kind": "poem", "title": "", "content": ""})
    assert bad.status_code == 400
    assert "This field is required." in _page(bad)
    assert not EmergencyPlan.objects.exists()
    body = {
        "kind": "on_site",
        "title": "反应釜泄漏现场处置方案",
        "content": "一、事故风险描述……",
        "approved_by": "厂长",
        "risk_events": [event_a.pk],
    }
    kept = manager.post(URL + "plans/new/", {**body, "approved_on": "2026-13-01"})
    assert kept.status_code == 400 and "反应釜泄漏现场处置方案" in _page(kept)
    assert not EmergencyPlan.objects.exists()
    assert manager.post(URL + "plans/new/", body).status_code == 302
    plan = EmergencyPlan.objects.get()
    assert list(plan.risk_events.all()) == [event_a]
    detail = URL + f"plans/{plan.pk}/"
    assert "反应釜泄漏现场处置方案" in _page(manager.get(detail))
    # Not approved: nothing to file yet.
    refused = manager.post(
        detail + "file/",
        {"version": plan.current_version_id, "department": chem_dept.pk},
    )
    assert refused.status_code == 400 and not PlanFiling.objects.exists()
    no_note = manager.post(detail + "revise/", {"content": "修订", "change_note": ""})
    assert no_note.status_code == 400 and plan.versions.count() == 1
    ok = manager.post(
        detail + "revise/",
        {
            "content": "修订后的方案",
            "change_note": "补充联系人",
            "approved_on": "2026-02-01",
            "risk_events": [event_a.pk],
        },
    )
    assert ok.status_code == 302 and plan.versions.count() == 2
    plan.refresh_from_db()
    assert plan.current_version.number == 2
    filed = manager.post(
        detail + "file/",
        {"version": plan.current_version_id, "department": chem_dept.pk},
    )
    assert filed.status_code == 302
    assert PlanFiling.objects.get().department == chem_dept
    again = manager.post(
        detail + "file/",
        {"version": plan.current_version_id, "department": chem_dept.pk},
    )
    assert again.status_code == 400 and PlanFiling.objects.count() == 1
    assert "already filed" in _page(again)


def test_a_plan_error_reads_in_chinese(world):
    manager = client_for(world.manager_a, language="zh-hans")
    bad = manager.post(URL + "plans/new/", {"kind": "on_site", "title": "x"})
    assert bad.status_code == 400
    assert "这个字段是必填项" in _page(bad) or "此字段为必填项" in _page(bad)


def test_rescue_team_and_agreement(world):
    manager = client_for(world.manager_a)
    person = Person.objects.get(name="张三")
    bad = manager.post(
        URL + "rescue/team/",
        {
            "name": "兼职救援队",
            "kind": "part_time",
            "members": [person.pk],
            "duties": "李四: 队长",
        },
    )
    assert bad.status_code == 400 and "write the name of a chosen member" in _page(bad)
    assert not RescueTeam.objects.exists()
    ok = manager.post(
        URL + "rescue/team/",
        {
            "name": "兼职救援队",
            "kind": "part_time",
            "members": [person.pk],
            "duties": "张三：队长",
            "equipment": "空气呼吸器 4 套",
            "supplies_location": "中控室应急柜",
        },
    )
    assert ok.status_code == 302
    team = RescueTeam.objects.get()
    assert [(m.person_id, m.duty) for m in team.members.all()] == [(person.pk, "队长")]
    assert "中控室应急柜" in _page(manager.get(URL + "rescue/"))
    # The search narrows the chooser without saving or losing what was typed.
    search = manager.post(
        URL + "rescue/team/", {"name": "改名", "q": "张", "search": "1"}
    )
    assert search.status_code == 200 and "改名" in _page(search)
    assert RescueTeam.objects.get().name == "兼职救援队"

    bad = manager.post(
        URL + "rescue/agreements/new/",
        {
            "party": "市矿山救护队",
            "valid_from": "2026-05-01",
            "valid_until": "2026-01-01",
        },
    )
    assert bad.status_code == 400
    assert "The end must not be before the start." in _page(bad)
    assert not RescueAgreement.objects.exists()
    body = {
        "party": "市矿山救护队",
        "valid_from": "2026-01-01",
        "valid_until": "2026-12-31",
    }
    assert manager.post(URL + "rescue/agreements/new/", body).status_code == 302
    agreement = RescueAgreement.objects.get()
    renewed = manager.post(
        URL + f"rescue/agreements/{agreement.pk}/",
        {**body, "valid_until": "2027-12-31"},
    )
    assert renewed.status_code == 302
    agreement.refresh_from_db()
    assert agreement.valid_until == datetime.date(2027, 12, 31)


def test_post_content(world):
    manager = client_for(world.manager_a)
    url = URL + f"posts/{world.post_a.pk}/"
    assert "反应釜操作岗" in _page(manager.get(URL + "posts/"))
    bad = manager.post(url, {"scenario": "泄漏", "first_actions": "| 班长"})
    assert bad.status_code == 400 and "Each entry needs its action." in _page(bad)
    assert not PostEmergencyContent.objects.exists()
    ok = manager.post(
        url,
        {
            "scenario": "反应釜物料泄漏",
            "first_actions": "关闭进料阀 | 操作工\n报告班长 | 操作工",
            "contacts": "班长 | 13800000000",
            "assembly_point": "东门广场",
        },
    )
    assert ok.status_code == 302
    content = PostEmergencyContent.objects.get()
    assert content.first_actions[0] == {"action": "关闭进料阀", "responsible": "操作工"}
    assert content.contacts == [{"name": "班长", "phone": "13800000000"}]
    assert "关闭进料阀 | 操作工" in _page(manager.get(url))


def test_training_requirement_session_attendance(world):
    manager = client_for(world.manager_a)
    bad = manager.post(
        URL + "training/requirements/new/",
        {"post": world.post_a.pk, "topic": "特种作业证", "valid_months": "999"},
    )
    assert bad.status_code == 400 and not TrainingRequirement.objects.exists()
    ok = manager.post(
        URL + "training/requirements/new/",
        {
            "post": world.post_a.pk,
            "topic": "特种作业证",
            "is_certificate": "on",
            "valid_months": "36",
        },
    )
    assert ok.status_code == 302
    requirement = TrainingRequirement.objects.get()
    bad = manager.post(URL + "training/sessions/new/", {"topic": "复审", "hours": "8"})
    assert bad.status_code == 400
    assert "Give the planned date or the date held." in _page(bad)
    assert not TrainingSession.objects.exists()
    ok = manager.post(
        URL + "training/sessions/new/",
        {
            "topic": "特种作业复审",
            "hours": "16",
            "trainer": "市培训中心",
            "held_on": "2026-02-10",
            "requirement": requirement.pk,
        },
    )
    session = TrainingSession.objects.get()
    assert ok.status_code == 302 and ok.url == URL + f"training/sessions/{session.pk}/"
    person = Person.objects.get(name="张三")
    page = _page(manager.get(URL + f"training/sessions/{session.pk}/?q=张"))
    assert "张三" in page
    attend = URL + f"training/sessions/{session.pk}/attendance/"
    bad = manager.post(attend, {"person": person.pk, "score": "-1"})
    assert bad.status_code == 400 and not TrainingAttendance.objects.exists()
    ok = manager.post(
        attend,
        {
            "person": person.pk,
            "passed": "yes",
            "score": "92",
            "certificate_number": "T2026001",
        },
    )
    assert ok.status_code == 302
    attendance = TrainingAttendance.objects.get()
    assert attendance.passed is True
    assert attendance.valid_until == datetime.date(2029, 2, 10)


def test_exposure_and_workplace_test(world):
    manager = client_for(world.manager_a)
    bad = manager.post(
        URL + "occupational/exposures/new/", {"post": world.post_a.pk, "factor": "x"}
    )
    assert bad.status_code == 400 and not OccupationalExposure.objects.exists()
    ok = manager.post(
        URL + "occupational/exposures/new/",
        {
            "post": world.post_a.pk,
            "factor": "chemical",
            "agent": "苯",
            "warning_signs": "当心中毒",
            "needs_notification_card": "on",
        },
    )
    assert ok.status_code == 302
    exposure = OccupationalExposure.objects.get()
    url = URL + "occupational/tests/new/"
    assert "苯" in _page(manager.get(url))
    body = {"tested_on": "2026-03-01", "next_due": "2027-03-01", "agency": "检测公司"}
    bad = manager.post(url, {**body, f"measured_{exposure.pk}": "0.5"})
    assert bad.status_code == 400
    assert "Give the measured value and whether it is within the limit." in _page(bad)
    bad = manager.post(
        url,
        {
            **body,
            "next_due": "2026-01-01",
            f"measured_{exposure.pk}": "0.5",
            f"compliant_{exposure.pk}": "yes",
        },
    )
    assert bad.status_code == 400
    assert "The next test must come after this one." in _page(bad)
    assert not WorkplaceTest.objects.exists()
    ok = manager.post(
        url,
        {
            **body,
            f"measured_{exposure.pk}": "0.5 mg/m³",
            f"limit_{exposure.pk}": "6 mg/m³",
            f"compliant_{exposure.pk}": "yes",
        },
    )
    assert ok.status_code == 302
    result = WorkplaceTest.objects.get().results.get()
    assert result.exposure == exposure and result.compliant is True
    assert "0.5 mg/m³" in _page(manager.get(URL + "occupational/"))


# -- who may reach them ------------------------------------------------------------------

LISTS = ["plans/", "rescue/", "posts/", "training/", "occupational/", "drills/"]
FORMS = [
    "plans/new/",
    "drills/plan/new/",
    "rescue/team/",
    "rescue/agreements/new/",
    "training/requirements/new/",
    "training/sessions/new/",
    "occupational/exposures/new/",
    "occupational/tests/new/",
]


@pytest.fixture
def records_a(world, plan_a):
    agreement = rescue_agreement_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        party="市救护队",
        valid_from="2026-01-01",
        valid_until="2026-12-31",
    )
    session = training_session_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        topic="消防",
        held_on="2026-01-10",
        hours="2",
    )
    exposure_add(actor=world.manager_a, post=world.post_a, factor="noise")
    return {
        "plan": plan_a,
        "agreement": agreement,
        "session": session,
        "urls": [
            f"plans/{plan_a.pk}/",
            f"rescue/agreements/{agreement.pk}/",
            f"posts/{world.post_a.pk}/",
            f"training/sessions/{session.pk}/",
        ],
        "posts": [
            f"plans/{plan_a.pk}/revise/",
            f"plans/{plan_a.pk}/file/",
            f"training/sessions/{session.pk}/attendance/",
        ],
    }


def _counts():
    return [
        model.objects.count()
        for model in (
            EmergencyPlan,
            PlanFiling,
            RescueTeam,
            RescueAgreement,
            PostEmergencyContent,
            TrainingRequirement,
            TrainingSession,
            TrainingAttendance,
            OccupationalExposure,
            WorkplaceTest,
            DrillPlanItem,
        )
    ]


def test_a_worker_and_government_are_refused(world, records_a):
    before = _counts()
    staff = client_for(world.staff_a)
    for url in LISTS + FORMS + records_a["urls"]:
        assert staff.get(URL + url).status_code == 403, url
    for url in FORMS + records_a["urls"] + records_a["posts"]:
        assert staff.post(URL + url, {"title": "x"}).status_code == 403, url
    for role in ("dept_chemicals", "committee"):
        government = client_for(getattr(world, role))
        for url in LISTS + FORMS + records_a["urls"]:
            assert government.get(URL + url).status_code in (302, 403), url
        for url in FORMS + records_a["urls"] + records_a["posts"]:
            assert government.post(URL + url, {"title": "x"}).status_code == 403, url
    assert _counts() == before


def test_another_enterprise_is_out_of_reach(world, records_a):
    before = _counts()
    other = client_for(world.manager_b)
    for url in records_a["urls"]:
        assert other.get(URL + url).status_code == 404, url
        answer = other.post(URL + url, {"scenario": "x"}).status_code
        assert answer in (404, 405), url  # the plan's page is read-only
    for url in records_a["posts"]:
        assert other.post(URL + url, {"content": "x"}).status_code == 404, url
    # enterprise_a's post, plan or session offered to manager_b's forms.
    assert (
        other.post(
            URL + "training/requirements/new/",
            {"post": world.post_a.pk, "topic": "偷偷加"},
        ).status_code
        == 400
    )
    assert (
        other.post(
            URL + "occupational/exposures/new/",
            {"post": world.post_a.pk, "factor": "noise"},
        ).status_code
        == 400
    )
    person = Person.objects.get(name="张三")
    team = other.post(
        URL + "rescue/team/",
        {"name": "乙队", "kind": "part_time", "members": [person.pk]},
    )
    assert team.status_code == 400
    chooser = _page(other.get(URL + "rescue/team/?q=张"))
    assert 'name="members"' not in chooser
    assert f'name="members" value="{person.pk}"' in _page(
        client_for(world.manager_a).get(URL + "rescue/team/?q=张")
    )
    assert "反应釜操作岗" not in _page(other.get(URL + "posts/"))
    assert _counts() == before


def test_lists_are_bounded(world, records_a, django_assert_max_num_queries):
    manager = client_for(world.manager_a)
    for url in LISTS + FORMS + records_a["urls"]:
        manager.get(URL + url)
        with django_assert_max_num_queries(25):
            assert manager.get(URL + url).status_code == 200, url


def test_the_annual_drill_plan(world, plan_a):
    manager = client_for(world.manager_a)
    year = datetime.date.today().year
    form = manager.get(URL + "drills/plan/new/")
    assert form.status_code == 200 and plan_a.title in _page(form)
    bad = manager.post(
        URL + "drills/plan/new/",
        {"year": year, "scenario": "储罐泄漏", "due_on": f"{year + 1}-03-01"},
    )
    assert bad.status_code == 400
    assert "The date must fall in the plan" in _page(bad)
    assert not DrillPlanItem.objects.exists()
    saved = manager.post(
        URL + "drills/plan/new/",
        {
            "year": year,
            "scenario": "储罐泄漏",
            "due_on": f"{year}-01-01",
            "plan": plan_a.pk,
        },
    )
    assert saved.status_code == 302
    item = DrillPlanItem.objects.get()
    assert (item.enterprise, item.plan, item.scenario) == (
        world.enterprise_a,
        plan_a,
        "储罐泄漏",
    )
    page = _page(manager.get(URL + "drills/"))
    assert "储罐泄漏" in page and 'data-testid="drill-plan"' in page
    # Another enterprise's page does not list it; its plan is not offered.
    other = client_for(world.manager_b)
    assert "储罐泄漏" not in _page(other.get(URL + "drills/"))
    foreign = other.post(
        URL + "drills/plan/new/",
        {"year": year, "scenario": "x", "due_on": f"{year}-05-01", "plan": plan_a.pk},
    )
    assert foreign.status_code == 400
    assert DrillPlanItem.objects.count() == 1
