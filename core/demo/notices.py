"""Demo public site: the account enterprises' risk notices (generated from
their risk points, submitted and approved by their industry department), two
circulars and a guidance document, so ``make demo`` shows a populated /.
Written through ``core.notices.services``; created once."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from core.notices.models import CircularNature, CircularPage, EnterpriseRiskNoticePage
from core.notices.services import (
    create_circular,
    create_guidance,
    risk_notice_generate,
    risk_notice_review,
    risk_notice_submit,
)
from core.organizations.models import Department, Role


def _users(role: str):
    return (
        get_user_model()
        .objects.filter(membership__role=role)
        .select_related("membership__department", "membership__enterprise")
        .order_by("pk")
    )


def ensure_demo_notices() -> int:
    """Publish the demo's notices; return how many pages were made now."""
    made = 0
    reviewers = list(_users(Role.INDUSTRY_DEPARTMENT))
    for manager in _users(Role.ENTERPRISE_MANAGER):
        enterprise = manager.membership.enterprise
        if EnterpriseRiskNoticePage.objects.filter(enterprise=enterprise).exists():
            continue
        page = risk_notice_generate(actor=manager, enterprise=enterprise)
        if not page.points:
            continue
        risk_notice_submit(actor=manager, page=page)
        industry_ids = set(enterprise.industries.values_list("pk", flat=True))
        reviewer = next(
            (
                user
                for user in reviewers
                if industry_ids
                & set(
                    user.membership.department.industries.values_list("pk", flat=True)
                )
            ),
            None,
        )
        if reviewer is not None:
            risk_notice_review(actor=reviewer, page=page, approve=True)
        made += 1
    if CircularPage.objects.exists():
        return made
    committee = _users(Role.COMMITTEE).first()
    if committee is not None and committee.membership.department is not None:
        create_circular(
            actor=committee,
            title="关于表扬双重预防机制建设先进企业的通报",
            body_html=(
                "<p>经各行业主管部门和街道推荐，对风险辨识全面、隐患整改及时的企业"
                "予以通报表扬。</p><ul><li>风险分级管控清单完整，四色分布图张贴到位；"
                "</li><li>隐患排查按周期开展，整改按期闭环。</li></ul>"
            ),
            issuer=committee.membership.department,
            publish=True,
            nature=CircularNature.PRAISE,
        )
        made += 1
    for reviewer in reviewers[:1]:
        department: Department = reviewer.membership.department
        create_circular(
            actor=reviewer,
            title=f"{department.name}关于重大隐患逾期未整改情况的通报",
            body_html=(
                "<p>本季度督查中发现部分企业重大隐患逾期未整改，现予通报批评，"
                "请相关企业于十五日内完成整改并报送整改报告。</p>"
            ),
            issuer=department,
            publish=True,
            nature=CircularNature.CRITICISM,
        )
        industry = department.industries.order_by("code").first()
        if industry is not None:
            create_guidance(
                actor=reviewer,
                title=f"{industry.name_zh}企业双重预防机制建设指导意见",
                body_html=(
                    "<h3>一、风险辨识</h3><p>以岗位为单元，全员参与辨识，"
                    "形成风险点清单。</p><h3>二、分级管控</h3><p>按重大、较大、一般、"
                    "低风险四级，落实公司、车间、班组、岗位管控责任。</p>"
                    "<h3>三、隐患排查</h3><p>按排查清单和周期开展，闭环管理。</p>"
                ),
                issuer=department,
                industry=industry,
                publish=True,
            )
        made += 2
    return made
