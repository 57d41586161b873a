"""Demo emergency records: every demo enterprise gets a comprehensive plan
filed with its industry department, a rescue agreement (some ending soon, so
the warnings show) and its industry's typical plans, drill scenarios and
required trainings from the packs' ``safegrid_emergency_templates``;
enterprise-1 and enterprise-2 also get post emergency content (staff-1's
post), a drill, a training session with attendance, an occupational
exposure and a workplace test. Written through ``core.emergency.services``;
an enterprise that already has a plan is left alone, so a second
``demo_load`` changes nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.emergency import services
from core.emergency.models import EmergencyPlan
from core.emergency.policy import filing_departments
from core.organizations.models import Department, Enterprise, Person, Role, Unit
from plugins.manager import get_plugin_manager


def _templates() -> dict[str, list]:
    by_industry: dict[str, list] = {}
    for _plugin, item in get_plugin_manager().collect("safegrid_emergency_templates"):
        by_industry.setdefault(item.industry, []).append(item)
    return by_industry


def ensure_demo_emergency() -> int:
    """Fill every demo enterprise; return how many were filled now."""
    today = timezone.localdate()
    templates = _templates()
    managers = {
        user.membership.enterprise_id: user
        for user in get_user_model()
        .objects.filter(membership__role=Role.ENTERPRISE_MANAGER)
        .select_related("membership")
    }
    # Enterprises without a manager account are written by the demo's
    # administrator (the superuser may write any enterprise's records).
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    filled = 0
    enterprises = Enterprise.objects.prefetch_related("industries").order_by("pk")
    for index, enterprise in enumerate(enterprises):
        manager = managers.get(enterprise.pk, admin)
        if (
            manager is None
            or EmergencyPlan.objects.filter(enterprise=enterprise).exists()
        ):
            continue
        _fill(enterprise, manager, index, today, templates)
        filled += 1
    return filled


def _fill(enterprise, manager, index: int, today: datetime.date, templates) -> None:
    codes = [industry.code for industry in enterprise.industries.all()]
    items = [t for code in codes for t in templates.get(code, [])]
    plan = services.plan_create(
        actor=manager,
        enterprise=enterprise,
        kind="comprehensive",
        title=f"{enterprise.name}生产安全事故综合应急预案",
        content="总则；应急组织机构及职责；应急响应；后期处置；应急保障。",
        approved_on=today - datetime.timedelta(days=60 + index),
        approved_by="主要负责人",
    )
    department = (
        filing_departments(enterprise).filter(kind=Department.Kind.INDUSTRY).first()
    )
    if department is not None:
        filing = services.plan_file(
            actor=manager, version=plan.current_version, department=department
        )
        if index % 3 == 1:
            officer = (
                get_user_model()
                .objects.filter(membership__department=department)
                .first()
            )
            if officer is not None:
                services.filing_review(
                    actor=officer, filing=filing, decision="on_file", comment=""
                )
    for item in items:
        if item.kind == "plan" and item.plan_kind != "comprehensive":
            services.plan_create(
                actor=manager,
                enterprise=enterprise,
                kind=item.plan_kind,
                title=item.title.zh_hans,
                content=f"依据{item.basis}编制。" if item.basis else "……",
                approved_on=today - datetime.timedelta(days=30),
            )
    services.rescue_agreement_save(
        actor=manager,
        enterprise=enterprise,
        party="区应急救援大队",
        contact="0431-12345678",
        valid_from=today - datetime.timedelta(days=340),
        # Every fourth agreement ends within the month: the warning shows.
        valid_until=today + datetime.timedelta(days=20 if index % 4 == 0 else 365),
    )
    for item in items:
        if item.kind == "drill_scenario":
            services.drill_plan_add(
                actor=manager,
                enterprise=enterprise,
                year=today.year,
                scenario=item.title.zh_hans,
                due_on=datetime.date(today.year, 12, 15),
            )
    posts = Unit.objects.filter(enterprise=enterprise, kind=Unit.Kind.POST).order_by(
        "pk"
    )
    first_post = posts.first()
    if first_post is None:
        return
    for item in items:
        if item.kind == "training":
            services.training_requirement_add(
                actor=manager,
                post=first_post,
                topic=item.title.zh_hans,
                is_certificate=item.is_certificate,
                valid_months=item.valid_months,
            )
    if manager.username in ("enterprise-1", "enterprise-2"):
        _fill_detail(enterprise, manager, first_post, today)


def _fill_detail(enterprise, manager, post, today: datetime.date) -> None:
    services.rescue_team_save(
        actor=manager,
        enterprise=enterprise,
        name="兼职应急救援队",
        kind="part_time",
        members=[(p, "队员") for p in Person.objects.filter(enterprise=enterprise)[:3]],
        equipment="正压式空气呼吸器 4 套；防化服 2 套；便携式气体检测仪 2 台",
        supplies_location="中控室东侧应急物资柜",
    )
    on_site = EmergencyPlan.objects.filter(
        enterprise=enterprise, kind="on_site"
    ).first()
    services.post_content_save(
        actor=manager,
        post=post,
        plan=on_site,
        scenario="物料泄漏或初期火灾：异味、报警仪报警、可见烟雾",
        first_actions=[
            {"action": "立即报告班长，按下紧急停车按钮", "responsible": "本岗位操作工"},
            {
                "action": "佩戴空气呼吸器，关闭泄漏点上游阀门",
                "responsible": "本岗位操作工",
            },
            {"action": "用灭火器扑救初期火灾，疏散无关人员", "responsible": "班长"},
        ],
        reporting_path="操作工 → 班长 → 值班调度 → 企业应急办 → 119/120",
        cautions="从上风向接近；使用防爆工具；严禁单人处置；未佩戴防护用品不得进入",
        contacts=[
            {"name": "值班调度", "phone": "0431-80000001"},
            {"name": "火警", "phone": "119"},
            {"name": "急救", "phone": "120"},
        ],
        escape_route="沿东侧安全通道撤离至厂区东门",
        assembly_point="东门广场紧急集合点",
    )
    plan_item = enterprise.drill_plan_items.order_by("pk").first()
    people = list(Person.objects.filter(enterprise=enterprise)[:5])
    services.drill_record(
        actor=manager,
        enterprise=enterprise,
        held_on=today - datetime.timedelta(days=20),
        scenario=plan_item.scenario if plan_item else "初期火灾扑救演练",
        participant_count=max(len(people), 1),
        participants=people,
        planned=plan_item,
        plan=on_site,
        evaluation="响应及时；空气呼吸器佩戴用时偏长。",
        improvements="每月组织一次空气呼吸器佩戴训练。",
    )
    session = services.training_session_save(
        actor=manager,
        enterprise=enterprise,
        topic="岗位应急处置卡培训",
        trainer="安全管理部",
        hours=2,
        held_on=today - datetime.timedelta(days=10),
    )
    for person in people:
        services.training_attendance_record(
            actor=manager, session=session, person=person, passed=True, score=90
        )
    exposure = services.exposure_add(
        actor=manager,
        post=post,
        factor="noise",
        agent="机泵噪声",
        warning_signs="噪声有害；必须戴护耳器",
    )
    services.workplace_test_record(
        actor=manager,
        enterprise=enterprise,
        tested_on=today - datetime.timedelta(days=400),
        next_due=today - datetime.timedelta(days=35),
        agency="职业卫生技术服务机构",
        results=[
            {
                "exposure": exposure,
                "measured": "87 dB(A)",
                "limit": "85 dB(A)",
                "compliant": False,
            }
        ],
    )
