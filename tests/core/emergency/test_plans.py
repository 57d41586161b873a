"""Emergency plans: versions kept, filing and the department's review,
every write checked inside its service."""

from __future__ import annotations

import datetime

import pytest

from core.base.errors import Invalid, Refused
from core.emergency.models import (
    EmergencyPlan,
    FilingStatus,
    ImmutableVersion,
    PlanFiling,
    PlanVersion,
)
from core.emergency.selectors import filing_list, filings_awaiting_review, plan_list
from core.emergency.services import filing_review, plan_create, plan_file, plan_revise
from core.organizations.models import Department
from core.organizations.scope import scope_for
from core.risks.services import RiskPointData, risk_point_create

pytestmark = pytest.mark.django_db


def _event(world, enterprise=None, manager=None):
    from core.risks.models import RiskEvent

    point = risk_point_create(
        user=manager or world.manager_a,
        enterprise=enterprise or world.enterprise_a,
        data=RiskPointData(name="反应釜区域", kind="area", events=[]),
    )
    unit = point.analysis_units.get()
    return RiskEvent.objects.create(
        risk_point=point, analysis_unit=unit, name="反应釜超温超压爆炸"
    )


def test_a_revision_adds_a_version_and_keeps_the_old_one(world, plan_a):
    first = plan_a.current_version
    event = _event(world)
    second = plan_revise(
        actor=world.manager_a,
        plan=plan_a,
        content="第二版：增加泄漏处置",
        change_note="增加泄漏处置",
        risk_events=[event],
    )
    plan_a.refresh_from_db()
    assert second.number == 2 and plan_a.current_version == second
    assert list(plan_a.versions.values_list("number", "content")) == [
        (2, "第二版：增加泄漏处置"),
        (1, first.content),
    ]
    assert list(plan_a.risk_events.all()) == [event]


def test_versions_are_never_changed(plan_a):
    version = plan_a.current_version
    version.content = "改写"
    with pytest.raises(ImmutableVersion):
        version.save()
    with pytest.raises(ImmutableVersion):
        PlanVersion.objects.filter(pk=version.pk).update(content="改写")
    assert PlanVersion.objects.get(pk=version.pk).content != "改写"


@pytest.mark.parametrize(
    "role",
    [
        "committee",
        "dept_chemicals",
        "street1_office",
        "staff_a",
        "manager_b",
        "outsider",
    ],
)
def test_only_the_enterprise_manager_writes_its_plans(world, plan_a, role):
    user = getattr(world, role)
    with pytest.raises(Refused):
        plan_create(
            actor=user,
            enterprise=world.enterprise_a,
            kind="special",
            title="x",
            content="y",
        )
    with pytest.raises(Refused):
        plan_revise(actor=user, plan=plan_a, content="z")
    assert EmergencyPlan.objects.count() == 1
    assert PlanVersion.objects.count() == 1


def test_bad_input_is_refused_by_field_and_changes_nothing(world):
    other = _event(world, world.enterprise_b, world.manager_b)
    with pytest.raises(Invalid) as caught:
        plan_create(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            kind="novel",
            title="",
            content="",
            approved_on="2026-13-01",
            risk_events=[other],
        )
    assert set(caught.value.message_dict) == {
        "/kind",
        "/title",
        "/content",
        "/approved_on",
        "/risk_events",
    }
    assert not EmergencyPlan.objects.exists()


def test_filing_goes_to_a_supervising_department_only(world, plan_a, chem_dept):
    cons = Department.objects.get(name="住建局")
    with pytest.raises(Invalid):
        plan_file(
            actor=world.manager_a, version=plan_a.current_version, department=cons
        )
    filing = plan_file(
        actor=world.manager_a, version=plan_a.current_version, department=chem_dept
    )
    assert filing.status == FilingStatus.UNDER_REVIEW
    with pytest.raises(Invalid):  # once per department
        plan_file(
            actor=world.manager_a, version=plan_a.current_version, department=chem_dept
        )
    with pytest.raises(Refused):
        plan_file(
            actor=world.dept_chemicals,
            version=plan_a.current_version,
            department=chem_dept,
        )


def test_an_unapproved_version_cannot_be_filed(world, plan_a, chem_dept):
    version = plan_revise(actor=world.manager_a, plan=plan_a, content="草稿")
    with pytest.raises(Invalid):
        plan_file(actor=world.manager_a, version=version, department=chem_dept)


def test_the_department_accepts_or_returns_with_comments(world, filing_a):
    with pytest.raises(Invalid) as caught:
        filing_review(actor=world.dept_chemicals, filing=filing_a, decision="sent_back")
    assert "/comment" in caught.value.message_dict
    reviewed = filing_review(
        actor=world.dept_chemicals,
        filing=filing_a,
        decision="sent_back",
        comment="应急响应分级不清",
    )
    assert reviewed.status == FilingStatus.SENT_BACK
    assert reviewed.reviewed_by == world.dept_chemicals
    with pytest.raises(Invalid):  # reviewed once
        filing_review(actor=world.dept_chemicals, filing=filing_a, decision="on_file")


@pytest.mark.parametrize(
    "role",
    ["committee", "dept_construction", "street1_office", "manager_a", "staff_a"],
)
def test_only_the_department_filed_with_reviews(world, filing_a, role):
    with pytest.raises(Refused):
        filing_review(actor=getattr(world, role), filing=filing_a, decision="on_file")
    assert PlanFiling.objects.get(pk=filing_a.pk).status == FilingStatus.UNDER_REVIEW


def test_a_department_out_of_scope_cannot_review_even_its_own_filing(
    world, filing_a, chem_dept
):
    # The enterprise left the department's industries: the filing is out of scope.
    world.enterprise_a.industries.set([world.construction])
    with pytest.raises(Refused):
        filing_review(actor=world.dept_chemicals, filing=filing_a, decision="on_file")


def test_lists_follow_the_scope(world, plan_a, plan_b, filing_a, filing_b):
    assert list(plan_list(scope=scope_for(world.manager_a))) == [plan_a]
    assert list(plan_list(scope=scope_for(world.dept_chemicals))) == [plan_a]
    assert list(plan_list(scope=scope_for(world.dept_construction))) == [plan_b]
    assert set(plan_list(scope=scope_for(world.committee))) == {plan_a, plan_b}
    assert list(plan_list(scope=scope_for(world.outsider))) == []
    assert list(filings_awaiting_review(scope_for(world.dept_chemicals))) == [filing_a]
    assert list(filings_awaiting_review(scope_for(world.committee))) == []
    assert list(filing_list(scope=scope_for(world.manager_b))) == [filing_b]


def test_plan_list_queries_are_bounded(world, plan_a, django_assert_max_num_queries):
    for n in range(5):
        plan_create(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            kind="special",
            title=f"专项{n}",
            content="……",
            approved_on=datetime.date(2026, 2, 1),
        )
    scope = scope_for(world.dept_chemicals)
    with django_assert_max_num_queries(2):
        rows = [
            (p.title, p.enterprise.name, p.current_version.number)
            for p in plan_list(scope=scope)
        ]
    assert len(rows) == 6
