"""The closed loop walked through the services: report, confirm, the five
assurances, rectify, accept; extension, reopen, supervision, notices, the
risk point's flag, and hazards opened by a checklist answer."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from core.base.errors import Invalid, Refused
from core.forms.models import Submission
from core.forms.services import submission_submit
from core.hazards.models import Hazard, HazardGrade, HazardStatus, HazardTransition
from core.hazards.services import hazard_report, hazard_transition
from core.notifications.models import Notification
from core.risks.services import RiskPointData, risk_point_create
from tests.core.forms.conftest import VALID_ANSWER

pytestmark = pytest.mark.django_db
S = HazardStatus


def _in(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_staff_report_and_the_whole_loop(hz):
    world = hz.world
    hazard = hazard_report(
        actor=world.staff_a,
        enterprise=world.enterprise_a,
        description="消防通道堆放杂物",
        location="二号仓库",
        photos=[hz.photo()],
    )
    assert hazard.status == S.REPORTED and hazard.photos.count() == 1
    hazard_transition(
        actor=world.manager_a,
        hazard=hazard,
        action="confirm",
        data={"grade": "general", "responsible": hz.person.pk, "deadline": _in(3)},
    )
    assert Notification.objects.filter(recipient=world.staff_a).exists()
    hazard_transition(actor=world.staff_a, hazard=hazard, action="start")
    hazard_transition(
        actor=world.staff_a,
        hazard=hazard,
        action="submit",
        comment="已清理",
        evidence=[hz.photo()],
    )
    assert Notification.objects.filter(recipient=world.manager_a).exists()
    hazard = hazard_transition(actor=world.manager_a, hazard=hazard, action="accept")
    assert hazard.status == S.CLOSED and hazard.closed_at is not None
    actions = list(hazard.transitions.values_list("action", flat=True))
    assert actions == ["report", "confirm", "start", "submit", "accept"]
    assert hazard.transitions.get(action="submit").evidence.count() == 1


def test_government_users_do_not_report(hz):
    with pytest.raises(Refused):
        hazard_report(
            actor=hz.world.dept_chemicals,
            enterprise=hz.world.enterprise_a,
            description="x",
        )
    with pytest.raises(Refused):
        hazard_report(
            actor=hz.world.manager_b, enterprise=hz.world.enterprise_a, description="x"
        )
    assert not Hazard.objects.exists()


def test_a_report_needs_a_description_and_photos_of_the_enterprise(hz):
    foreign = hz.photo(user=hz.world.manager_b, enterprise=hz.world.enterprise_b)
    with pytest.raises(Invalid) as invalid:
        hazard_report(
            actor=hz.world.staff_a,
            enterprise=hz.world.enterprise_a,
            description=" ",
            grade="catastrophic",
            photos=[foreign],
        )
    paths = {e["path"] for e in invalid.value.as_list()}
    assert paths == {"/description", "/grade", "/photos"}
    assert not Hazard.objects.exists()


def test_the_third_tier_is_configurable(hz, settings):
    kwargs = {
        "actor": hz.world.staff_a,
        "enterprise": hz.world.enterprise_a,
        "description": "x",
        "grade": "significant",
    }
    with pytest.raises(Invalid):
        hazard_report(**kwargs)
    settings.SAFEGRID_HAZARD_THIRD_TIER = True
    assert hazard_report(**kwargs).grade == "significant"


def test_a_major_hazard_needs_the_five_assurances(hz):
    world = hz.world
    hazard = hz.hazard(S.REPORTED)
    hazard_transition(
        actor=world.manager_a,
        hazard=hazard,
        action="confirm",
        data={"grade": "major", "responsible": hz.person.pk, "deadline": _in(30)},
    )
    with pytest.raises(Invalid) as invalid:
        hazard_transition(actor=world.staff_a, hazard=hazard, action="start")
    assert "五落实" in invalid.value.as_list()[0]["reason"]
    assert Hazard.objects.get(pk=hazard.pk).status == S.CONFIRMED
    for missing in ("rectification_measures", "rectification_cost", "contingency_plan"):
        plan = {
            "rectification_measures": "更换防爆电机",
            "rectification_cost": "12000",
            "contingency_plan": "停用该区域，设置警戒",
        }
        del plan[missing]
        fresh = Hazard.objects.get(pk=hazard.pk)
        fresh.rectification_measures = plan.get("rectification_measures", "")
        fresh.rectification_cost = plan.get("rectification_cost")
        fresh.contingency_plan = plan.get("contingency_plan", "")
        fresh.save()
        assert missing in fresh.five_assurances_missing()
        with pytest.raises(Invalid):
            hazard_transition(actor=world.staff_a, hazard=fresh, action="start")
    hazard_transition(
        actor=world.staff_a,
        hazard=hazard,
        action="plan",
        data={
            "rectification_measures": "更换防爆电机",
            "rectification_cost": "12000",
            "contingency_plan": "停用该区域，设置警戒",
        },
    )
    hazard = hazard_transition(actor=world.staff_a, hazard=hazard, action="start")
    assert hazard.status == S.RECTIFYING


def test_a_major_hazard_is_reported_to_its_supervisors_at_once(hz):
    world = hz.world
    hazard = hz.hazard(S.REPORTED)
    hazard_transition(
        actor=world.manager_a,
        hazard=hazard,
        action="confirm",
        data={"grade": "major", "responsible": hz.person.pk, "deadline": _in(30)},
    )
    notices = Notification.objects.filter(target_id=str(hazard.pk)).exclude(
        recipient=world.staff_a
    )
    told = set(notices.values_list("recipient__username", flat=True))
    # The chemicals department and street 1's office (A is in grid 1 of
    # street 1); not the construction department.
    assert told == {"dept-chem", "street-1"}
    # Each reads it in their own language, with the hazard's text.
    from django.utils import translation

    notice = notices.first()
    with translation.override("zh-hans"):
        assert "重大事故隐患" in notice.text or "重大隐患" in notice.text
        assert hazard.description[:10] in notice.text
    with translation.override("en"):
        assert notice.text.startswith("Major hazard confirmed")


def test_a_major_hazard_from_a_checklist_is_reported_at_once(hz, published):
    _definition, version = published
    answer = {
        **VALID_ANSWER,
        "extinguishers": {"result": "non_compliant", "note": "压力不足"},
    }
    submission = submission_submit(
        actor=hz.world.staff_a,
        version=version,
        enterprise=hz.world.enterprise_a,
        data=answer,
    )
    major = Hazard.objects.get(submission=submission, grade="major")
    told = set(
        Notification.objects.filter(target_id=str(major.pk)).values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"dept-chem", "street-1"}


def test_supervision_then_only_the_supervising_office_closes(hz):
    world = hz.world
    hazard = hz.hazard(S.AWAITING_ACCEPTANCE, grade=HazardGrade.MAJOR)
    hazard_transition(actor=world.street1_office, hazard=hazard, action="supervise")
    hazard.refresh_from_db()
    assert hazard.supervised and hazard.supervising_department.name == "一街道办"
    with pytest.raises(Refused) as refused:
        hazard_transition(actor=world.manager_a, hazard=hazard, action="accept")
    assert "督办单位" in str(refused.value)
    with pytest.raises(Refused):
        hazard_transition(actor=world.dept_chemicals, hazard=hazard, action="accept")
    hazard = hazard_transition(
        actor=world.street1_office, hazard=hazard, action="accept"
    )
    assert hazard.status == S.CLOSED


def test_extension_requested_then_approved_or_refused(hz):
    world = hz.world
    hazard = hz.hazard(S.RECTIFYING)
    old = hazard.deadline
    wanted = old + datetime.timedelta(days=10)
    with pytest.raises(Invalid):
        hazard_transition(
            actor=world.staff_a,
            hazard=hazard,
            action="request_extension",
            comment="备件未到",
            data={"extension_until": old.isoformat()},
        )
    hazard_transition(
        actor=world.staff_a,
        hazard=hazard,
        action="request_extension",
        comment="备件未到",
        data={"extension_until": wanted.isoformat()},
    )
    with pytest.raises(Invalid):  # one request at a time
        hazard_transition(
            actor=world.staff_a,
            hazard=hazard,
            action="request_extension",
            comment="再延",
            data={"extension_until": (wanted + datetime.timedelta(1)).isoformat()},
        )
    hazard = hazard_transition(
        actor=world.manager_a, hazard=hazard, action="approve_extension"
    )
    assert hazard.deadline == wanted and hazard.extension_until is None
    hazard_transition(
        actor=world.staff_a,
        hazard=hazard,
        action="request_extension",
        comment="再延",
        data={"extension_until": (wanted + datetime.timedelta(5)).isoformat()},
    )
    hazard = hazard_transition(
        actor=world.manager_a, hazard=hazard, action="refuse_extension", comment="不行"
    )
    assert hazard.deadline == wanted and hazard.extension_until is None


def test_reopen_keeps_the_history(hz):
    hazard = hz.hazard(S.CLOSED)
    hazard = hazard_transition(
        actor=hz.world.manager_a, hazard=hazard, action="reopen", comment="复发"
    )
    assert hazard.status == S.RECTIFYING and hazard.closed_at is None
    assert list(hazard.transitions.values_list("action", flat=True)) == [
        "report",
        "reopen",
    ]


def test_a_confirmed_hazard_flags_its_risk_point(hz):
    world = hz.world
    point = risk_point_create(
        user=world.manager_a,
        enterprise=world.enterprise_a,
        data=RiskPointData(name="罐区", kind="area", events=[]),
    )
    hazard = hz.hazard(S.REPORTED, risk_point=point)
    hazard_transition(
        actor=world.manager_a,
        hazard=hazard,
        action="confirm",
        data={"grade": "major", "responsible": hz.person.pk, "deadline": _in(9)},
    )
    point.refresh_from_db()
    assert point.reassess_since is not None
    assert point.reassess_method == f"hazard:{hazard.pk}"
    assert point.level == "major"
    from auditlog.models import LogEntry

    change = LogEntry.objects.get_for_object(point).first()
    assert "reassess_method" in change.changes_dict
    from django.test import Client

    client = Client()
    client.force_login(world.manager_a)
    page = client.get(f"/portal/risks/{point.pk}/").content.decode()
    assert f"/portal/hazards/{hazard.pk}/" in page
    # A new assessment recomputes the level and clears the flag.
    from core.risks.services.points import risk_point_refresh_level

    risk_point_refresh_level(risk_point=point)
    point.refresh_from_db()
    assert point.reassess_since is None and point.level == ""


def test_repeated_hazards_raise_the_points_level_once(hz, settings):
    from django.test import Client

    from tests.core.risks.conftest import reactor_data

    settings.SAFEGRID_HAZARD_REPEAT_COUNT = 3
    settings.SAFEGRID_HAZARD_REPEAT_WINDOW_DAYS = 30
    world = hz.world
    point = risk_point_create(
        user=world.manager_a, enterprise=world.enterprise_a, data=reactor_data(world)
    )
    assert point.level == "general"  # LEC 126

    def confirm_one():
        hazard = hz.hazard(S.REPORTED, risk_point=point)
        hazard_transition(
            actor=world.manager_a,
            hazard=hazard,
            action="confirm",
            data={"grade": "general", "responsible": hz.person.pk, "deadline": _in(9)},
        )
        point.refresh_from_db()
        return hazard

    # One confirmed long ago is outside the window.
    old = confirm_one()
    Hazard.objects.filter(pk=old.pk).update(
        confirmed_at=timezone.now() - datetime.timedelta(days=31)
    )
    for _ in range(2):
        confirm_one()
        assert point.level == "general"
        assert not point.reassess_method.endswith("repeat")
    third = confirm_one()  # the third within the window
    assert point.level == "significant"
    assert point.reassess_method == f"hazard:{third.pk}:repeat"
    client = Client()
    client.force_login(world.manager_a)
    page = client.get(f"/portal/risks/{point.pk}/").content.decode()
    assert f"/portal/hazards/{third.pk}/" in page
    assert "one level higher" in page or "高一级" in page
    # A fourth before re-assessment does not raise it again.
    confirm_one()
    assert point.level == "significant"
    assert point.reassess_method.endswith(":repeat")
    # Assessing again recomputes the level from the assessments.
    from core.risks.services.points import risk_point_refresh_level

    risk_point_refresh_level(risk_point=point)
    point.refresh_from_db()
    assert point.level == "general" and point.reassess_since is None


def test_a_submission_opens_its_hazards_in_the_same_transaction(hz, published):
    _definition, version = published
    answer = {
        **VALID_ANSWER,
        "extinguishers": {"result": "non_compliant", "note": "压力不足"},
    }
    submission = submission_submit(
        actor=hz.world.staff_a,
        version=version,
        enterprise=hz.world.enterprise_a,
        data=answer,
    )
    hazards = list(Hazard.objects.filter(submission=submission))
    # "extinguishers" opens a major hazard; "exits" opens none.
    assert [(h.finding_key, h.grade) for h in hazards] == [
        ("extinguishers", HazardGrade.MAJOR)
    ]
    assert "压力不足" in hazards[0].description
    assert hazards[0].status == S.REPORTED


def test_a_failure_stores_neither_submission_nor_hazard(hz, published, monkeypatch):
    _definition, version = published
    answer = {
        **VALID_ANSWER,
        "extinguishers": {"result": "non_compliant", "note": "坏"},
    }

    def broken(**kwargs):
        raise IntegrityError("the history could not be written")

    monkeypatch.setattr(HazardTransition.objects, "create", broken)
    with pytest.raises(IntegrityError):
        submission_submit(
            actor=hz.world.staff_a,
            version=version,
            enterprise=hz.world.enterprise_a,
            data=answer,
        )
    assert not Submission.objects.exists()
    assert not Hazard.objects.exists()
