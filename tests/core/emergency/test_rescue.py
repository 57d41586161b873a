"""Rescue capability: own team or agreement, expiry warnings with a frozen
clock run through the database backend, and the post's disposal content."""

from __future__ import annotations

import datetime

import pytest
from freezegun import freeze_time

from core.base.errors import Invalid, Refused
from core.emergency.models import RescueAgreement, RescueTeam
from core.emergency.selectors import (
    agreements_expiring,
    disposal_card,
    enterprises_without_rescue,
)
from core.emergency.services import (
    plan_create,
    post_content_save,
    rescue_agreement_save,
    rescue_team_save,
)
from core.emergency.tasks import warn_expiring_agreements
from core.jobs import enqueue_on_commit
from core.jobs.worker import run_pending
from core.notifications.models import Notification
from core.organizations.models import Person
from core.organizations.scope import scope_for

pytestmark = pytest.mark.django_db


def test_team_with_members_equipment_and_supplies(world):
    person = Person.objects.get(name="张三")
    team = rescue_team_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        name="甲化工兼职救援队",
        kind="part_time",
        members=[(person, "队长")],
        equipment="正压式空气呼吸器 4 套",
        supplies_location="中控室东侧应急物资柜",
    )
    assert [(m.person, m.duty) for m in team.members.all()] == [(person, "队长")]
    stranger = Person.objects.create(enterprise=world.enterprise_b, name="王五")
    with pytest.raises(Invalid) as caught:
        rescue_team_save(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            name="",
            kind="volunteer",
            members=[(stranger, "")],
            team=team,
        )
    assert set(caught.value.message_dict) == {"/name", "/kind", "/members"}
    assert team.members.count() == 1
    for role in ("dept_chemicals", "committee", "staff_a", "manager_b"):
        with pytest.raises(Refused):
            rescue_team_save(
                actor=getattr(world, role),
                enterprise=world.enterprise_a,
                name="x",
                kind="full_time",
            )
    assert RescueTeam.objects.count() == 1


def test_agreement_validity_and_missing_rescue(world):
    today = datetime.date(2026, 3, 1)
    scope = scope_for(world.committee)
    assert set(enterprises_without_rescue(scope=scope, today=today)) == {
        world.enterprise_a,
        world.enterprise_b,
    }
    with pytest.raises(Invalid) as caught:
        rescue_agreement_save(
            actor=world.manager_a,
            enterprise=world.enterprise_a,
            party="",
            valid_from="2026-03-01",
            valid_until="2026-02-01",
        )
    assert set(caught.value.message_dict) == {"/party", "/valid_until"}
    rescue_agreement_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        party="市危化救援大队",
        valid_from="2025-04-01",
        valid_until="2026-03-20",
    )
    assert list(enterprises_without_rescue(scope=scope, today=today)) == [
        world.enterprise_b
    ]
    assert [a.party for a in agreements_expiring(scope=scope, today=today)] == [
        "市危化救援大队"
    ]
    assert (
        list(agreements_expiring(scope=scope_for(world.dept_construction), today=today))
        == []
    )
    with pytest.raises(Refused):
        rescue_agreement_save(
            actor=world.street1_office,
            enterprise=world.enterprise_a,
            party="x",
            valid_from="2026-01-01",
            valid_until="2027-01-01",
        )


def _run(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(warn_expiring_agreements)
    assert run_pending() == 1


def _told(agreement) -> list[str]:
    return sorted(
        Notification.objects.filter(target_id=str(agreement.pk)).values_list(
            "recipient__username", flat=True
        )
    )


def test_expiry_warning_once_per_validity(world, django_capture_on_commit_callbacks):
    agreement = rescue_agreement_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        party="市危化救援大队",
        valid_from="2025-04-01",
        valid_until="2026-04-15",
    )
    with freeze_time("2026-03-01 09:00:00"):  # 45 days left: quiet
        _run(django_capture_on_commit_callbacks)
    assert _told(agreement) == []
    with freeze_time("2026-03-20 09:00:00"):  # 26 days left: the manager
        _run(django_capture_on_commit_callbacks)
        _run(django_capture_on_commit_callbacks)  # a rerun tells nobody again
    assert _told(agreement) == ["manager-a"]
    note = Notification.objects.get(target_id=str(agreement.pk))
    assert "2026-04-15" in str(note.params)
    renewed = rescue_agreement_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        party="市危化救援大队",
        valid_from="2026-04-16",
        valid_until="2027-04-15",
        agreement=agreement,
    )
    with freeze_time("2026-04-01 09:00:00"):
        _run(django_capture_on_commit_callbacks)
    assert _told(renewed) == ["manager-a"]
    with freeze_time("2027-03-25 09:00:00"):  # the renewal's turn
        _run(django_capture_on_commit_callbacks)
    assert _told(renewed) == ["manager-a", "manager-a"]
    assert RescueAgreement.objects.get().warned_until == datetime.date(2027, 4, 15)


def test_the_job_is_on_the_schedule():
    from core.jobs.schedule import load_schedule

    entries = {entry.name: entry for entry in load_schedule()}
    entry = entries["emergency.warn_expiring_agreements"]
    assert entry.task == "core.emergency.tasks.warn_expiring_agreements"


def test_disposal_card_content_of_a_post(world, django_assert_max_num_queries):
    from core.risks.models import ControlMeasure, RiskEvent, RiskPoint
    from core.risks.services import RiskPointData, risk_point_create

    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="反应釜", kind="equipment", events=[]),
    )
    RiskPoint.objects.filter(pk=point.pk).update(responsible_unit=world.post_a)
    event = RiskEvent.objects.create(
        risk_point=point, analysis_unit=point.analysis_units.get(), name="物料泄漏中毒"
    )
    ControlMeasure.objects.create(
        risk_point=point, event=event, kind="emergency", description="关闭进料阀"
    )
    plan = plan_create(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        kind="on_site",
        title="反应釜泄漏现场处置方案",
        content="……",
        risk_events=[event],
    )
    rescue_team_save(
        actor=world.manager_a,
        enterprise=world.enterprise_a,
        name="兼职队",
        kind="part_time",
        supplies_location="中控室应急柜",
    )
    post_content_save(
        actor=world.manager_a,
        post=world.post_a,
        scenario="反应釜物料泄漏：刺激性气味、压力下降",
        first_actions=[
            {"action": "佩戴空气呼吸器，关闭进料阀", "responsible": "操作工"}
        ],
        reporting_path="操作工→班长→值班调度→应急办",
        cautions="上风向接近；使用防爆工具",
        contacts=[{"name": "值班调度", "phone": "0431-0000000"}],
        escape_route="沿东侧通道撤离",
        assembly_point="东门广场",
    )
    scope = scope_for(world.staff_a)
    with django_assert_max_num_queries(7):
        card = disposal_card(scope=scope, post=world.post_a)
    assert card is not None
    assert card["first_actions"][0]["responsible"] == "操作工"
    assert card["supplies_location"] == "中控室应急柜"
    assert card["risk_events"][0]["emergency_measures"] == ["关闭进料阀"]
    assert [p["title"] for p in card["plans"]] == [plan.title]
    assert disposal_card(scope=scope_for(world.manager_b), post=world.post_a) is None
    assert (
        disposal_card(scope=scope_for(world.dept_construction), post=world.post_a)
        is None
    )
    with pytest.raises(Refused):
        post_content_save(actor=world.staff_a, post=world.post_a, scenario="x")
    with pytest.raises(Invalid) as caught:
        post_content_save(
            actor=world.manager_a, post=world.post_a, scenario="", first_actions=[{}]
        )
    assert set(caught.value.message_dict) == {"/scenario", "/first_actions"}
