"""Demo hazards: every state of the closed loop, for enterprise-1 and -2.

Walked through the services as the real users would (staff-1 reports and
rectifies at enterprise-1, its manager confirms and accepts, the chemicals
department supervises a major one), then some dates are moved back so the
lists show overdue and on-time work. Added only to an enterprise with no
hazard yet, so a second ``demo_load`` changes nothing.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.forms.services import upload_store
from core.hazards.models import Hazard
from core.hazards.services import hazard_report, hazard_transition
from core.organizations.models import Person, Role

# (description, location, grade, the state to walk it to)
DEMO_HAZARDS = (
    ("消防通道堆放纸箱，通道宽度不足", "成品仓库东侧", "general", "reported"),
    ("配电箱门未关闭，警示标识脱落", "合成车间配电室", "general", "confirmed"),
    ("反应釜压力表超过检定有效期", "反应釜操作岗", "general", "rectifying"),
    ("可燃气体报警器探头未定期标定", "罐区", "major", "rectifying"),
    ("灭火器压力不足", "办公楼一层", "general", "awaiting_acceptance"),
    ("安全出口指示灯不亮", "包装车间", "general", "closed"),
    ("员工未按规定佩戴防护手套", "装卸区", "general", "rejected"),
    ("储罐呼吸阀锈蚀卡涩", "罐区", "general", "overdue"),
)
ORDER = ("reported", "confirmed", "rectifying", "awaiting_acceptance", "closed")


def _photo(user: Any, enterprise: Any, colour: tuple[int, int, int]):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG")
    file = SimpleUploadedFile("photo.jpg", buffer.getvalue(), "image/jpeg")
    return upload_store(actor=user, enterprise=enterprise, file=file)


def ensure_demo_hazards() -> None:
    users = get_user_model().objects.filter(
        membership__role=Role.ENTERPRISE_MANAGER,
        username__in=("enterprise-1", "enterprise-2"),
    )
    for manager in users.select_related("membership__enterprise"):
        enterprise = manager.membership.enterprise
        if Hazard.objects.filter(enterprise=enterprise).exists():
            continue
        staff = (
            get_user_model()
            .objects.filter(
                membership__enterprise=enterprise,
                membership__role=Role.ENTERPRISE_STAFF,
            )
            .first()
        )
        responsible = (
            Person.objects.filter(user=staff).first()
            if staff is not None
            else Person.objects.filter(enterprise=enterprise, user__isnull=True).first()
        )
        if responsible is None:
            continue
        _walk_all(enterprise, manager, staff or manager, responsible)


def _walk_all(enterprise, manager, worker, responsible) -> None:
    today = timezone.localdate()
    dept = (
        get_user_model()
        .objects.filter(
            membership__role=Role.INDUSTRY_DEPARTMENT,
            membership__department__industries__enterprises=enterprise,
        )
        .first()
    )
    for number, (text, where, grade, state) in enumerate(DEMO_HAZARDS):
        hazard = hazard_report(
            actor=worker,
            enterprise=enterprise,
            description=text,
            location=where,
            photos=[_photo(worker, enterprise, (190, 60 + number * 20, 40))],
        )
        if state == "rejected":
            hazard_transition(
                actor=manager,
                hazard=hazard,
                action="reject",
                comment="属于违章行为，已按制度处理，不作为隐患登记",
            )
            continue
        target = "rectifying" if state == "overdue" else state
        for step in ORDER[1 : ORDER.index(target) + 1]:
            _step(step, hazard, manager, worker, responsible, grade, today, enterprise)
        if grade == "major" and dept is not None:
            hazard_transition(
                actor=dept, hazard=hazard, action="supervise", comment="挂牌督办"
            )
        if state == "overdue":
            Hazard.objects.filter(pk=hazard.pk).update(
                deadline=today - datetime.timedelta(days=5),
                reported_at=timezone.now() - datetime.timedelta(days=20),
            )
            # As the daily overdue job would: overdue first in the
            # supervisors' list.
            Hazard.objects.filter(pk=hazard.pk).refresh_priorities(today)
        elif state == "closed":
            Hazard.objects.filter(pk=hazard.pk).update(
                reported_at=timezone.now() - datetime.timedelta(days=30)
            )


def _step(step, hazard, manager, worker, responsible, grade, today, enterprise):
    if step == "confirmed":
        data = {
            "grade": grade,
            "responsible": responsible.pk,
            "deadline": today + datetime.timedelta(days=30 if grade == "major" else 7),
        }
        if grade == "major":
            data.update(
                rectification_measures="更换探头并由有资质单位标定，建立标定台账",
                rectification_cost="8600",
                contingency_plan="标定完成前安排专人每两小时便携式检测一次",
            )
        hazard_transition(actor=manager, hazard=hazard, action="confirm", data=data)
    elif step == "rectifying":
        hazard_transition(actor=worker, hazard=hazard, action="start")
    elif step == "awaiting_acceptance":
        hazard_transition(
            actor=worker,
            hazard=hazard,
            action="submit",
            comment="已整改完成",
            evidence=[_photo(worker, enterprise, (40, 160, 70))],
        )
    elif step == "closed":
        acceptor = manager if worker != manager else None
        if acceptor is None:
            return  # one person cannot both rectify and accept
        hazard_transition(
            actor=acceptor, hazard=hazard, action="accept", comment="复查合格"
        )


# What each department's inspectors found (description, location, grade).
GOVERNMENT_FINDINGS = {
    "chemicals": (("液氯钢瓶未采取防倾倒措施", "钢瓶库", "general"),),
    "construction": (("塔吊限位装置失灵", "3号楼塔吊", "major"),),
    "road_transport": (("危货车辆卫星定位装置离线", "停车场", "general"),),
    "gas": (("调压箱周边违规堆放杂物", "调压站", "general"),),
}


def ensure_demo_government_inspections() -> None:
    """Each industry department has inspected two enterprises of its
    industry (findings open reported hazards there) and planned a third;
    street-1's office has inspected one of its territory. Added only when the
    office has no inspection yet."""
    from core.inspections.government import (
        government_inspection_plan,
        government_inspection_record,
    )
    from core.inspections.models import GovernmentInspection
    from core.organizations.scope import scope_for

    today = timezone.localdate()
    officers = get_user_model().objects.filter(
        username__in=[f"dept-{code.replace('_', '-')}" for code in GOVERNMENT_FINDINGS]
        + ["street-1"]
    )
    for officer in officers.select_related("membership__department"):
        department = officer.membership.department
        if GovernmentInspection.objects.filter(department=department).exists():
            continue
        industry = officer.username.removeprefix("dept-").replace("-", "_")
        findings = GOVERNMENT_FINDINGS.get(industry) or GOVERNMENT_FINDINGS["chemicals"]
        enterprises = list(scope_for(officer).enterprises().order_by("name", "pk")[:3])
        for number, enterprise in enumerate(enterprises):
            inspection = government_inspection_plan(
                actor=officer,
                enterprise=enterprise,
                planned_on=today
                + datetime.timedelta(days=14 if number == 0 else -7 * number),
                inspectors=f"{department.name}执法检查组",
                purpose="双重预防机制建设情况检查",
            )
            if number == 0 or officer.username == "street-1" and number > 1:
                continue  # still planned
            government_inspection_record(
                actor=officer,
                inspection=inspection,
                inspected_on=today - datetime.timedelta(days=7 * number),
                summary="现场检查发现隐患，已责令限期整改",
                findings=[
                    {
                        "description": description,
                        "location": location,
                        "grade": grade,
                        "deadline": today + datetime.timedelta(days=15),
                    }
                    for description, location, grade in findings
                ],
            )
